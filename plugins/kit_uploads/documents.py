"""What a document of an allowed kind may still not carry: PDF actions, tags in text, CSV formulas.

A PDF can run JavaScript or start a program when it is opened (`/JS`, `/JavaScript`,
`/Launch`, automatic actions `/AA`, `/OpenAction` with such an action), embed other
files (`/EmbeddedFiles`), or hold Flash or XFA forms (`/RichMedia`, `/XFA`): such a PDF
is refused, found by walking every object pypdf parses (so names written `/J#53` are
decoded). A text or CSV file must not hold a tag (`<img`, `</p>`, `<!--`): served with
the wrong type it would run. An uploaded CSV must not hold a cell that a spreadsheet
would run as a formula (the same rule as the kit's own downloads, kit_downloads).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from kit_downloads.kit_downloads import csv_cell

ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/AA", "/Launch", "/EmbeddedFiles", "/RichMedia", "/XFA"})
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"})
TAG = re.compile(rb"<[A-Za-z!?/]")
logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd PDFs are not problems of the site


def pdf_problem(data: bytes) -> str | None:
    """Why a PDF may not be published (it runs, launches or embeds something), or None."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        found = sorted({name for number in object_numbers(reader)
                        for name in active_names(reader.get_object(number))})
    except Exception as error:  # a PDF pypdf cannot walk cannot be shown to be harmless
        return f"the PDF cannot be read to check it ({type(error).__name__}); export it again as PDF"
    if not found:
        return None
    return (f"the PDF holds {', '.join(found)}: a script, an action or an embedded file that would run or open "
            "when it is read; export it again as plain PDF (in Word or LibreOffice: Save as PDF), without forms "
            "or attachments")


def object_numbers(reader: PdfReader) -> list[int]:
    """The number of every object of the PDF, in its cross-reference tables and object streams."""
    numbers = {number for table in reader.xref.values() for number in table}
    return sorted(numbers | set(reader.xref_objStm))


def active_names(value: Any, depth: int = 0) -> set[str]:
    """The active keys and actions inside one object (its direct contents, not what it refers to)."""
    if depth > 50:
        return set()
    if isinstance(value, DictionaryObject):
        found = {str(key) for key in value if str(key) in ACTIVE_KEYS}
        action = value.get("/S")
        found |= {str(action)} if str(action) in ACTIVE_ACTIONS else set()
        return found.union(*(active_names(item, depth + 1) for item in value.values()))
    if isinstance(value, ArrayObject):
        return set().union(*(active_names(item, depth + 1) for item in value))
    return set()


def text_problem(data: bytes, suffix: str) -> str | None:
    """Why a text or CSV upload may not be published: a tag in it, or a formula in a CSV cell."""
    tag = TAG.search(data)
    if tag:
        line = data[:tag.start()].count(b"\n") + 1
        return (f"line {line} holds a tag ({data[tag.start():tag.start() + 12].decode('utf-8', 'replace')}…), "
                "which a browser could run; remove the markup, or publish the text on a page")
    return formula_problem(data.decode("utf-8-sig")) if suffix == ".csv" else None


def formula_problem(text: str) -> str | None:
    """Where a CSV holds a cell a spreadsheet would run as a formula, or None."""
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cell = next((cell for cell in row if csv_cell(cell) != cell), None)
        if cell is not None:
            return (f"line {number} has the cell '{cell[:40]}', which a spreadsheet would run as a formula; "
                    "put a single quote ' before it, or publish the table as PDF")
    return None
