"""Declarative checks of YAML data; see kit_schema.py."""

from .kit_schema import BuildStopped, Field, Problem, check, display_path, line_index, load_yaml, parse_date, register

__all__ = ["BuildStopped", "Field", "Problem", "check", "display_path", "line_index", "load_yaml", "parse_date", "register"]
