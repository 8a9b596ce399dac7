"""Locale-aware date and number formatting for the kit's three languages.

Swahili (``sw``) and English (``en``) use the Gregorian calendar through
Babel.  Persian (``fa``) uses the Solar Hijri (Jalali) calendar through
``jdatetime`` and is always rendered with Persian digits (U+06F0..U+06F9).
All functions are pure; they are exposed to Jinja by another module.
"""

from __future__ import annotations

import datetime

import jdatetime
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, get_minus_sign_symbol

PERSIAN_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)

JALALI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)

GREGORIAN_PATTERN = "d MMMM y"


def to_native_digits(text: str, lang: str) -> str:
    """Replace ASCII digits by Persian digits for ``fa``; otherwise unchanged."""
    if lang == "fa":
        return text.translate(_TO_PERSIAN)
    return text


def _native_number(text: str, lang: str) -> str:
    """A number Babel wrote, with the language's digits and minus sign (``\u200e−`` in Persian)."""
    minus = get_minus_sign_symbol(lang, numbering_system="default")
    return to_native_digits(text.replace("-", minus), lang)


def format_number(value: int | float, lang: str) -> str:
    """Format a number with the locale's grouping and native digits.

    ``numbering_system="default"`` makes Babel use the locale's own
    symbols, e.g. ``٬`` and ``٫`` for Persian instead of ``,`` and ``.``.
    """
    return _native_number(format_decimal(value, locale=lang, numbering_system="default"), lang)


def format_coordinate(value: int | float, lang: str) -> str:
    """A latitude or longitude with every decimal it has, ungrouped, in the language's digits.

    ``-6.8235`` stays ``-6.8235`` in Swahili and English and is ``\u200e−۶٫۸۲۳۵`` in Persian.
    """
    text = format_decimal(value, locale=lang, numbering_system="default",
                          decimal_quantization=False, group_separator=False)
    return _native_number(text, lang)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    """Return the calendar date of ``value`` in its own timezone (no UTC shift)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def jalali_parts(value: datetime.date) -> tuple[int, int, int]:
    """Return ``(year, month, day)`` of ``value`` in the Solar Hijri calendar."""
    jalali = jdatetime.date.fromgregorian(date=_as_date(value))
    return jalali.year, jalali.month, jalali.day


def _format_jalali(value: datetime.date) -> str:
    """Format a date as "<day> <Persian month> <year>" with Persian digits."""
    year, month, day = jalali_parts(value)
    text = f"{day} {JALALI_MONTHS[month - 1]} {year}"
    return to_native_digits(text, "fa")


def _format_gregorian(value: datetime.date, lang: str) -> str:
    """Format a Gregorian date with Babel and the language's digits."""
    text = babel_format_date(value, format=GREGORIAN_PATTERN, locale=lang)
    return to_native_digits(text, lang)


def format_date(
    value: datetime.date | datetime.datetime,
    lang: str,
    with_gregorian: bool = False,
) -> str:
    """Format a date for display in ``lang``.

    For ``fa`` the Solar Hijri date is returned, optionally followed by the
    Gregorian date in parentheses when ``with_gregorian`` is true.
    """
    day = _as_date(value)
    if lang != "fa":
        return _format_gregorian(day, lang)
    text = _format_jalali(day)
    if with_gregorian:
        text = f"{text} ({_format_gregorian(day, 'fa')})"
    return text


def format_datetime(value: datetime.datetime, lang: str) -> str:
    """Format a datetime as the localized date followed by 24-hour ``HH:MM``."""
    clock = to_native_digits(value.strftime("%H:%M"), lang)
    return f"{format_date(value, lang)} {clock}"


def iso_date(value: datetime.date | datetime.datetime) -> str:
    """Return an ISO 8601 string (ASCII digits) for ``<time datetime>``."""
    return value.isoformat()
