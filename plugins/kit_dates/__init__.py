"""Date and number formatting helpers for the kit (sw, en, fa)."""

from .kit_dates import (
    format_coordinate,
    format_date,
    format_datetime,
    format_number,
    iso_date,
    jalali_parts,
    to_native_digits,
)
from .punctuation import join_words, list_mark

__all__ = [
    "format_coordinate",
    "format_date",
    "format_datetime",
    "format_number",
    "iso_date",
    "jalali_parts",
    "join_words",
    "list_mark",
    "to_native_digits",
]
