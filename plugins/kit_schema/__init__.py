"""Declarative checks of YAML data; see kit_schema.py."""

from .kit_schema import (BuildStopped, Field, Problem, check, closest, did_you_mean, display_path, line_index,
                         load_yaml, parse_date, time_zones)

__all__ = ["BuildStopped", "Field", "Problem", "check", "closest", "did_you_mean", "display_path", "line_index",
           "load_yaml", "parse_date", "time_zones"]
