"""Markdown with YAML front matter, checked per folder; see kit_frontmatter.py."""

from .kit_frontmatter import SCHEMAS, YamlMarkdownReader, register, sanitize, split_front_matter

__all__ = ["SCHEMAS", "YamlMarkdownReader", "register", "sanitize", "split_front_matter"]
