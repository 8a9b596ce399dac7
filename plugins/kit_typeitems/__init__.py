"""Preparation and extra checks of typed items; see kit_typeitems.py."""

from .kit_typeitems import describe_file, moment, prepare, reference_time

__all__ = ["describe_file", "moment", "prepare", "reference_time"]
