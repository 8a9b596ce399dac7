"""Addresses of content in every language; see kit_links.py."""

from .kit_links import (build_index, check_menu_links, listing_refs, resolve, title_msgid,
                        versions_by_lang)

__all__ = ["build_index", "check_menu_links", "listing_refs", "resolve", "title_msgid",
           "versions_by_lang"]
