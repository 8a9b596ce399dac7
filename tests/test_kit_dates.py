"""Tests for the kit_dates formatting helpers."""

import datetime
import re

import pytest

from kit_dates import (
    format_coordinate,
    format_date,
    format_datetime,
    format_number,
    iso_date,
    jalali_parts,
    join_words,
    list_mark,
    to_native_digits,
)

ASCII_DIGIT = re.compile(r"[0-9]")
SAMPLE = datetime.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("gregorian", "jalali"),
    [
        ("2025-03-20", (1403, 12, 30)),  # leap day of leap year 1403
        ("2025-03-21", (1404, 1, 1)),  # Nowruz 1404
        ("2024-03-20", (1403, 1, 1)),  # Nowruz 1403
        ("2024-03-19", (1402, 12, 29)),  # last day of common year 1402
        ("2026-03-21", (1405, 1, 1)),  # Nowruz 1405
        ("2026-03-20", (1404, 12, 29)),  # last day of common year 1404
        ("2026-11-22", (1405, 9, 1)),  # 1 Azar 1405
        ("2017-03-21", (1396, 1, 1)),  # Nowruz 1396
        ("2021-03-20", (1399, 12, 30)),  # leap day of leap year 1399
    ],
)
def test_jalali_parts(gregorian, jalali):
    assert jalali_parts(datetime.date.fromisoformat(gregorian)) == jalali


def test_to_native_digits():
    assert to_native_digits("2026-11", "fa") == "۲۰۲۶-۱۱"
    assert to_native_digits("0123456789", "fa") == "۰۱۲۳۴۵۶۷۸۹"
    assert to_native_digits("2026", "en") == "2026"
    assert to_native_digits("2026", "sw") == "2026"


def test_format_date_sw():
    assert format_date(SAMPLE, "sw") == "22 Novemba 2026"


def test_format_date_en():
    assert format_date(SAMPLE, "en") == "22 November 2026"


def test_format_date_fa():
    assert format_date(SAMPLE, "fa") == "۱ آذر ۱۴۰۵"


def test_format_date_fa_leap_day():
    assert format_date(datetime.date(2025, 3, 20), "fa") == "۳۰ اسفند ۱۴۰۳"


def test_format_date_fa_with_gregorian():
    text = format_date(SAMPLE, "fa", with_gregorian=True)
    assert text == "۱ آذر ۱۴۰۵ (۲۲ نوامبر ۲۰۲۶)"


def test_with_gregorian_ignored_for_other_languages():
    assert format_date(SAMPLE, "en", with_gregorian=True) == "22 November 2026"


@pytest.mark.parametrize("with_gregorian", [False, True])
def test_format_date_fa_has_no_ascii_digits(with_gregorian):
    for value in (SAMPLE, datetime.date(2025, 3, 20), datetime.date(2000, 1, 1)):
        text = format_date(value, "fa", with_gregorian=with_gregorian)
        assert not ASCII_DIGIT.search(text)


def test_format_date_timezone_aware_uses_own_date():
    # 01:30 on 22 Nov in Tehran is still 21 Nov in UTC; keep the local day.
    tehran = datetime.timezone(datetime.timedelta(hours=3, minutes=30))
    value = datetime.datetime(2026, 11, 22, 1, 30, tzinfo=tehran)
    assert format_date(value, "fa") == "۱ آذر ۱۴۰۵"
    assert format_date(value, "en") == "22 November 2026"


def test_format_date_other_locale_falls_back_to_babel():
    assert format_date(SAMPLE, "de") == "22 November 2026"
    assert format_date(SAMPLE, "fr") == "22 novembre 2026"


def test_format_datetime():
    value = datetime.datetime(2026, 11, 22, 9, 5)
    assert format_datetime(value, "en") == "22 November 2026 09:05"
    assert format_datetime(value, "sw") == "22 Novemba 2026 09:05"
    assert format_datetime(value, "fa") == "۱ آذر ۱۴۰۵ ۰۹:۰۵"


def test_format_number_fa():
    assert format_number(12345, "fa") == "۱۲٬۳۴۵"
    assert format_number(1234.5, "fa") == "۱٬۲۳۴٫۵"
    assert not ASCII_DIGIT.search(format_number(9876543210, "fa"))


def test_format_number_en_and_sw():
    assert format_number(12345, "en") == "12,345"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(12345, "sw") == "12,345"


def test_iso_date_keeps_ascii_digits():
    assert iso_date(SAMPLE) == "2026-11-22"
    value = datetime.datetime(2026, 11, 22, 9, 5, tzinfo=datetime.timezone.utc)
    assert iso_date(value) == "2026-11-22T09:05:00+00:00"
    assert ASCII_DIGIT.search(iso_date(SAMPLE))
    assert not re.search("[\u06f0-\u06f9]", iso_date(SAMPLE))


def test_format_number_fa_writes_the_persian_minus_sign():
    assert format_number(-1234.5, "fa") == "\u200e−۱٬۲۳۴٫۵"
    assert format_number(-1234.5, "en") == "-1,234.5"


@pytest.mark.parametrize(("value", "lang", "text"), [
    (-6.8235, "fa", "\u200e−۶٫۸۲۳۵"), (37.66125, "fa", "۳۷٫۶۶۱۲۵"), (1234.5, "fa", "۱۲۳۴٫۵"),
    (-6.8235, "sw", "-6.8235"), (37.66125, "en", "37.66125"), (1234.5, "en", "1234.5"),
])
def test_format_coordinate_keeps_every_decimal_and_no_grouping(value, lang, text):
    assert format_coordinate(value, lang) == text


def test_persian_joins_words_with_the_arabic_comma_and_semicolon():
    assert join_words(["دولت", "", "صندوق ملی آب"], "fa") == "دولت، صندوق ملی آب"
    assert join_words(["الف", "ب"], "fa", "semicolon") == "الف؛ ب"
    assert list_mark("fa") == "\u060c" and list_mark("fa", "semicolon") == "\u061b"


@pytest.mark.parametrize("lang", ["sw", "en", "de"])
def test_other_languages_join_words_with_latin_marks(lang):
    assert join_words(["Serikali", None, "UNICEF"], lang) == "Serikali, UNICEF"
    assert join_words(["a", "b"], lang, "semicolon") == "a; b"
