"""Documents of an allowed kind that still carry something active: PDF scripts, actions and
attachments, tags in text files, formulas in uploaded CSV files."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from fixture_site import Case, assert_neutralised, assert_refused, pdf
from kit_uploads.documents import formula_problem, pdf_problem, text_problem


def pdf_with(change) -> bytes:
    """A one-page PDF after `change(writer)`."""
    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=100, height=100)
    change(writer)
    writer.write(buffer)
    return buffer.getvalue()


def open_action(kind: str):
    def change(writer: PdfWriter) -> None:
        action = {NameObject("/S"): NameObject(kind), NameObject("/JS"): TextStringObject("app.alert(1)")}
        if kind == "/Launch":
            action = {NameObject("/S"): NameObject(kind), NameObject("/F"): TextStringObject("calc.exe")}
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(action)
    return change


def named_script(writer: PdfWriter) -> None:
    """A document-level script in the catalog's name tree, run when the PDF opens."""
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1)")})
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), script])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


PDFS = {
    "a document-level script": (named_script, "/JavaScript"),
    "a script run on opening": (open_action("/JavaScript"), "/JS"),
    "a program launched on opening": (open_action("/Launch"), "/Launch"),
    "an attached program": (lambda writer: writer.add_attachment("setup.exe", b"MZ\x90\x00 a program"),
                          "/EmbeddedFiles"),
}
CASES = [Case(f"PDF with {name}", {"files/publications/ripoti.pdf": pdf_with(change)},
              ("content/files/publications/ripoti.pdf", found, "export it again as plain PDF"))
         for name, (change, found) in PDFS.items()]
CASES += [
    Case("text with an image tag", {"files/tenders/soma.txt": "Soma hapa <img src=x onerror=alert(1)>\n"},
         ("content/files/tenders/soma.txt", "line 1 holds a tag (<img")),
    Case("text with a comment", {"files/tenders/soma.txt": "Habari\n<!-- x --><a href=x>y</a>\n"},
         ("content/files/tenders/soma.txt", "line 2 holds a tag")),
    Case("CSV with a formula", {"files/tenders/orodha.csv": "jina,simu\nAsha,=HYPERLINK(\"http://x\",\"y\")\n"},
         ("content/files/tenders/orodha.csv", "line 2 has the cell '=HYPERLINK", "single quote")),
    Case("CSV with a command", {"files/tenders/orodha.csv": "jina,simu\n\"@SUM(1+1)*cmd|' /C calc'!A0\",1\n"},
         ("content/files/tenders/orodha.csv", "line 2", "run as a formula")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_an_active_document_stops_the_build(tmp_path, case):
    assert_refused(tmp_path, case)


def test_plain_documents_are_published_as_they_are(tmp_path):
    files = {"files/tenders/orodha.csv": "jina,simu,kiasi\nAsha,+255 754 000 120,-5\nJuma,'=1+1,3\n",
             "files/tenders/soma.txt": "Bei < 5,000 na > 1,000 kwa kila mtu.\n",
             "files/publications/ripoti.pdf": pdf(3)}
    site = assert_neutralised(tmp_path, Case("plain documents", files, ()))
    for name, data in files.items():
        assert (site / name).read_bytes() == (data.encode() if isinstance(data, str) else data)


def test_the_checks_name_what_they_find():
    assert pdf_problem(pdf()) is None
    assert "/JavaScript" in pdf_problem(pdf_with(named_script))
    assert text_problem(b"a < b\n", ".txt") is None
    assert formula_problem("a,b\n1,-2\n") is None and formula_problem("a\n=1\n").startswith("line 2")
