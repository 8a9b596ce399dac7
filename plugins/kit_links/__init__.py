"""Addresses of content in every language; see kit_links.py."""

from .kit_links import (LISTINGS, TITLES, build_index, check_menu_links, register,
                        resolve, versions_by_lang)

__all__ = ["LISTINGS", "TITLES", "build_index", "check_menu_links", "register", "resolve", "versions_by_lang"]
