"""Sections as data: content/site.yaml chooses the types a site publishes and its home panels."""

from __future__ import annotations

import datetime

import pytest

from fixture_site import FILES, SITE_YAML, apply, staged_build, tiny_site

UNCHOSEN = ("tenders", "publications", "projects", "investments", "galleries")
CHOSEN = "sections: [news, events, units, pages, speeches]\n"


def office(folder, extra: str = CHOSEN, drop=UNCHOSEN):
    """The tiny site publishing only news, events, units, pages and speeches (no speech yet)."""
    content = tiny_site(folder)
    apply(content, {name: None for name in FILES if name.split("/")[0] in drop})
    apply(content, {"site.yaml": SITE_YAML + extra})
    return content


def test_a_type_that_is_not_chosen_produces_nothing(tmp_path):
    content = office(tmp_path)
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    site = tmp_path / "output"
    for code in ("", "en/"):
        for kind in UNCHOSEN + ("people", "faq"):
            assert not (site / code / kind).exists(), f"{code}{kind}/ was published"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/news/" in sitemap and "/events/" in sitemap
    assert not [kind for kind in UNCHOSEN if f"/{kind}/" in sitemap]
    assert sorted(p.name for p in (site / "feeds").iterdir()) == ["news.atom.xml", "speeches.atom.xml"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "home-news" in home and "home-events" in home
    assert "home-tenders" not in home and "home-publications" not in home and "home-profile" not in home


def test_a_chosen_type_without_items_has_one_honest_empty_state(tmp_path):
    content = office(tmp_path)
    staged_build(content, tmp_path / "output")
    site = tmp_path / "output"
    speeches = (site / "en" / "speeches" / "index.html").read_text(encoding="utf-8")
    assert speeches.count("Nothing has been published here yet.") == 1
    home = (site / "index.html").read_text(encoding="utf-8")  # Swahili: its news and event are shown
    assert "home-news" in home and 'class="kit-lead"' not in home and "home-speeches" not in home
    apply(content, {"news/2026-11-01-habari.md": None, "events/2026-12-09-sherehe.md": None})
    staged_build(content, tmp_path / "output")
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert home.count("Nothing has been published here yet.") == 1  # one line, not one per panel
    assert "home-news" not in home and "home-events" not in home and 'class="kit-home"' not in home


def test_files_of_a_type_the_site_does_not_publish_are_named(tmp_path):
    content = office(tmp_path, drop=("publications", "projects", "investments", "galleries"))
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0
    assert "content/tenders: 'tenders' is a content type this site does not publish" in outcome.message
    assert "add tenders to sections, or remove the folder" in outcome.message


def test_a_menu_link_to_a_type_the_site_does_not_publish_stops_the_build(tmp_path):
    content = office(tmp_path)
    menus = (content / "menus.yaml").read_text(encoding="utf-8")
    apply(content, {"menus.yaml": menus + "  - label: {sw: Zabuni, en: Tenders}\n    link: tenders/\n"})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0
    assert ("content/menus.yaml:9: main.3.link: 'tenders/' is in 'tenders', which this site does not publish; "
            "add tenders to sections in content/site.yaml, or remove the link") in outcome.message


@pytest.mark.parametrize("extra, expected", [
    ("sections: [news, evnts]\n", "1: sections.1: 'evnts' is not a content type; did you mean 'events'?"),
    ("home: [news, quicklinks]\n", "1: home.1: 'quicklinks' has no home-page panel; did you mean 'quick-links'?"),
    ("sections: [news, pages]\nhome: [news, events]\n",
     "2: home.1: 'events' is not among the sections; add it to sections, or remove it from home"),
])
def test_sections_and_panels_are_checked_with_a_hint(tmp_path, extra, expected):
    content = office(tmp_path, extra=extra, drop=tuple({name.split("/")[0] for name in FILES}))
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0
    line, message = expected.split(": ", 1)
    assert f"content/site.yaml:{SITE_YAML.count(chr(10)) + int(line)}: {message}" in outcome.message


def test_home_panels_are_those_site_yaml_lists_in_its_order(tmp_path):
    content = office(tmp_path, extra="home: [publications, tenders, events]\n", drop=())
    staged_build(content, tmp_path / "output")
    home = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert home.index("home-publications") < home.index("home-tenders") < home.index("home-events")
    assert "home-news" not in home and "home-quick" not in home  # news has items, but home does not list it


def test_make_new_refuses_a_type_the_site_does_not_publish(tmp_path):
    from kit_scaffold import write_item

    content = office(tmp_path)
    with pytest.raises(SystemExit, match="'tenders' is not among the sections of content/site.yaml"):
        write_item(content, "tenders", "Zabuni", "", datetime.datetime(2026, 11, 20, 10, 0))
    assert write_item(content, "events", "Mkutano", "", datetime.datetime(2026, 11, 20, 10, 0)).is_file()
