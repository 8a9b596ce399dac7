"""Search: one Pagefind index per language, items only, used from the search page alone."""

import gzip
import json
import re
from urllib.parse import quote

import pytest

from test_site import CODES, IDENTITY

DEFAULT = IDENTITY["languages"]["default"]


def bundle(site, code: str):
    return site / ("pagefind" if code == DEFAULT else f"{code}/pagefind")


def indexed_urls(site, code: str | None = None) -> list[str]:
    urls = []
    for fragment in [f for c in CODES if code in (None, c) for f in (bundle(site, c) / "fragment").iterdir()]:
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd")
        urls.append(json.loads(text)["url"])
    return sorted(urls)


@pytest.mark.parametrize("code", CODES)
def test_each_language_has_a_bundle_of_its_own_pages(demo_site, code):
    entry = json.loads((bundle(demo_site, code) / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [code]
    urls = indexed_urls(demo_site, code)
    assert len(urls) > 10
    prefix = "/" if code == DEFAULT else f"/{code}/"
    foreign = tuple(f"/{other}/" for other in CODES if other not in (code, DEFAULT))
    assert [url for url in urls if not url.startswith(prefix) or url.startswith(foreign)] == []
    search = (demo_site / prefix.lstrip("/") / "search" / "index.html").read_text(encoding="utf-8")
    assert f'data-pagefind="{prefix}pagefind/pagefind.js"' in search


def test_only_items_are_indexed(demo_site):
    urls = indexed_urls(demo_site)
    assert "/news/2026-11-10-mradi-wa-maji-mbuyuni/" in urls and "/en/units/ict/" in urls
    listings = r"^/((en|fa)/)?((news|press-releases|announcements|speeches|units|sitemap|search)/)?$"
    assert [url for url in urls if re.match(listings, url) or url.endswith("404.html")] == []


def test_no_page_but_the_search_page_loads_a_script(demo_site):
    runs_script = re.compile(r'<script(?! type="?application/ld\+json"?>)')  # JSON-LD is data, never run
    with_script = sorted(str(p.relative_to(demo_site)) for p in demo_site.rglob("*.html")
                         if runs_script.search(p.read_text(encoding="utf-8")))
    assert with_script == ["en/search/index.html", "fa/search/index.html", "search/index.html"]
    html = (demo_site / "search" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="module" src="/theme/js/search\.[0-9a-f]+\.js"></script>', html)


@pytest.mark.parametrize("prefix, word, expected", [
    ("/", "Mbuyuni", "/news/2026-11-10-mradi-wa-maji-mbuyuni/"),
    ("/en/", "vaccination", "/en/news/2026-07-15-kampeni-ya-chanjo-ya-surua/"),
    ("/fa/", "واکسیناسیون", "/fa/news/"),
])
def test_search_page_finds_items_in_its_own_language(browser_on_demo, prefix, word, expected):
    base, browser = browser_on_demo
    page = browser.new_page()
    page.goto(f"{base}{prefix}search/?q={quote(word)}")
    page.wait_for_selector(".kit-results__item a", timeout=10000)
    hrefs = page.eval_on_selector_all(".kit-results__item a", "links => links.map(a => a.getAttribute('href'))")
    page.close()
    assert any(href.startswith(expected) for href in hrefs), hrefs
    assert all(href.startswith(prefix) for href in hrefs)
    if prefix == "/":
        assert not any(href.startswith(("/en/", "/fa/")) for href in hrefs)


def fragment_text(site, code: str, url: str) -> str:
    """The text Pagefind keeps for excerpts of the page at `url`."""
    for path in (bundle(site, code) / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd"))
        if data["url"] == url:
            return data["content"]
    raise AssertionError(f"{url} is not indexed")


def test_labels_and_values_stay_apart_in_excerpts(demo_site):
    english = fragment_text(demo_site, "en", "/en/projects/soko-la-kisasa-mlimani/")
    assert "Budget: TZS 2,100,000,000" in english and "BudgetTZS" not in english
    persian = fragment_text(demo_site, "fa", "/fa/projects/soko-la-kisasa-mlimani/")
    assert "بودجه: TZS ۲٬۱۰۰٬۰۰۰٬۰۰۰" in persian and "بودجهTZS" not in persian
