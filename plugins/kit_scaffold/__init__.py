"""`make new`: scaffold a content file from its folder's schema; see kit_scaffold.py."""

from .kit_scaffold import file_name, front_matter, write_item

__all__ = ["file_name", "front_matter", "write_item"]
