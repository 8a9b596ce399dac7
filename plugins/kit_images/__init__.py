"""Responsive, metadata-free images; see kit_images.py."""

from .kit_images import (ENCODES, MAX_BYTES, MAX_PIXELS, MAX_SOURCE_BYTES, PHOTO_SIZES, UNREADABLE, UnreadableImage,
                         content_file, oversize, register, size_text, stripped, widths_for)

__all__ = ["ENCODES", "MAX_BYTES", "MAX_PIXELS", "MAX_SOURCE_BYTES", "PHOTO_SIZES", "UNREADABLE", "UnreadableImage",
           "content_file", "oversize", "register", "size_text", "stripped", "widths_for"]
