"""Minified HTML and precompressed text files; see kit_compress.py."""

from .kit_compress import MIN_BYTES, TEXT_SUFFIXES, compress_file, minify_page

__all__ = ["MIN_BYTES", "TEXT_SUFFIXES", "compress_file", "minify_page"]
