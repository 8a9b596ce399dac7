"""Page-weight budgets on every page of the production build, in every language.

Sizes are the bytes of the precompressed files the server sends, so they are exact
and the same on every machine: these are deterministic, not timings.
"""

from __future__ import annotations

import functools
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import brotli

from bench.corpus import write_corpus
from conftest import build
from kit_compress import MIN_BYTES, TEXT_SUFFIXES

FIRST_ROUND_TRIP = 14_000   # bytes: one TCP round trip carries about 14,600 with headers
TEXT_PAGE_TOTAL = 30_000    # bytes: everything a text page loads, images aside


class Linked(HTMLParser):
    """The stylesheets and scripts a page links, whatever the order and quoting of attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        if tag == "link" and "stylesheet" in named.get("rel", "").lower().split() and named.get("href"):
            self.stylesheets.append(named["href"])
        elif tag == "script" and named.get("src"):
            self.scripts.append(named["src"])


def gzip_bytes(site: Path, path: Path) -> int:
    packed = path.with_name(path.name + ".gz")
    return packed.stat().st_size if packed.exists() else path.stat().st_size


def local_file(site: Path, url: str) -> Path:
    return site / re.sub(r"^https?://[^/]+/", "", url).lstrip("/")


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 80
    return found


def weights(site: Path, page: Path) -> tuple[int, int, int]:
    """(HTML gzip, render-blocking gzip, everything the page loads gzip) in bytes."""
    linked = Linked(page.read_text(encoding="utf-8"))
    html_bytes = gzip_bytes(site, page)
    css = sum(gzip_bytes(site, local_file(site, url)) for url in linked.stylesheets)
    scripts = sum(gzip_bytes(site, local_file(site, url)) for url in linked.scripts)
    return html_bytes, html_bytes + css, html_bytes + css + scripts


@functools.cache
def site_weights(site: Path) -> dict[str, tuple[int, int, int]]:
    """`weights` of every page of a built site, read once for all the budgets checked on it."""
    return {str(p.relative_to(site)): weights(site, p) for p in pages(site)}


def over_budget(site: Path, measure: int, budget: int) -> dict[str, int]:
    """The pages whose weight number `measure` (an index into `weights`) is over `budget` bytes."""
    return {name: sizes[measure] for name, sizes in site_weights(site).items() if sizes[measure] > budget}


def test_every_page_fits_the_first_round_trip(production_site):
    assert over_budget(production_site, 0, FIRST_ROUND_TRIP) == {}


def test_html_and_render_blocking_css_fit_the_first_round_trip(production_site):
    assert over_budget(production_site, 1, FIRST_ROUND_TRIP) == {}


def test_a_text_page_loads_at_most_30_kb(production_site):
    assert over_budget(production_site, 2, TEXT_PAGE_TOTAL) == {}


def test_budgets_hold_however_much_is_published(tmp_path):
    """A busy office: 300 news items in each language. Listings are paginated and the sitemap
    page shows a few items of each kind, so every page still fits.

    Built without the search index, which takes a third of the build: the index is files under
    pagefind/ that no page links, so each page weighs the same with or without it (compared
    once: 1,203 pages, the same three numbers each)."""
    content = write_corpus(tmp_path, 300)
    site = build(tmp_path / "output", content, settings_file="publishconf.py", KIT_SEARCH=False)
    assert len(pages(site)) > 900
    assert over_budget(site, 0, FIRST_ROUND_TRIP) == {}
    assert over_budget(site, 2, TEXT_PAGE_TOTAL) == {}


def test_linked_files_are_found_whatever_the_attribute_order():
    linked = Linked('<link rel="preload stylesheet" href="/a.css"><link href=/b.css rel=stylesheet>'
                    '<link rel=icon href=/c.svg><script defer src="/d.js"></script><script>1</script>')
    assert (linked.stylesheets, linked.scripts) == (["/a.css", "/b.css"], ["/d.js"])


def test_the_first_render_needs_only_the_page(production_site):
    """The stylesheet travels inside every page: no second request before anything shows."""
    texts = {str(p.relative_to(production_site)): p.read_text(encoding="utf-8") for p in pages(production_site)}
    assert [name for name, html in texts.items() if Linked(html).stylesheets or "<style>" not in html] == []


def test_pages_are_minified(production_site):
    assert [page for page in pages(production_site) if "\n  " in page.read_text(encoding="utf-8")] == []


def test_every_text_file_has_gzip_and_brotli_copies_of_the_same_bytes(production_site):
    texts = [p for p in production_site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.stat().st_size >= MIN_BYTES]
    assert {p.suffix for p in texts} >= {".html", ".css", ".js", ".xml", ".svg", ".json", ".ics", ".csv"}
    for text in texts:
        data = text.read_bytes()
        assert gzip.decompress(text.with_name(text.name + ".gz").read_bytes()) == data, text
        assert brotli.decompress(text.with_name(text.name + ".br").read_bytes()) == data, text


def test_assets_carry_a_content_hash(production_site):
    css = list((production_site / "theme" / "css").glob("*.css"))
    assert css and all(re.fullmatch(r"kit\.[0-9a-f]{10}\.css", p.name) for p in css)
    assert not (production_site / "theme" / "css" / "kit.css").exists()



IMG = re.compile(r"<img\b[^>]*>")
RASTER_SRC = re.compile(r"""\ssrc=["']?[^\s"'>]+\.(?:jpe?g|png|webp|avif)[\s"'>]""")


def test_every_photo_is_sized_and_responsive_wherever_it_appears(production_site):
    """Body images, album and project photos, video posters: none is served at upload size."""
    bare: dict[str, list[str]] = {}
    for page in pages(production_site):
        for tag in IMG.findall(page.read_text(encoding="utf-8")):
            if RASTER_SRC.search(tag) and not all(f" {name}=" in tag for name in ("width", "height", "srcset", "sizes")):
                bare.setdefault(str(page.relative_to(production_site)), []).append(tag[:100])
    assert bare == {}
