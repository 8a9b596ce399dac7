"""Markdown with YAML front matter, checked per folder; see kit_frontmatter.py."""

from .kit_frontmatter import YamlMarkdownReader, sanitize, split_front_matter

__all__ = ["YamlMarkdownReader", "sanitize", "split_front_matter"]
