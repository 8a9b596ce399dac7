"""Minified HTML and precompressed text files; see kit_compress.py."""

from .kit_compress import compress_file, minify_page, register

__all__ = ["compress_file", "minify_page", "register"]
