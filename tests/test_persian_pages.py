"""Persian pages read as Persian: every number, list marker and separator the kit writes.

A Persian-only office is built from the tiny fixture site with Persian texts that hold no
digit and no comma of their own (only the phone numbers, which stay as dialled; the numbers
in its front matter are values the kit formats). Whatever other ASCII digit or Latin comma its
pages show, the kit wrote. On the demo's Persian pages a text with a digit or comma passes
only when the editor wrote it, word for word, in a content file. Machine-read values (addresses, `datetime=`, structured data) are not shown
text and keep ASCII.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import pytest

from conftest import demo_content
from fixture_site import pdf, staged_build, tiny_site, write

SHOWN_ATTRIBUTES = ("aria-label", "title", "alt")
LATIN = re.compile(r"[0-9,;%]")  # ASCII digits, Latin comma and semicolon, ASCII percent sign
WORDY = re.compile(r"\w")
PHONES = {"+255 23 260 0120", "+255 754 000 120"}  # the only digits the office's editors wrote as text

SITE_YAML = """\
institution:
  name: شورای آزمایشی
  kind: district
  parent: دفتر ریاست‌جمهوری
  emblem: images/emblem.svg
  emblem_alt: نشان ملی
contact:
  postal_address: خیابان اصلی شهر آزمایش
  po_box: صندوق پستی شهر
  phone: "+255 23 260 0120"
  mobile: "+255 754 000 120"
  email: info@majaribio.go.tz
  office_hours: شنبه تا چهارشنبه
  location:
    latitude: -6.8235
    longitude: 37.6612
    description: روبه‌روی بازار
copyright_holder: شورای آزمایشی
languages:
  default: fa
  available:
    - code: fa
      name: فارسی
website: https://www.majaribio.go.tz
"""
MENUS_YAML = """\
main:
  - label: خانه
    link: /
  - label: درباره‌ی ما
    link: pages/about
  - label: اخبار
    link: news/
"""
NEWS = "---\ntitle: {title}\ndate: {date}\ncategory: آب\nsummary: خلاصه‌ی کوتاه\n---\nمتن خبر.\n"
FILES = {
    "pages/about.md": "---\ntitle: درباره‌ی ما\n---\nکارهای ما:\n\n۱. برنامه‌ریزی\n۲. هماهنگی\n\n"
                      "و سپس:\n\n۳. گزارش\n۴. پیگیری\n",
    "pages/contact.md": "---\ntitle: تماس با ما\n---\nبا ما در تماس باشید.\n",
    "units/planning.md": "---\ntitle: برنامه‌ریزی\nhead:\n  name: آقای رضا احمدی\n  title: رئیس واحد\n"
                         "functions:\n  - برنامه‌ریزی\n  - هماهنگی\n---\nواحد برنامه‌ریزی.\n",
    "news/2026-11-01-nakhost.md": NEWS.format(title="خبر نخست", date="2026-11-01"),
    "news/2026-11-02-dovom.md": NEWS.format(title="خبر دوم", date="2026-11-02"),
    "events/2026-12-09-jashn.md": "---\ntitle: جشن\nstart: 2026-12-09 09:00\nend: 2026-12-09 12:30\nvenue: تالار\n"
                                  "organiser: دفتر مدیر\nsummary: جشن ناحیه\n---\nخوش آمدید.\n",
    "tenders/monaqese.md": "---\ntitle: مناقصه‌ی ساخت\ntype: tender\nreference: الف/ب\n"
                           "closes: 2026-12-20 10:00\nhow_to_apply: به دفتر بیاورید.\ndocuments:\n"
                           "  - title: آگهی\n    file: files/tenders/tangazo.pdf\n---\nشرح.\n",
    "publications/gozaresh.md": "---\ntitle: گزارش فصلی\ntype: report\ndate: 2026-10-01\n"
                                "file: files/publications/ripoti.pdf\n---\nگزارش.\n",
    "projects/ab.md": "---\ntitle: طرح آب\nsector: water\nstate: ongoing\nlocation:\n  ward: لومبه\n"
                      "  village: لومبه بالا\nfunders:\n  - دولت\n  - صندوق ملی آب\nbudget: 1000000\n"
                      "spent: 500000.5\ncurrency: TZS\nprogress: 50\nstart: 2026-01-10\n---\nطرح.\n",
    "investments/mazrae.md": "---\ntitle: مزرعه\nsector: agriculture\nstate: open\nlocation:\n  ward: لومبه\n"
                             "size:\n  amount: 12.5\n  unit: hectares\ncapital:\n  amount: 1200000\n  currency: USD\n"
                             "contact:\n  name: کارشناس طرح\n  phone: \"+255 754 000 120\"\n"
                             "  email: info@majaribio.go.tz\ncoordinates:\n  latitude: -6.9012\n"
                             "  longitude: 37.7123\n---\nمزرعه.\n",
    "galleries/aks.md": "---\ntitle: عکس‌های طرح\ndate: 2026-10-02\nphotos:\n"
                        "  - file: images/picha/tanki.jpg\n    caption: مخزن آب\n---\nعکس‌ها.\n",
    "profile/profile.md": "---\ntitle: نمایه‌ی ناحیه\nlocation: در شرق کشور\narea_km2: 3540.5\n"
                          "population:\n  count: 412356\n  census_year: 2022\nadministration:\n  wards: 21\n"
                          "economy:\n  - کشاورزی\nsocial_services:\n  water_coverage: 74\ncharts:\n"
                          "  - title: جمعیت بخش‌ها\n    unit: نفر\n    bars:\n      - label: لومبه\n"
                          "        value: 98120\n      - label: کیسانگا\n        value: 91400\n---\nنمایه.\n",
}


class ShownText(HTMLParser):
    """The texts a reader sees or hears: text outside script and style, and aria-label, title, alt."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.texts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


def shown_texts(html: str) -> list[str]:
    parser = ShownText()
    parser.feed(html)
    return parser.texts


def editor_sources(content: Path) -> str:
    """Every text the editors wrote: the Markdown files and the YAML data."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(content.rglob("*"))
                     if path.suffix in (".md", ".yaml"))


def latin_marks(pages: list[Path], editors: Callable[[str], bool]) -> dict[str, list[str]]:
    """Shown texts with an ASCII digit or Latin comma that `editors` does not own, by page."""
    found = {}
    for page in pages:
        texts = [text for text in shown_texts(page.read_text(encoding="utf-8"))
                 if LATIN.search(text) and not editors(text)]
        if texts:
            found[str(page)] = texts
    return found


@pytest.fixture(scope="module")
def persian_office(tmp_path_factory) -> tuple[Path, Path]:
    """(content, output) of a Persian-only office: the tiny site in Persian, one item a listing page."""
    folder = tmp_path_factory.mktemp("persian-office")
    content = tiny_site(folder)
    for path in content.rglob("*.md"):
        path.unlink()
    for name, text in {"site.yaml": SITE_YAML, "menus.yaml": MENUS_YAML, **FILES}.items():
        write(content / name, text)
    write(content / "files" / "publications" / "ripoti.pdf", pdf(3))
    outcome = staged_build(content, folder / "output", KIT_PAGE_SIZE=1)
    assert outcome.code == 0, outcome.message
    return content, folder / "output"


def test_no_ascii_digit_or_latin_comma_is_shown_on_a_persian_only_site(persian_office):
    _, output = persian_office
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    assert latin_marks(pages, PHONES.__contains__) == {}


def test_the_kit_writes_persian_numbers_and_separators(persian_office):
    _, output = persian_office
    project = (output / "projects" / "ab" / "index.html").read_text(encoding="utf-8")
    assert "<dd>لومبه، لومبه بالا</dd>" in project and "<dd>دولت، صندوق ملی آب</dd>" in project
    assert "TZS ۵۰۰٬۰۰۰٫۵" in project and "۵۰٪" in project
    investment = (output / "investments" / "mazrae" / "index.html").read_text(encoding="utf-8")
    assert "\u200e−۶٫۹۰۱۲، ۳۷٫۷۱۲۳</a>" in investment and "۱۲٫۵" in investment
    assert 'href="geo:-6.9012,37.7123"' in investment, "the address stays machine-readable"
    contact = (output / "contact" / "index.html").read_text(encoding="utf-8")
    assert "\u200e−۶٫۸۲۳۵، ۳۷٫۶۶۱۲</a>" in contact
    assert "خیابان اصلی شهر آزمایش، <bdi" in contact
    assert "<dd>آقای رضا احمدی، رئیس واحد</dd>" in (output / "units" / "planning" / "index.html").read_text("utf-8")
    news = (output / "news" / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-11-02' in news and "صفحه‌ی ۱ از ۲" in news


def test_an_editors_persian_numbered_list_keeps_its_numbering_with_a_valid_start(persian_office):
    _, output = persian_office
    about = (output / "about" / "index.html").read_text(encoding="utf-8")
    assert "<ol>\n<li>برنامه‌ریزی</li>" in about and '<ol start="3">\n<li>گزارش</li>' in about


def test_the_persian_office_validates(persian_office, tmp_path):
    from kit_audit import validate_html

    _, output = persian_office
    pages = tmp_path / "pages"
    for name in ("about", "projects/ab", "investments/mazrae", "contact", "units/planning", "news"):
        shutil.copytree(output / name, pages / name)
    assert validate_html(pages) == []


def test_chromium_numbers_persian_ordered_lists_in_persian(persian_office, browser):
    from kit_audit import serve

    _, output = persian_office
    with serve(output) as base:
        page = browser.new_page(viewport={"width": 412, "height": 900})
        page.goto(f"{base}/about/")
        styles = page.evaluate("""() => [...document.querySelectorAll('ol')].map(
            list => [list.className, getComputedStyle(list).listStyleType])""")
        page.close()
    assert ["kit-breadcrumbs__list", "none"] in styles, "a list drawn as a bar keeps no marker"
    assert [style for name, style in styles if not name] == ["persian", "persian"]


def test_the_demos_persian_pages_show_only_the_editors_digits_and_commas(demo_site):
    sources = editor_sources(demo_content())
    pages = sorted((demo_site / "fa").rglob("*.html"))
    assert latin_marks(pages, lambda text: bool(WORDY.search(text)) and text in sources) == {}


def test_the_demos_swahili_and_english_keep_latin_marks(demo_site):
    units = (demo_site / "en" / "units" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="kit-card__meta">[^<،]+, [^<،]+</p>', units)
    contact = (demo_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert ">-6.8235, 37.6612</a>" in contact
