"""Listings of the government content types; see kit_typelists.py."""

from .kit_typelists import totals, typed_items, view_items, views_of

__all__ = ["totals", "typed_items", "view_items", "views_of"]
