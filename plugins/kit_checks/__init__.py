"""Checks on the written site (internal links); see kit_checks.py."""

from .kit_checks import broken_links, internal_path

__all__ = ["broken_links", "internal_path"]
