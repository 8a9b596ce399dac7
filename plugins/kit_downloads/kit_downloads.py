"""CSV and JSON downloads of the projects and investment opportunities, per language.

`projects/projects.csv` and `projects/projects.json` (and the same for
investments, under each language's prefix) hold every published item of the
language with its figures, so journalists and planners can reuse them. Column
names are the front matter's English field names; values are plain ASCII
numbers and ISO dates, in the order of the listings.

A spreadsheet runs a CSV cell that starts with `=`, `+`, `-` or `@` (some also
one that starts with a tab, a line break or NUL) as a formula, which can fetch
addresses or start programs. `csv_cell` puts a single quote before such a text,
as OWASP advises, so it reads as text; numbers stay numbers. The JSON files keep
the exact values: JSON is data that nothing runs, and `json.dumps` escapes it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from pelican.generators import Generator
from kit_i18n import lang_prefix, page_lang
from kit_sitefiles import write_text_file
from kit_typelists import typed_items
from kit_types import chosen, types

FORMATS = ("csv", "json")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")  # OWASP's list, with LF and NUL (ASVS 1.2.10)
# A text of digits and spaces after one + or - (a phone number such as +255 754 000 120, or a
# negative figure written as text) can compute nothing but a number, so it is left as written.
PLAIN_NUMBER = re.compile(r"[+-][0-9][0-9 ]*(?:\.[0-9]+)?")


def downloadable(settings: dict) -> tuple[str, ...]:
    """The chosen types whose items make rows (projects, investments); each type's `rows` makes one."""
    return tuple(name for name, kind in chosen(settings).items() if kind.rows)


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet must read it: a number as it is, a text that a spreadsheet
    would run as a formula with a single quote before it, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    # Spaces before the sign are looked through: some programs trim a cell before reading it.
    if text.lstrip(" ").startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV (RFC 4180: quoted where needed, CRLF line ends), every cell safe to open."""
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({name: csv_cell(value) for name, value in row.items()} for row in rows)
    return buffer.getvalue()


def as_json(rows: list[dict[str, Any]]) -> str:
    """The rows as JSON with their exact values (the schema lets no NaN or infinity through,
    which JSON cannot hold; allow_nan=False makes sure of it)."""
    return json.dumps(rows, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def download_path(kind: str, fmt: str, lang: str, default_lang: str) -> str:
    return f"{lang_prefix(lang, default_lang)}{kind}/{kind}.{fmt}"


class DownloadsGenerator(Generator):
    """Writes the CSV and JSON files of each downloadable type and language."""

    def generate_output(self, writer) -> None:
        settings = self.settings
        for code in (lang["code"] for lang in settings["LANGUAGES"]):
            for kind in downloadable(settings):
                rows = self.rows(kind, code)
                for fmt, text in (("csv", as_csv(rows)), ("json", as_json(rows))):
                    write_text_file(Path(self.output_path) / download_path(kind, fmt, code, settings["DEFAULT_LANG"]),
                                    text)

    def rows(self, kind: str, code: str) -> list[dict[str, Any]]:
        """The row of every published item of one kind in one language, in listing order."""
        siteurl = str(self.settings["SITE"]["website"]).rstrip("/")
        items = typed_items(self.context.get("KIT_ITEMS", []), kind, code, self.settings)
        return [types()[kind].rows(item, siteurl) for item in items]


@pass_context
def download_url(context, kind: str, fmt: str) -> str:
    """`{{ download_url('projects', 'csv') }}`: the download in the page's language."""
    return download_path(kind, fmt, page_lang(context), context["DEFAULT_LANG"])


def install(generator) -> None:
    generator.env.globals.update({"download_url": download_url, "DOWNLOADS": downloadable(generator.settings)})


def get_generators(pelican) -> type[Generator]:
    return DownloadsGenerator
