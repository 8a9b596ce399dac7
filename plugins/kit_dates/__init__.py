"""Date and number formatting helpers for the kit (sw, en, fa)."""

from .kit_dates import (
    format_date,
    format_datetime,
    format_number,
    iso_date,
    jalali_parts,
    to_native_digits,
)

__all__ = [
    "format_date",
    "format_datetime",
    "format_number",
    "iso_date",
    "jalali_parts",
    "to_native_digits",
]
