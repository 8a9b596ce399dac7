"""The copies Pagefind reads: the marked element only, labels apart, folded; made as pages are written."""

import shutil
import subprocess
from pathlib import Path

from kit_search.copies import (SEPARATED, PageCopies, STYLE, copy_pages, indexed_pages, marked_element,
                               separated, write_copies)
from kit_search.folding import fold
from kit_search.kit_search import index_site

PAGE = ('<!DOCTYPE html><html lang="fa" dir="rtl"><head><style>p{color:red}</style><title>t</title></head>'
        '<body><nav><a href="/">خانه</a></nav><main><article class="kit-article" data-pagefind-body>'
        '<h1>گزارش ۱۴۰۵</h1><article class="kit-card"><p>درون</p></article><p>پس از آن</p></article>'
        '<article class="kit-card"><p>بیرون</p></article></main></body></html>')


def test_separated_gives_labels_a_colon_and_cells_a_space():
    html = "<dl><dt>Budget</dt><dd>TZS 2</dd><DT>Ward:</DT></dl><table><tr><th>A</th><td>1</td></tr></table>"
    assert separated(html) == ("<dl><dt>Budget:</dt> <dd>TZS 2</dd> <DT>Ward:</DT> </dl>"
                               "<table><tr><th>A</th> <td>1</td> </tr></table>")


def test_the_marked_element_is_kept_whole_with_the_page_language_and_nothing_else():
    element = marked_element(PAGE)
    assert element.startswith('<!DOCTYPE html><html lang="fa" dir="rtl"><head></head><body><article class')
    assert "<p>درون</p></article><p>پس از آن</p></article></body></html>" in element  # the nested one inside
    assert "بیرون" not in element and "خانه" not in element and "color:red" not in element
    assert marked_element("<main><p>the words data-pagefind-body in a text are no mark</p></main>") is None


def test_only_marked_pages_are_copied_unless_none_is(tmp_path):
    item, listing = tmp_path / "item.html", tmp_path / "listing.html"
    item.write_text(PAGE)
    listing.write_text("<html><head><style>x{}</style></head><main><p>no mark here</p></main></html>")
    assert [page for page, _ in indexed_pages([item, listing])] == [item]
    assert next(indexed_pages([item]))[1] == marked_element(PAGE)
    assert list(indexed_pages([listing])) == [(listing, STYLE.sub(r"\1\2", listing.read_text()))]  # whole, no CSS


def test_folding_keeps_the_separated_copy_beside_the_folded_one(tmp_path):
    assert write_copies(tmp_path, "fa/news/a/index.html", "<p>گزارش ۱۴۰۵</p>", set())
    assert (tmp_path / "fa/news/a/index.html").read_text() == fold("<p>گزارش ۱۴۰۵</p>") == "<p>گزارش 1405</p>"
    assert (tmp_path / f"fa/news/a/index.html{SEPARATED}").read_text() == "<p>گزارش ۱۴۰۵</p>"
    assert not write_copies(tmp_path, "news/b/index.html", "<p>habari</p>", set())
    assert sorted(path.name for path in (tmp_path / "news/b").iterdir()) == ["index.html"]


def test_copies_made_while_writing_equal_copies_made_from_disk(tmp_path):
    output = tmp_path / "output"
    pages = {"fa/news/a/index.html": PAGE, "news/b/index.html": PAGE.replace("۱۴۰۵", "2026"),
             "news/index.html": "<html><main><p>listing</p></main></html>"}
    for name, text in pages.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(text, encoding="utf-8")
    while_writing = PageCopies(tmp_path / "while-writing", output)
    while_writing.make_folders(list(pages))
    for name, text in pages.items():
        while_writing.note_page(str(output / name), text)
    copy_pages(output, indexed_pages(sorted(output.rglob("*.html"))), tmp_path / "from-disk")
    compared = subprocess.run(["diff", "-r", str(tmp_path / "while-writing"), str(tmp_path / "from-disk")],
                              capture_output=True, text=True)
    assert compared.returncode == 0, compared.stdout
    assert (tmp_path / "from-disk" / f"fa/news/a/index.html{SEPARATED}").exists()
    assert not (tmp_path / "from-disk" / "news/index.html").exists()  # not marked: not copied


def whole_page_copies(output: Path, pages: list[Path], copies: Path) -> None:
    """The copies as the kit made them before: the whole page less its stylesheet, separated, folded."""
    for page in pages:
        (copies / page.relative_to(output)).parent.mkdir(parents=True, exist_ok=True)
        text = separated(STYLE.sub(r"\1\2", page.read_text(encoding="utf-8")))
        (copies / page.relative_to(output)).write_text(fold(text), encoding="utf-8")


def test_pagefind_indexes_the_marked_element_as_it_indexes_the_whole_page(demo_site, tmp_path):
    """The claim the copies rest on, checked with the pinned Pagefind on the demo's Persian pages:
    the bundle from the marked elements alone is byte for byte the bundle from the whole pages."""
    output = tmp_path / "site"
    shutil.copytree(demo_site / "fa", output / "fa", ignore=shutil.ignore_patterns("pagefind"))
    pages = [page for page, _ in indexed_pages(sorted(output.rglob("*.html")))]
    assert len(pages) > 20
    whole_page_copies(output, pages, tmp_path / "whole")
    copy_pages(output, indexed_pages(pages), tmp_path / "element")
    for name in ("whole", "element"):
        assert index_site(tmp_path / name, "fa/**/*.html", tmp_path / f"{name}-bundle") is None
    assert len(list((tmp_path / "whole-bundle" / "fragment").iterdir())) == len(pages)
    compared = subprocess.run(["diff", "-r", str(tmp_path / "whole-bundle"), str(tmp_path / "element-bundle")],
                              capture_output=True, text=True)
    assert compared.returncode == 0, compared.stdout
