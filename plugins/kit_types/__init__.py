"""Schemas of the government content types; see kit_types.py."""

from .kit_types import LABELS, LISTED_TYPES, TYPES, ContentType, label, markdown_guide, register

__all__ = ["LABELS", "LISTED_TYPES", "TYPES", "ContentType", "label", "markdown_guide", "register"]
