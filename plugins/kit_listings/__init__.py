"""Home pages, listings and the sitemap page of each language; see kit_listings.py."""

from .kit_listings import NEWS_KINDS, ListingsGenerator, listed_items, pages_of, register

__all__ = ["NEWS_KINDS", "ListingsGenerator", "listed_items", "pages_of", "register"]
