"""Which items each language lists, in what order, on how many pages."""

import datetime
from types import SimpleNamespace

from kit_listings import build_date, listed_items, pages_of, sitemap_sections

SETTINGS = {"LANGUAGES": [{"code": "sw"}, {"code": "en"}, {"code": "fa"}], "UNTRANSLATED": "own-language"}


def news(key, lang, day, translations=()):
    return SimpleNamespace(kind="news", key=key, lang=lang, status="published",
                           date=datetime.datetime(2026, 1, day), translations=list(translations))


def corpus():
    sw, en = news("a", "sw", 5), news("a", "en", 5)
    sw.translations, en.translations = [en], [sw]
    return [sw, en, news("b", "sw", 9), news("c", "en", 1), news("d", "sw", 7)]


def test_own_language_policy_lists_only_that_language_newest_first():
    assert [i.key for i in listed_items(corpus(), "news", "sw", SETTINGS)] == ["b", "d", "a"]
    assert [i.key for i in listed_items(corpus(), "news", "en", SETTINGS)] == ["a", "c"]
    assert listed_items(corpus(), "news", "fa", SETTINGS) == []


def test_all_languages_policy_adds_untranslated_items_once():
    settings = SETTINGS | {"UNTRANSLATED": "all-languages"}
    listed = listed_items(corpus(), "news", "en", settings)
    assert [(i.key, i.lang) for i in listed] == [("b", "sw"), ("d", "sw"), ("a", "en"), ("c", "en")]
    assert [(i.key, i.lang) for i in listed_items(corpus(), "news", "fa", settings)] == \
        [("b", "sw"), ("d", "sw"), ("a", "sw"), ("c", "en")]


def test_drafts_are_never_listed():
    items = corpus()
    items[2].status = "draft"
    assert "b" not in [i.key for i in listed_items(items, "news", "sw", SETTINGS)]


def test_pages_of_splits_and_keeps_one_empty_page():
    assert pages_of(list(range(23)), 10) == [list(range(10)), list(range(10, 20)), [20, 21, 22]]
    assert pages_of([], 10) == [[]]


def test_build_date_prefers_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert build_date(corpus()) == datetime.date(2026, 11, 18)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date(corpus()) == datetime.date(2026, 1, 9)


def test_the_sitemap_page_shows_the_first_items_of_a_kind_with_a_listing():
    items = corpus() + [news(key, "sw", day) for key, day in (("e", 2), ("f", 3), ("g", 4))]
    for item in items[-3:]:
        item.kind = "pages"  # no listing page: all of them are on the sitemap page
    sections = sitemap_sections(items, ["news", "pages"], "sw", SETTINGS | {"KIT_SITEMAP_ITEMS": 2})
    assert [i.key for i in sections["news"].shown] == ["b", "d"] and sections["news"].total == 3
    assert [i.key for i in sections["pages"].shown] == ["e", "f", "g"] and sections["pages"].total == 3
    english = sitemap_sections(items, ["news"], "en", SETTINGS)["news"]  # five by default
    assert ([i.key for i in english.shown], english.total) == (["a", "c"], 2)
