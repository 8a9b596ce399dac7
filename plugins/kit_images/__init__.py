"""Responsive, metadata-free images; see kit_images.py."""

from .kit_images import ENCODES, MAX_BYTES, PHOTO_SIZES, content_file, register, stripped, widths_for

__all__ = ["ENCODES", "MAX_BYTES", "PHOTO_SIZES", "content_file", "register", "stripped", "widths_for"]
