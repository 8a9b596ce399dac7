"""The copies of the pages that Pagefind reads, made as each page is written.

A page with an element marked `data-pagefind-body` is indexed from that element
alone (and its `<html>` tag, which gives the language): the copy keeps nothing
else, a third of the page's bytes, and Pagefind's bundle is the same as from the
whole page (byte-identical on the benchmark corpus and the demo). Each copy has
a break after every label, value and cell (`separated`), then is folded for the
index (`folding.py`); when folding changes it, the separated copy is kept beside
it (`index.html.separated`), for the fragments readers see.

`PageCopies.note_page` takes each page from the writer as it is written, in
whichever process renders it, so the build never reads its pages back; `copy_pages`
makes the same copies from pages on disk (the live builder, and a language none of
whose pages is marked, where Pagefind indexes every page whole).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .folding import fold

CELL_END = re.compile(r"</(dt|dd|th|td)>", re.IGNORECASE)  # each is followed by a space, a label by a colon
STYLE = re.compile(r"(<style\b[^<>]*>).*?(</style>)", re.IGNORECASE | re.DOTALL)  # Pagefind reads no CSS
MARKED = re.compile(r"<([a-z][a-z0-9]*)[^<>]*\sdata-pagefind-body[\s=/>]", re.IGNORECASE)  # what Pagefind indexes
HTML_TAG = re.compile(r"<html\b[^<>]*>", re.IGNORECASE)
SEPARATED = ".separated"  # the suffix of a copy as written, beside its folded copy


def _separate(tag: re.Match) -> str:
    if tag.group(1).lower() == "dt" and not tag.string.endswith(":", 0, tag.start()):
        return ":</dt> "
    return tag.group() + " "


def separated(html: str) -> str:
    """The page with a break after each label, value and cell: Pagefind reads <dt>, <dd>, <th> and <td>
    as inline, so 'Budget' and 'TZS 2,100' would run together as 'BudgetTZS 2,100' in its excerpts.
    A label also gets a colon unless it ends with one."""
    return CELL_END.sub(_separate, html)


def marked_element(html: str) -> str | None:
    """The page reduced to what Pagefind reads of it, its `<html>` tag and the element marked
    `data-pagefind-body` (with all it holds), or None when no element is marked."""
    found = MARKED.search(html)
    if found is None:
        return None
    tags = re.compile(rf"<(/?){found.group(1)}\b[^<>]*>", re.IGNORECASE)
    depth, end = 0, len(html)
    for tag in tags.finditer(html, found.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.end()
            break
    opening = HTML_TAG.search(html)
    return (f"<!DOCTYPE html>{opening.group() if opening else '<html>'}<head></head><body>"
            f"{html[found.start():end]}</body></html>")


def write_copies(copies: Path, relative: str, text: str, made: set[str]) -> bool:
    """Write the separated, folded copy of one page's `text` at `relative` under `copies`, and beside
    it (`<name>.separated`, which Pagefind's glob does not match) the separated one when folding
    changes it; whether it did. `made` holds the folders that exist (one `mkdir` per folder)."""
    text = separated(text)
    folded = fold(text)
    path = os.path.join(copies, relative)
    parent = os.path.dirname(path)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    for name, copy in ((path, folded),) + (((path + SEPARATED, text),) if folded != text else ()):
        with open(name, "w", encoding="utf-8") as file:
            file.write(copy)
    return folded != text


class PageCopies:
    """The copies of one build's marked pages, written under `folder` as the writer writes each page.

    Pagefind's bundle depends on the order in which the file system lists a folder, which on some
    (tmpfs, btrfs) is the order the entries were made in, and the writer's processes write pages in
    no fixed order: `make_folders` makes every page's folder beforehand, in order."""

    def __init__(self, folder: Path, output: Path) -> None:
        self.folder, self.output = folder, os.path.abspath(output)
        self.made: set[str] = set()

    def make_folders(self, pages: list[str]) -> None:
        """Make the folders of the copies of `pages` (paths relative to the output), sorted."""
        for folder in sorted({os.path.join(self.folder, os.path.dirname(page)) for page in pages}):
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)

    def note_page(self, filename: str, html: str) -> None:
        """A page was written at `filename`: copy it when Pagefind would index it."""
        element = marked_element(html)
        if element is not None:
            write_copies(self.folder, os.path.relpath(os.path.abspath(filename), self.output), element, self.made)


def indexed_pages(pages: list[Path]) -> Iterator[tuple[Path, str]]:
    """The pages Pagefind indexes, each with what it reads of them: the marked element of each page
    that has one, or every page whole (less its stylesheet) when none is marked (Pagefind's own rule).
    One page at a time, each read once unless none is marked."""
    marked = False
    for page in pages:
        element = marked_element(page.read_text(encoding="utf-8"))
        if element is not None:
            marked = True
            yield page, element
    if not marked:
        yield from ((page, STYLE.sub(r"\1\2", page.read_text(encoding="utf-8"))) for page in pages)


def copy_pages(output: Path, pages: Iterable[tuple[Path, str]], copies: Path) -> bool:
    """Write the copies of `pages` (files in `output`, each with its text) under `copies`; whether
    folding changed any of them."""
    made: set[str] = set()
    changed = False
    for page, text in pages:
        changed = write_copies(copies, str(page.relative_to(output)), text, made) or changed
    return changed
