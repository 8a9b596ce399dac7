"""Home pages, listings and the sitemap page of each language; see kit_listings.py."""

from .kit_listings import (ListingsGenerator, Section, build_date, listed_items, pages_of,
                           sitemap_sections)

__all__ = ["ListingsGenerator", "Section", "build_date", "listed_items", "pages_of",
           "sitemap_sections"]
