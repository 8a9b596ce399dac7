"""Page-weight budgets on every page of the production build, in every language.

Sizes are the bytes of the precompressed files the server sends, so they are exact
and the same on every machine: these are deterministic, not timings.
"""

from __future__ import annotations

import re
from pathlib import Path

FIRST_ROUND_TRIP = 14_000   # bytes: one TCP round trip carries about 14,600 with headers
TEXT_PAGE_TOTAL = 30_000    # bytes: everything a text page loads, images aside
STYLESHEET = re.compile(r'<link href=(\S+?) rel=stylesheet>')
SCRIPT = re.compile(r'<script[^>]* src=(\S+?)[ >]')


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
    html = page.read_text(encoding="utf-8")
    html_bytes = gzip_bytes(site, page)
    css = sum(gzip_bytes(site, local_file(site, url)) for url in STYLESHEET.findall(html))
    scripts = sum(gzip_bytes(site, local_file(site, url)) for url in SCRIPT.findall(html))
    return html_bytes, html_bytes + css, html_bytes + css + scripts


def test_every_page_fits_the_first_round_trip(production_site):
    over = {str(p.relative_to(production_site)): weights(production_site, p)[0]
            for p in pages(production_site) if weights(production_site, p)[0] > FIRST_ROUND_TRIP}
    assert over == {}


def test_html_and_render_blocking_css_fit_the_first_round_trip(production_site):
    over = {str(p.relative_to(production_site)): weights(production_site, p)[1]
            for p in pages(production_site) if weights(production_site, p)[1] > FIRST_ROUND_TRIP}
    assert over == {}


def test_a_text_page_loads_at_most_30_kb(production_site):
    over = {str(p.relative_to(production_site)): weights(production_site, p)[2]
            for p in pages(production_site) if weights(production_site, p)[2] > TEXT_PAGE_TOTAL}
    assert over == {}


def test_the_first_render_needs_only_the_page(production_site):
    """The stylesheet travels inside every page: no second request before anything shows."""
    texts = {str(p.relative_to(production_site)): p.read_text(encoding="utf-8") for p in pages(production_site)}
    assert [name for name, html in texts.items() if STYLESHEET.search(html) or "<style>" not in html] == []


def test_pages_are_minified_and_precompressed(production_site):
    for page in pages(production_site):
        assert page.with_name(page.name + ".gz").is_file() and page.with_name(page.name + ".br").is_file()
        assert "\n  " not in page.read_text(encoding="utf-8"), page


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
