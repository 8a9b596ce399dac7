"""Checks of a built site that need Java or a browser; see kit_audit.py."""

from .kit_audit import (WCAG_TAGS, accessibility_violations, chromium, keyboard_stops, sample_pages,
                        serve, validate_html)

__all__ = ["WCAG_TAGS", "accessibility_violations", "chromium", "keyboard_stops", "sample_pages", "serve",
           "validate_html"]
