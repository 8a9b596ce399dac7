"""Theme assets with content-hashed names, and inlined stylesheets; see kit_assets.py."""

from .kit_assets import hashed_name, minify_css, style_sources

__all__ = ["hashed_name", "minify_css", "style_sources"]
