"""Tests on the built demo site: every page kind, identity, languages, site files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import ROOT, read

IDENTITY = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
CODES = [lang["code"] for lang in IDENTITY["languages"]["available"]]
NEWS_KINDS = ("news", "press-releases", "announcements", "speeches")
SHOWN_WITH_NEWS = ("press-conferences", "clarifications")
ATOM = "{http://www.w3.org/2005/Atom}"


class Links(HTMLParser):
    """Collects tags with their attributes from one page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **wanted) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag
                and all(attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in wanted.items())]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target(site: Path, href: str) -> Path:
    path = site / href.split("#")[0].lstrip("/")
    return path / "index.html" if href.endswith("/") else path


def test_every_page_kind_exists_in_every_language(demo_site):
    for code in CODES:
        prefix = "" if code == IDENTITY["languages"]["default"] else f"{code}/"
        for listing in NEWS_KINDS + ("units", "sitemap"):
            assert (demo_site / prefix / listing / "index.html").is_file(), (code, listing)
        assert (demo_site / prefix / "index.html").is_file()
        assert (demo_site / prefix / "404.html").is_file()
        assert (demo_site / prefix / "feeds" / "news.atom.xml").is_file()
    for path in ("about/index.html", "contact/index.html", "units/ict/index.html",
                 "units/communication/index.html", "sitemap.xml", "robots.txt"):
        assert (demo_site / path).is_file(), path


def test_at_least_twelve_news_items_in_the_default_language(demo_site):
    items = [p for kind in NEWS_KINDS for p in (demo_site / kind).glob("*/index.html")
             if p.parent.name != "page"]
    assert len(items) >= 12


def test_lang_and_dir_match_the_folder(demo_site):
    for page in html_pages(demo_site):
        relative = page.relative_to(demo_site).parts
        code = relative[0] if relative[0] in CODES else IDENTITY["languages"]["default"]
        head = read(demo_site, str(page.relative_to(demo_site)))[:200]
        direction = "rtl" if code == "fa" else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in head, page


def test_header_nav_and_footer_come_from_the_identity(demo_site):
    html = read(demo_site, "index.html")
    institution, contact = IDENTITY["institution"], IDENTITY["contact"]
    assert f"<title>{institution['name']['sw']}</title>" in html
    assert institution["parent"]["sw"] in html
    assert contact["email"] in html and contact["phone"] in html and contact["po_box"]["sw"] in html
    assert contact["office_hours"]["sw"] in html
    english = read(demo_site, "en/index.html")
    assert institution["name"]["en"] in english and contact["office_hours"]["en"] in english
    assert contact["po_box"]["en"] in english and contact["po_box"]["fa"] in read(demo_site, "fa/index.html")
    nav = Links(html).find("a", class_="kit-nav__link")
    menus = yaml.safe_load((ROOT / "content" / "menus.yaml").read_text(encoding="utf-8"))
    assert len(nav) == len(menus["main"])
    assert Links(html).find("a", class_="kit-nav__link", aria_current="page")[0]["href"] == "/"


def test_current_menu_item_and_breadcrumbs_on_a_listing(demo_site):
    page = Links(read(demo_site, "news/index.html"))
    assert page.find("a", class_="kit-nav__link", aria_current="page")[0]["href"] == "/news/"
    assert page.find("nav", class_="kit-breadcrumbs")
    item = Links(read(demo_site, "units/ict/index.html"))
    assert item.find("a", class_="kit-nav__link", aria_current="true")[0]["href"] == "/units/"


def test_footer_year_comes_from_the_newest_content(demo_site):
    years = [int(m) for p in (ROOT / "content").rglob("*.md")
             for m in re.findall(r"^date: (\d{4})-", p.read_text(encoding="utf-8"), re.M)]
    assert f"&copy; {max(years)} " in read(demo_site, "index.html")


def test_news_item_shows_date_category_and_skip_link(demo_site):
    html = read(demo_site, "news/2026-11-10-mradi-wa-maji-mbuyuni/index.html")
    assert '<time datetime="2026-11-10T09:30:00+03:00">10 Novemba 2026</time>' in html
    assert "Kundi: Maji" in html
    assert '<a class="kit-skip-link" href="#main">' in html and '<main id="main"' in html


def test_every_internal_link_and_asset_resolves(demo_site):
    for page in html_pages(demo_site):
        for tag, attrs in Links(page.read_text(encoding="utf-8")).tags:
            ref = attrs.get("href") or attrs.get("src")
            if ref and ref.startswith("/"):
                assert target(demo_site, ref).is_file(), f"{page}: {ref}"


def test_switcher_and_hreflang_are_reciprocal(demo_site):
    for page in html_pages(demo_site):
        links = Links(page.read_text(encoding="utf-8"))
        alternates = {a["hreflang"]: a["href"] for a in links.find("link", rel="alternate") if "hreflang" in a}
        for code, href in alternates.items():
            other = Links(read(demo_site, str(target(demo_site, href).relative_to(demo_site))))
            back = {a["hreflang"]: a["href"] for a in other.find("link", rel="alternate") if "hreflang" in a}
            assert back == alternates, (page, code)
        for link in links.find("a", class_="kit-langs__link"):
            assert target(demo_site, link["href"]).is_file(), (page, link["href"])


def test_a_translated_item_links_to_its_translation(demo_site):
    links = Links(read(demo_site, "about/index.html")).find("a", class_="kit-langs__link")
    assert {a["hreflang"]: a["href"] for a in links} == {"en": "/en/about/", "fa": "/fa/about/"}


def test_persian_pages_show_jalali_dates_in_persian_digits(demo_site):
    html = read(demo_site, "fa/news/index.html")
    dates = re.findall(r'<time datetime="([0-9T:+-]+)">([^<]+)</time>', html)
    assert dates, "the Persian news listing shows dates"
    for iso, shown in dates:
        assert not re.search(r"[0-9]", shown), shown
        assert re.fullmatch(r"[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}", shown)


def test_feeds_exist_per_language_and_kind(demo_site):
    for code in CODES:
        prefix = "" if code == IDENTITY["languages"]["default"] else f"{code}/"
        for kind in NEWS_KINDS + SHOWN_WITH_NEWS:
            feed = ET.parse(demo_site / prefix / "feeds" / f"{kind}.atom.xml").getroot()
            assert feed.tag == f"{ATOM}feed"
            shown = (kind, *SHOWN_WITH_NEWS) if kind == "news" else (kind,)  # the news feed follows its listing
            links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
            assert links and [link for link in links if not any(f"/{prefix}{k}/" in link for k in shown)] == []
    news = (demo_site / "en" / "feeds" / "news.atom.xml").read_text(encoding="utf-8")
    assert "/en/press-conferences/" in news and "/en/clarifications/" in news


def test_sitemap_lists_every_item_with_alternates(demo_site):
    root = ET.parse(demo_site / "sitemap.xml").getroot()
    urls = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in root]
    assert "/about/" in urls and "/en/about/" in urls and "/fa/news/" in urls
    about = next(u for u in root if u[0].text == "/about/")
    hreflangs = {link.get("hreflang") for link in about if link.tag.endswith("link")}
    assert hreflangs == {"sw", "en", "fa", "x-default"}
    assert "/404.html" not in urls


def test_robots_points_to_the_sitemap(demo_site):
    assert "Sitemap: /sitemap.xml" in read(demo_site, "robots.txt")
