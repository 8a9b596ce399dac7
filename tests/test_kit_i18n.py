"""Languages: catalogs complete, text per language, theme strings translated on every page."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT
from kit_i18n import incomplete_messages, lang_prefix, translate, translated_text
from kit_i18n.kit_i18n import catalog_for
from test_site import CODES

CATALOGS = ROOT / "theme" / "translations"


def english_msgids() -> set[str]:
    with (CATALOGS / "messages.pot").open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


@pytest.mark.parametrize("code", CODES)
def test_every_configured_language_has_a_complete_catalog(code):
    po_path = CATALOGS / code / "LC_MESSAGES" / "messages.po"
    assert po_path.is_file()
    assert incomplete_messages(po_path) == []


def test_incomplete_messages_finds_untranslated_and_fuzzy(tmp_path):
    po_path = tmp_path / "messages.po"
    po_path.write_text('msgid "Home"\nmsgstr ""\n\n#, fuzzy\nmsgid "News"\nmsgstr "Habari"\n\n'
                       'msgid "Next"\nmsgstr "Inayofuata"\n', encoding="utf-8")
    assert incomplete_messages(po_path) == ["Home", "News"]


PERSIAN_HEADER = 'msgid ""\nmsgstr ""\n"Language: fa\\n"\n"Plural-Forms: {rule}\\n"\n\n'


def test_incomplete_messages_finds_missing_plural_forms(tmp_path):
    po_path = tmp_path / "messages.po"
    po_path.write_text(PERSIAN_HEADER.format(rule="nplurals=2; plural=(n > 1);")
                       + 'msgid "%(count)s results"\nmsgstr "%(count)s نتیجه"\n\n'
                       'msgid "%(num)s item"\nmsgid_plural "%(num)s items"\nmsgstr[0] "%(num)s مورد"\n\n'
                       'msgid "%(num)s page"\nmsgid_plural "%(num)s pages"\nmsgstr[0] "%(num)s صفحه"\n'
                       'msgstr[1] "%(num)s صفحه"\n\n'
                       'msgid "page %(number)s of %(count)s"\nmsgstr "صفحه‌ی %(number)s از %(count)s"\n',
                       encoding="utf-8")
    assert incomplete_messages(po_path) == ["%(count)s results", "%(num)s item"]


def test_incomplete_messages_finds_a_wrong_plural_rule(tmp_path):
    po_path = tmp_path / "messages.po"
    po_path.write_text(PERSIAN_HEADER.format(rule="nplurals=1; plural=0;"), encoding="utf-8")
    assert incomplete_messages(po_path) == ["Plural-Forms: nplurals=2; plural=(n > 1);"]


@pytest.mark.parametrize("code, one, other", [
    ("en", "%(num)s result", "%(num)s results"),
    ("sw", "Tokeo %(num)s", "Matokeo %(num)s"),
    ("fa", "%(num)s نتیجه", "%(num)s نتیجه"),
])
def test_plural_forms_follow_each_language(code, one, other):
    catalog = catalog_for(code)
    assert [catalog.ngettext("%(num)s result", "%(num)s results", n) for n in (1, 2, 20)] == [one, other, other]
    # CLDR: Persian counts 0 and 1 as "one"; Swahili and English only 1.
    assert [catalog.plural(n) for n in (0, 1, 2, 5)] == ([0, 0, 1, 1] if code == "fa" else [1, 0, 1, 1])


def test_translate_uses_the_language_catalog():
    assert translate("sw", "Home") == "Mwanzo"
    assert translate("fa", "Home") == "خانه"
    assert translate("en", "Home") == "Home"


def test_translated_text_falls_back_to_the_default_language():
    value = {"sw": "Habari", "en": "News"}
    assert translated_text(value, "en", "sw") == "News"
    assert translated_text(value, "fa", "sw") == "Habari"
    assert translated_text("Plain", "fa", "sw") == "Plain"
    assert lang_prefix("sw", "sw") == "" and lang_prefix("fa", "sw") == "fa/"


class VisibleText(HTMLParser):
    """Text nodes and the labels a reader hears (aria-label, title, alt)."""

    def __init__(self, html: str):
        super().__init__()
        self.texts: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.texts.update(v.strip() for k, v in attrs if k in ("aria-label", "title", "alt") and v)

    def handle_data(self, data):
        self.texts.add(data.strip().rstrip(":"))


@pytest.mark.parametrize("code", [c for c in CODES if c != "en"])
def test_no_english_theme_string_is_left_on_other_language_pages(demo_site, code):
    msgids = {m for m in english_msgids() if "%" not in m}
    prefix = lang_prefix(code, CODES[0])
    pages = [p for p in Path(demo_site).rglob("*.html")
             if (p.relative_to(demo_site).parts[0] == code) == bool(prefix)
             and p.relative_to(demo_site).parts[0] not in set(CODES) - {code}]
    assert pages
    for page in pages:
        leftovers = VisibleText(page.read_text(encoding="utf-8")).texts & msgids
        assert not leftovers, (page, leftovers)
