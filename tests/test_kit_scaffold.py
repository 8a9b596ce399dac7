"""`make new`: a scaffolded item passes its schema and builds at once."""

import datetime
import gzip
import re
import subprocess
import sys
import unicodedata

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from conftest import ROOT, build, copy_content
from fixture_site import staged_build, tiny_site
from kit_scaffold import file_name, front_matter, write_item

NOW = datetime.datetime(2026, 11, 20, 10, 15)


def test_file_name_has_date_slug_and_language():
    assert file_name("Ziara ya Mkuu wa Wilaya", "sw", "sw", NOW.date()) == "2026-11-20-ziara-ya-mkuu-wa-wilaya.md"
    assert file_name("District visit", "en", "sw", NOW.date()) == "2026-11-20-district-visit.en.md"


def test_front_matter_has_every_required_field():
    text = front_matter("news", "Habari", "sw", NOW)
    assert text == ("---\ntitle: Habari\nsummary: Andika muhtasari wa sentensi moja au mbili.\n"
                    "date: 2026-11-20 10:15\ncategory: Jumla\n---\n")


def test_new_item_builds_and_is_listed(tmp_path):
    content = copy_content(tmp_path)
    path = write_item(content, "announcements", "Tangazo la majaribio", "", NOW)
    assert path == content / "announcements" / "2026-11-20-tangazo-la-majaribio.md"
    site = build(tmp_path / "out", content)
    assert "Tangazo la majaribio" in (site / "announcements" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind, title, lang, message", [
    ("nws", "Habari", "", "Did you mean 'news'?"),
    ("news", "  ", "", "Give the item a title"),
    ("news", "Habari", "de", "'de' is not a language of this site"),
])
def test_bad_arguments_get_a_plain_message(tmp_path, kind, title, lang, message):
    content = copy_content(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        write_item(content, kind, title, lang, NOW)
    assert message in str(stopped.value)


def test_invoke_new_prints_the_path(tmp_path):
    result = subprocess.run([sys.executable, "-m", "invoke", "new", "--kind", "speeches", "--title",
                             "Hotuba ya majaribio", "--lang", "en"], cwd=ROOT, capture_output=True, text=True)
    path = ROOT / result.stdout.strip()
    try:
        assert result.returncode == 0, result.stderr
        assert path.parent == ROOT / "content" / "speeches" and path.name.endswith("-hotuba-ya-majaribio.en.md")
    finally:
        path.unlink(missing_ok=True)


PERSIAN_TITLE = "افتتاح طرح آبرسانی"
PATH_METADATA = re.compile(r"(?P<kind>[^/]+)/(?P<key>[^/.]+)(?:\.(?P<lang>[a-z]{2,3}))?\.(?:md|markdown)$")
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", "com1", "lpt1"}


def test_a_persian_title_gives_a_persian_file_name():
    assert file_name(PERSIAN_TITLE, "fa", "sw", NOW.date()) == "2026-11-20-افتتاح-طرح-آبرسانی.fa.md"
    assert file_name(PERSIAN_TITLE, "fa", "fa", NOW.date(), "projects") == "افتتاح-طرح-آبرسانی.md"


@pytest.mark.parametrize("title, lang, expected", [
    ("خلاصه\u200cای از گزارشِ سالانه", "fa", "خلاصه-ای-از-گزارش-سالانه"),  # ZWNJ: a dash; a short vowel: dropped
    ("كيفية ـــ تأمين آب", "fa", "کیفیة-تأمین-آب"),  # Arabic kaf and yeh become Persian; tatweel goes
    ("\u202bسلام\u202c \u200fدنیا\u200d", "fa", "سلام-دنیا"),  # bidi controls and joiners go
    ('طرح: <آب> "شهر"/روستا\\|?*', "fa", "طرح-آب-شهر-روستا"),  # Windows' reserved characters separate words
    (unicodedata.normalize("NFD", "آبرسانی"), "fa", "آبرسانی"),  # a decomposed title comes out composed
    ("برنامهٔ ۱۴۰۵", "fa", "برنامه-۱۴۰۵"),  # Persian digits stay
    ("मेरा भारत", "hi", "मेरा-भारत"),  # vowel signs belong to their word
    ("Ziara ya Mkuu wa Wilaya", "sw", "ziara-ya-mkuu-wa-wilaya"),  # Latin titles stay ASCII
])
def test_any_script_gives_a_readable_name(title, lang, expected):
    assert file_name(title, lang, lang, NOW.date(), "projects") == f"{expected}.md"


@pytest.mark.parametrize("title", [
    "بسیار " * 40, "طرح\u200cهای " * 40, "Con", "nul", "COM1", "!!!", "\u200c\u200f",
    "Mradi mkubwa sana wa maji safi na salama kwa wakazi wote wa kata ya Lumbe na vijiji jirani",
    "Привет мир", "你好世界" * 30, "\U00020000" * 60,
])
def test_every_name_is_safe_everywhere_and_is_its_own_address(title):
    name = file_name(title, "fa", "fa", NOW.date(), "projects")
    stem = name.removesuffix(".md")
    assert stem and unicodedata.normalize("NFC", name) == name
    assert not WINDOWS_FORBIDDEN & set(name) and stem.lower() not in WINDOWS_RESERVED
    assert all(unicodedata.category(char) in ("Ll", "Lo", "Lm", "Mn", "Mc", "Nd", "Pd") for char in stem), stem
    assert len(stem) <= 60 and len(stem.encode("utf-8")) <= 120 and not stem.endswith("-")
    match = PATH_METADATA.search(f"projects/{name}")
    assert match and match["key"] == stem
    if not any(unicodedata.category(char) in ("Mn", "Mc") for char in stem):  # kit_i18n drops marks
        assert slugify(stem, DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"], use_unicode=True) == stem


def test_a_long_title_is_cut_between_words():
    stem = file_name("بسیار " * 40, "fa", "fa", NOW.date(), "projects").removesuffix(".md")
    assert stem.split("-") == ["بسیار"] * (len(stem.split("-")))


def test_a_persian_item_builds_with_its_persian_address(tmp_path):
    content = tiny_site(tmp_path)
    identity = content / "site.yaml"
    identity.write_text(identity.read_text(encoding="utf-8").replace(
        "      name: English\n", "      name: English\n    - code: fa\n      name: فارسی\n"), encoding="utf-8")
    path = write_item(content, "news", PERSIAN_TITLE, "fa", NOW)
    assert path.name == "2026-11-20-افتتاح-طرح-آبرسانی.fa.md"
    outcome = staged_build(content, tmp_path / "output", KIT_SEARCH=True)
    assert outcome.code == 0, outcome.message
    site, address = tmp_path / "output", "/fa/news/2026-11-20-افتتاح-طرح-آبرسانی/"
    encoded = "/fa/news/2026-11-20-%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD-%D8%B7%D8%B1%D8%AD-%D8%A2%D8%A8%D8%B1%D8%B3%D8%A7%D9%86%DB%8C/"
    assert PERSIAN_TITLE in (site / address.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f'href="{address}"' in (site / "fa" / "news" / "index.html").read_text(encoding="utf-8")
    assert encoded in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'href="{encoded}"' in (site / "fa" / "feeds" / "news.atom.xml").read_text(encoding="utf-8")
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in (site / "fa" / "pagefind").glob("fragment/*")]
    assert any(f'"url":"{address}"' in fragment for fragment in fragments)
