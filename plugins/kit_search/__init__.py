"""Full-text search with Pagefind; see kit_search.py."""

from .kit_search import KEPT_FILES, index_site

__all__ = ["KEPT_FILES", "index_site"]
