"""Theme assets with content-hashed names; see kit_assets.py."""

from .kit_assets import hashed_name, minify_css, register

__all__ = ["hashed_name", "minify_css", "register"]
