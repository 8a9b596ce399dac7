"""Consultations on the tiny fixture site: stages that move with the reference time, the three
listings, the Atom feed, the schema.org data and the errors of their declared rules."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fixture_site import Case, apply, assert_refused, pdf, staged_build, tiny_site

NOVEMBER = "1795305600"  # 2026-11-22 00:00 UTC, 03:00 in Dar es Salaam, 03:30 in Tehran
LATER = "1801440000"  # 2027-02-01 00:00 UTC
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = 'Ada & tozo <b>mpya</b> "sokoni"'


def consultation(title: str, opens: str, closes: str, extra: str = "", body: str = "Maelezo.") -> str:
    """The Markdown file of one consultation that answers by e-mail."""
    return (f"---\ntitle: '{title}'\nsummary: Muhtasari wa {title}\nopens: {opens}\ncloses: {closes}\n"
            f"consulted: Wakazi wa kata ya Lumbe\nrespond:\n  email: maoni@majaribio.go.tz\n{extra}---\n{body}\n")


OUTCOME = ("outcome:\n  date: {date}\n  summary: Maoni 40 yalipokelewa; soko litajengwa.\n  documents:\n"
           "    - title: Ripoti ya matokeo\n      file: files/consultations/matokeo.pdf\n")
CONSULTATIONS = {
    # open until mid-December, with documents, an address, a form, an English translation
    "consultations/soko.md": consultation(
        "Soko jipya", "2026-11-01 08:00", "2026-12-15 17:00",
        "  address: Ofisi ya Mipango, Lumbe\n  form: https://fomu.majaribio.go.tz/soko\n"
        "documents:\n  - title: Rasimu ya mpango wa soko\n    file: files/consultations/rasimu.pdf\n"
        "timezone: Africa/Dar_es_Salaam\n"),
    "consultations/soko.en.md": consultation(HOSTILE_TITLE, "2026-11-01 08:00", "2026-12-15 17:00",
                                             "  address: Planning Office, Lumbe\n"
                                             "  form: https://fomu.majaribio.go.tz/soko\n"
                                             "timezone: Africa/Dar_es_Salaam\n", "A <b>bold</b> & \"more\" text."),
    # not open yet in November: listed as open (it opens soon), kept out of the feed until it opens
    "consultations/mapema.md": consultation("Ratiba ya maji", "2026-12-01", "2027-01-10"),
    # closing moments around 2026-11-22 00:00 UTC, read in each item's own time zone
    "consultations/saa-tatu.md": consultation("Barabara ya Lumbe", "2026-11-01", "2026-11-22 03:01",
                                              "timezone: Africa/Dar_es_Salaam\n"),
    "consultations/saa-mbili.md": consultation("Mabasi ya shule", "2026-11-01", "2026-11-22 02:59",
                                               "timezone: Africa/Dar_es_Salaam\n"),
    "consultations/tehran.md": consultation("Bustani ya mji", "2026-11-01", "2026-11-22", "timezone: Asia/Tehran\n"),
    # closed, no outcome yet
    "consultations/usafi.md": consultation("Usafi wa mazingira", "2026-09-01", "2026-10-31"),
    # closed; its outcome is dated after November, so it is published only later
    "consultations/baadaye.md": consultation("Ada ya maegesho", "2026-09-01", "2026-10-01",
                                             OUTCOME.format(date="2026-12-20")),
    # with its outcome, and one whose outcome came on its closing day
    "consultations/siku-moja.md": consultation("Siku moja", "2026-08-01", "2026-08-31 12:00",
                                               OUTCOME.format(date="2026-08-31")),
    "consultations/stendi.md": consultation("Stendi ya mabasi", "2026-06-01 08:00", "2026-07-15 16:00",
                                            OUTCOME.format(date="2026-09-10")),
}


class Cards(HTMLParser):
    """The item addresses of a listing's cards, the links of its head and its JSON-LD text."""

    def __init__(self, html: str):
        super().__init__()
        self.cards: list[str] = []
        self.alternates: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "kit-card__link" in (attrs.get("class") or "").split():
            self.cards.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type") == "application/atom+xml":
            self.alternates.append(attrs)


def site_with_consultations(folder: Path) -> Path:
    """The tiny site with the consultations above and their PDFs."""
    content = tiny_site(folder)
    apply(content, {**CONSULTATIONS, "files/consultations/rasimu.pdf": pdf(2),
                    "files/consultations/matokeo.pdf": pdf()})
    return content


def built_at(folder: Path, epoch: str) -> Path:
    """The site built as if the clock read `epoch` (SOURCE_DATE_EPOCH)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        outcome = staged_build(site_with_consultations(folder), folder / "output")
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if old is None else os.environ.update(SOURCE_DATE_EPOCH=old)
    assert outcome.code == 0, outcome.message
    return folder / "output"


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    return built_at(tmp_path_factory.mktemp("november"), NOVEMBER)


@pytest.fixture(scope="module")
def later(tmp_path_factory) -> Path:
    return built_at(tmp_path_factory.mktemp("later"), LATER)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def cards(site: Path, path: str) -> list[str]:
    """The consultations a listing shows, by key, in order."""
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in Cards(read(site, path)).cards]


def test_the_three_listings_follow_the_reference_time_and_the_items_time_zones(november, later):
    # 03:01 in Dar es Salaam is after 00:00 UTC and 02:59 before it; Tehran's whole day ends at 20:30 UTC
    assert cards(november, "consultations/index.html") == ["saa-tatu", "tehran", "soko", "mapema"]
    assert cards(november, "consultations/closed/index.html") == ["saa-mbili", "usafi", "baadaye"]
    assert cards(november, "consultations/outcome/index.html") == ["siku-moja", "stendi"]
    assert cards(later, "consultations/index.html") == []
    assert cards(later, "consultations/closed/index.html") == ["mapema", "soko", "tehran", "saa-tatu",
                                                               "saa-mbili", "usafi"]
    assert cards(later, "consultations/outcome/index.html") == ["baadaye", "siku-moja", "stendi"]
    assert cards(later, "en/consultations/closed/index.html") == ["soko"]


def test_each_listing_names_its_stage_and_links_the_other_two_and_the_feed(november):
    closed = read(november, "consultations/closed/index.html")
    assert re.search(r"<h1>Maoni ya wananchi: Yanasubiri matokeo</h1>", closed)
    assert re.search(r'aria-current="?page"?[^>]*>Yanasubiri matokeo \(3\)<', closed)
    for other in ("/consultations/", "/consultations/outcome/", "/feeds/consultations.atom.xml"):
        assert f'href="{other}"' in closed or f"href={other}>" in closed, other
    assert [link["href"] for link in Cards(closed).alternates] == ["/feeds/consultations.atom.xml"]


def test_an_item_page_shows_what_its_stage_needs(november, later):
    open_page = read(november, "consultations/soko/index.html")
    assert "mailto:maoni@majaribio.go.tz" in open_page and "https://fomu.majaribio.go.tz/soko" in open_page
    assert "/files/consultations/rasimu.pdf" in open_page and "kurasa 2" in open_page
    assert '<time datetime="2026-12-15T17:00:00+03:00">' in open_page
    closed_page = read(later, "consultations/soko/index.html")
    assert "mailto:" not in closed_page.split('<main')[1].split("</main>")[0]
    waiting = read(november, "consultations/baadaye/index.html")
    assert "soko litajengwa" not in waiting and "matokeo.pdf" not in waiting
    published = read(later, "consultations/baadaye/index.html")
    assert "soko litajengwa" in published and "/files/consultations/matokeo.pdf" in published
    assert '<time datetime="2026-12-20">' in published


def entries(site: Path, path: str) -> list[ElementTree.Element]:
    root = ElementTree.fromstring((site / path).read_bytes())  # raises on anything but well-formed XML
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_the_atom_feed_is_dated_by_the_opening_and_escaped(november, later):
    titles = [entry.findtext(f"{ATOM}title") for entry in entries(november, "feeds/consultations.atom.xml")]
    # newest opening first (ties by file name); Ratiba ya maji opens in December
    assert titles == ["Soko jipya", "Mabasi ya shule", "Barabara ya Lumbe", "Bustani ya mji", "Ada ya maegesho",
                      "Usafi wa mazingira", "Siku moja", "Stendi ya mabasi"]
    assert [entry.findtext(f"{ATOM}title") for entry in entries(later, "feeds/consultations.atom.xml")][0] == \
        "Ratiba ya maji"
    english = entries(november, "en/feeds/consultations.atom.xml")
    assert [entry.findtext(f"{ATOM}title") for entry in english] == [HOSTILE_TITLE]
    assert english[0].findtext(f"{ATOM}published") == "2026-11-01T08:00:00+03:00"
    assert english[0].find(f"{ATOM}link").get("href").endswith("/en/consultations/soko/")
    raw = (november / "en/feeds/consultations.atom.xml").read_text(encoding="utf-8")
    assert "<b>" not in raw and "&amp; tozo &lt;b&gt;" in raw and "&lt;b&gt;bold&lt;/b&gt;" in raw


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="?application/ld\+json"?>(.*?)</script>', html, re.S).group(1))


def test_the_structured_data_is_an_event_from_opening_to_closing(november):
    html = read(november, "consultations/soko/index.html")
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2026-11-01T08:00:00+03:00", "2026-12-15T17:00:00+03:00")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {"@type": "VirtualLocation", "url": "https://fomu.majaribio.go.tz/soko"} in data["location"]
    assert {"@type": "Place", "address": "Ofisi ya Mipango, Lumbe"} in data["location"]
    assert data["audience"] == {"@type": "Audience", "audienceType": "Wakazi wa kata ya Lumbe"}
    english = read(november, "en/consultations/soko/index.html")
    assert json_ld(english)["name"] == HOSTILE_TITLE
    script = re.search(r'<script type="?application/ld\+json"?>(.*?)</script>', english, re.S).group(1)
    assert "<" not in script and "\\u003cb\\u003e" in script
    assert json_ld(read(november, "consultations/usafi/index.html"))["endDate"] == "2026-11-01T00:00:00+03:00"


BAD = Case("consultation rules", {
    "consultations/bad-order.md": consultation("Mpangilio", "2026-10-05 09:00", "2026-10-01 10:00"),
    "consultations/bad-outcome.md": (
        "---\ntitle: Matokeo mapema\nsummary: x\nopens: 2026-09-01\ncloses: 2026-10-31 12:00\n"
        "consulted: Wote\nrespond:\n  email: maoni(at)majaribio\n  form: fomu.majaribio.go.tz\n"
        "documents:\n  - title: Rasimu\n    file: files/consultations/rasim.pdf\n"
        "outcome:\n  date: 2026-10-30\n  summary: Imeamuliwa.\n---\nx\n"),
    "consultations/no-way.md": ("---\ntitle: Hakuna njia\nsummary: x\nopens: 2026-09-01\ncloses: 2026-10-31\n"
                                "consulted: Wote\nrespond:\n  address: ''\n---\nx\n"),
    "files/consultations/rasimu.pdf": pdf(),
}, (
    "content/consultations/bad-order.md:5: closes: '2026-10-01 10:00' is before the opens",
    "content/consultations/bad-outcome.md:8: respond.email: 'maoni(at)majaribio' is not right; "
    "expected an e-mail address",
    "content/consultations/bad-outcome.md:9: respond.form: 'fomu.majaribio.go.tz' is not right; "
    "expected a web address starting with https://",
    "content/consultations/bad-outcome.md:12: documents.0.file: 'files/consultations/rasim.pdf' is not a file "
    "of the site; did you mean 'files/consultations/rasimu.pdf'?",
    "content/consultations/bad-outcome.md:14: outcome.date: '2026-10-30' is before the closing; "
    "expected a date not before 2026-10-31 12:00",
    "content/consultations/no-way.md:7: respond: gives no way to respond; expected at least one of address, "
    "email and form",
))


def test_rule_errors_name_the_file_line_and_field(tmp_path):
    assert_refused(tmp_path, BAD)

