"""Open Graph tags and JSON-LD structured data; see kit_structured.py."""

from .kit_structured import absolute, json_ld, open_graph, organization, plain, text_in

__all__ = ["absolute", "json_ld", "open_graph", "organization", "plain", "text_in"]
