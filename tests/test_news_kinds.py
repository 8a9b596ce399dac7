"""Press conferences and public clarifications: kinds of news with their own fields, listing and feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fixture_site import apply, staged_build, tiny_site

ATOM = "{http://www.w3.org/2005/Atom}"
CONFERENCE = """---
title: Mkutano na waandishi kuhusu mvua
date: 2026-11-05 11:00
category: Tahadhari
venue: Ukumbi wa Halmashauri
speakers:
  - name: Bi. Zainab Kombo
    title: Mkuu wa Wilaya
  - name: Bw. Joseph Mallya
transcript: files/publications/ripoti.pdf
media:
  - url: https://video.example.org/mkutano
    caption: Video ya mkutano
---
Tamko la Mkuu wa Wilaya.
"""
CLARIFICATION = """---
title: Ufafanuzi kuhusu ada
date: 2026-11-06 09:00
category: Mapato
answers:
  question: Je, ada imepanda mara mbili?
  source: Gazeti la Mwananchi
  link: https://news.example.org/ada
---
Ada haijabadilika.
"""


def built(tmp_path, files: dict[str, str]):
    content = tiny_site(tmp_path)
    apply(content, files)
    return staged_build(content, tmp_path / "output"), tmp_path / "output"


def test_both_kinds_show_their_fields_and_appear_with_the_news(tmp_path):
    outcome, site = built(tmp_path, {"press-conferences/2026-11-05-mvua.md": CONFERENCE,
                                     "clarifications/2026-11-06-ada.md": CLARIFICATION})
    assert outcome.code == 0, outcome.message
    conference = (site / "press-conferences" / "2026-11-05-mvua" / "index.html").read_text(encoding="utf-8")
    assert "Ukumbi wa Halmashauri" in conference and "Bi. Zainab Kombo (Mkuu wa Wilaya), Bw. Joseph Mallya" in conference
    assert 'href="/files/publications/ripoti.pdf"' in conference and "PDF" in conference  # the transcript, described
    assert 'href="https://video.example.org/mkutano"' in conference
    clarification = (site / "clarifications" / "2026-11-06-ada" / "index.html").read_text(encoding="utf-8")
    assert "<q>Je, ada imepanda mara mbili?</q>" in clarification
    assert '<a href="https://news.example.org/ada" rel="noopener">Gazeti la Mwananchi</a>' in clarification
    news = (site / "news" / "index.html").read_text(encoding="utf-8")
    for address in ("/news/2026-11-01-habari/", "/press-conferences/2026-11-05-mvua/", "/clarifications/2026-11-06-ada/"):
        assert f'href="{address}"' in news
    assert 'class="kit-card__kind"' in news  # a press conference among the news says what it is
    own = (site / "press-conferences" / "index.html").read_text(encoding="utf-8")
    assert "/press-conferences/2026-11-05-mvua/" in own and "/news/2026-11-01-habari/" not in own
    for kind, address in (("press-conferences", "/press-conferences/2026-11-05-mvua/"),
                          ("clarifications", "/clarifications/2026-11-06-ada/")):
        feed = ET.parse(site / "feeds" / f"{kind}.atom.xml").getroot()
        assert [entry.find(f"{ATOM}link").get("href").endswith(address) for entry in feed.iter(f"{ATOM}entry")] == [True]


def test_a_conference_without_speakers_and_a_clarification_without_its_question_are_named(tmp_path):
    conference = CONFERENCE.replace("speakers:\n  - name: Bi. Zainab Kombo\n    title: Mkuu wa Wilaya\n"
                                    "  - name: Bw. Joseph Mallya\n", "")
    clarification = CLARIFICATION.replace("  question: Je, ada imepanda mara mbili?\n", "")
    outcome, _ = built(tmp_path, {"press-conferences/2026-11-05-mvua.md": conference,
                                  "clarifications/2026-11-06-ada.md": clarification})
    assert outcome.code != 0
    assert "content/press-conferences/2026-11-05-mvua.md: speakers: is missing" in outcome.message
    assert "content/clarifications/2026-11-06-ada.md:5: answers.question: is missing" in outcome.message
