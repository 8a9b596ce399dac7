"""References in menus resolve to the reader's language, or fall back."""

from types import SimpleNamespace

from kit_links import build_index, check_menu_links, resolve


def item(kind, key, lang, url):
    return SimpleNamespace(kind=kind, key=key, lang=lang, url=url, status="published", translations=[])


INDEX = build_index([item("pages", "about", "sw", "about/"), item("pages", "about", "en", "en/about/"),
                     item("units", "ict", "sw", "units/ict/")])


def test_resolve_each_kind_of_reference():
    assert resolve("/", "en", INDEX, "sw") == "en/"
    assert resolve("/", "sw", INDEX, "sw") == ""
    assert resolve("news/", "fa", INDEX, "sw") == "fa/news/"
    assert resolve("pages/about", "en", INDEX, "sw") == "en/about/"
    assert resolve("https://portal.go.tz/", "en", INDEX, "sw") == "https://portal.go.tz/"


def test_resolve_falls_back_to_the_default_language():
    assert resolve("units/ict", "fa", INDEX, "sw") == "units/ict/"


def test_unknown_references_are_problems_with_a_suggestion():
    menus = {"main": [{"label": "x", "link": "pages/abot", "line": 7}, {"label": "y", "link": "habari/"}]}
    problems = check_menu_links(menus, INDEX, "content/menus.yaml")
    assert [str(p) for p in problems] == [
        "content/menus.yaml:7: main.0.link: 'pages/abot' is not a page of this site; did you mean 'pages/about'?",
        "content/menus.yaml: main.1.link: 'habari/' is not a page of this site; write folder/file-name "
        "such as pages/about, a listing such as news/, or https://...",
    ]
