"""Open Graph tags and JSON-LD structured data; see kit_structured.py."""

from .kit_structured import json_ld, open_graph, register

__all__ = ["json_ld", "open_graph", "register"]
