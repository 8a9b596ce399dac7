"""Only documents and images of known, harmless kinds are published; see kit_uploads.py."""

from .kit_uploads import ALLOWED, DOCUMENTS, IMAGES, REFUSED, detect, file_problem, register, svg_problem

__all__ = ["ALLOWED", "DOCUMENTS", "IMAGES", "REFUSED", "detect", "file_problem", "register", "svg_problem"]
