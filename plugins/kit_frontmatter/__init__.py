"""Markdown with YAML front matter, checked per folder; see kit_frontmatter.py."""

from .kit_frontmatter import YamlMarkdownReader, register, sanitize, split_front_matter

__all__ = ["YamlMarkdownReader", "register", "sanitize", "split_front_matter"]
