"""Council business on the tiny site: councillors, council meetings, their listings and errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from fixture_site import apply, pdf, staged_build, tiny_site

NOVEMBER = "1795305600"  # 2026-11-22 00:00 UTC: the 2027 meeting is still to come
LATER = "1804032000"  # 2027-03-03 00:00 UTC: every meeting has taken place
HOME_CHOSEN = "home:\n  - news\n  - council-meetings\n"

FULL_COUNCIL = """---
title: Baraza la robo ya tatu
start: 2026-05-28 10:00
end: 2026-05-28 15:00
committee: full-council
venue: Ukumbi wa Halmashauri
agenda:
  - Kufungua mkutano
  - Taarifa za kamati
documents:
  - title: Kumbukumbu za mkutano
    file: files/council/kumbukumbu.pdf
resolutions:
  - Taarifa zimepitishwa.
  - Soko la Lumbe likarabatiwe.
---
Mkutano wa wazi.
"""
FULL_COUNCIL_EN = """---
title: Full council, third quarter
start: 2026-05-28 10:00
end: 2026-05-28 15:00
committee: full-council
venue: Council chamber
agenda:
  - Opening
  - Committee reports
documents:
  - title: Minutes of the meeting
    file: files/council/kumbukumbu.pdf
resolutions:
  - The reports were adopted.
  - Lumbe market is to be renovated.
---
An open meeting.
"""
FINANCE = """---
title: Kamati ya Fedha, Agosti
start: 2026-08-13 09:00
committee: finance-administration
venue: Chumba cha mikutano
---
Kikao cha kamati.
"""
ETHICS = """---
title: Kamati ya Maadili, Februari
start: 2027-02-18 10:00
committee: ethics
venue: Chumba cha mikutano
---
Kikao cha kamati.
"""
AMINA = """---
name: Mhe. Amina Hassan
ward: Lumbe
party: CCM
committees:
  - finance-administration
---
Diwani wa Kata ya Lumbe.
"""
AMINA_EN = AMINA.replace("Mhe.", "Hon.").replace("Diwani wa Kata ya Lumbe.", "Councillor for Lumbe.")
REHEMA = """---
name: Mhe. Rehema Mbwana
party: CCM
committees:
  - ethics
---
Diwani wa viti maalum.
"""
COUNCIL = {"council-meetings/2026-05-28-baraza.md": FULL_COUNCIL,
           "council-meetings/2026-05-28-baraza.en.md": FULL_COUNCIL_EN,
           "council-meetings/2026-08-13-fedha.md": FINANCE,
           "council-meetings/2027-02-18-maadili.md": ETHICS,
           "councillors/amina.md": AMINA, "councillors/amina.en.md": AMINA_EN, "councillors/rehema.md": REHEMA}


def council_site(folder: Path, epoch: str, site_yaml_extra: str = "", files: dict | None = None):
    """The tiny site with the council's items, built as if the clock read `epoch`: (outcome, output)."""
    content = tiny_site(folder)
    site_yaml = (content / "site.yaml").read_text(encoding="utf-8") + site_yaml_extra
    apply(content, {**COUNCIL, "files/council/kumbukumbu.pdf": pdf(3), "site.yaml": site_yaml,
                    **(files or {})})
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return staged_build(content, folder / "output"), folder / "output"
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if old is None else os.environ.update(SOURCE_DATE_EPOCH=old)


def text(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def main_of(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def cards(html: str) -> list[str]:
    """Addresses of the council-meeting cards of a listing, in order."""
    return re.findall(r'class="?kit-card__link"? href="?([^" >]+)', html)


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    outcome, site = council_site(tmp_path_factory.mktemp("council-november"), NOVEMBER, HOME_CHOSEN)
    assert outcome.code == 0, outcome.message
    return site


@pytest.fixture(scope="module")
def later(tmp_path_factory) -> Path:
    outcome, site = council_site(tmp_path_factory.mktemp("council-later"), LATER, HOME_CHOSEN)
    assert outcome.code == 0, outcome.message
    return site


@pytest.fixture(scope="module")
def default_home(tmp_path_factory) -> Path:
    """The same site at the same moment as `november`, with the default list of home panels."""
    outcome, site = council_site(tmp_path_factory.mktemp("council-default-home"), NOVEMBER)
    assert outcome.code == 0, outcome.message
    return site


def test_a_councillors_page_lists_their_committees_and_the_meetings_of_those_bodies(november):
    page = main_of(text(november, "en/councillors/amina"))
    assert "<dt>Ward</dt><dd>Lumbe</dd>" in page and "<dt>Party</dt><dd>CCM</dd>" in page
    committees = page[page.index('id="councillor-committees"'):]
    assert "<li>Finance, Administration and Planning Committee</li>" in committees
    assert "Ethics Committee" not in page  # a body she does not sit on, and its meeting
    assert "Upcoming meetings" not in page and 'href="/en/council-meetings/2026-05-28-baraza/"' in page
    swahili = main_of(text(november, "councillors/amina"))
    past = swahili[swahili.index("Mikutano iliyopita"):]
    assert past.index('href="/council-meetings/2026-08-13-fedha/"') < \
        past.index('href="/council-meetings/2026-05-28-baraza/"')  # newest first; the full council's too
    rehema = main_of(text(november, "councillors/rehema"))
    upcoming = rehema[rehema.index("Mikutano ijayo"):rehema.index("Mikutano iliyopita")]
    assert 'href="/council-meetings/2027-02-18-maadili/"' in upcoming and "<dt>Kata</dt>" not in rehema
    data = json.loads(re.search(r'<script type="?application/ld\+json"?>(.*?)</script>',
                                text(november, "en/councillors/amina")).group(1))
    assert data["@type"] == "Person" and data["name"] == "Hon. Amina Hassan"
    assert data["affiliation"] == {"@type": "Organization", "name": "CCM"} and data["jobTitle"] == "Councillor"


def test_a_meetings_page_shows_its_agenda_documents_resolutions_and_members(november):
    page = main_of(text(november, "en/council-meetings/2026-05-28-baraza"))
    agenda = page[page.index('id="meeting-agenda"'):page.index("</ol>", page.index('id="meeting-agenda"'))]
    assert re.findall(r"<li>([^<]+)</li>", agenda) == ["Opening", "Committee reports"]
    documents = page[page.index('id="meeting-documents"'):]
    assert 'href="/files/council/kumbukumbu.pdf" type="application/pdf" download>Minutes of the meeting</a>' in documents
    assert re.search(r"\(PDF, [\d.]+ (bytes|KB), 3 pages\)", documents)  # measured by the kit, not typed
    resolutions = page[page.index('id="meeting-resolutions"'):]
    assert re.findall(r"<li>([^<]+)</li>", resolutions)[:2] == ["The reports were adopted.",
                                                              "Lumbe market is to be renovated."]
    members = page[page.index('id="meeting-members"'):]
    assert "Hon. Amina Hassan</a> (Lumbe)" in members
    swahili = main_of(text(november, "council-meetings/2026-05-28-baraza"))
    members = swahili[swahili.index('id="meeting-members"'):]
    assert "Mhe. Amina Hassan</a> (Lumbe)" in members and ">Mhe. Rehema Mbwana</a></li>" in members  # all sit on it
    assert '<a href="/en/council-meetings/committee/full-council/">Full council</a>' in page
    assert "This meeting has taken place." in page
    data = json.loads(re.search(r'<script type="?application/ld\+json"?>(.*?)</script>',
                                text(november, "en/council-meetings/2026-05-28-baraza")).group(1))
    assert data["@type"] == "Event" and data["startDate"] == "2026-05-28T10:00:00+03:00"
    assert data["location"]["name"] == "Council chamber"


def test_meetings_are_listed_by_year_and_by_committee(november):
    assert cards(text(november, "council-meetings/year/2026")) == ["/council-meetings/2026-05-28-baraza/",
                                                                   "/council-meetings/2026-08-13-fedha/"]
    assert cards(text(november, "council-meetings/year/2027")) == ["/council-meetings/2027-02-18-maadili/"]
    assert cards(text(november, "council-meetings/committee/finance-administration")) == \
        ["/council-meetings/2026-08-13-fedha/"]
    assert cards(text(november, "en/council-meetings/committee/full-council")) == \
        ["/en/council-meetings/2026-05-28-baraza/"]
    assert not (november / "council-meetings" / "committee" / "urban-planning").exists()  # no meeting, no page
    listing = text(november, "council-meetings")
    assert "Kamati ya Fedha, Utawala na Mipango (1)</a>" in listing and ">2027 (1)</a>" in listing
    assert ">Kamati ya Maadili (1)</a>" in listing and "Kamati ya Mipango Miji" not in listing
    assert "<h1>Council meetings: 2026</h1>" in text(november, "en/council-meetings/year/2026")


def test_upcoming_and_past_meetings_follow_the_reference_time(november, later):
    assert cards(text(november, "council-meetings")) == ["/council-meetings/2027-02-18-maadili/"]
    assert cards(text(november, "council-meetings/past")) == ["/council-meetings/2026-08-13-fedha/",
                                                              "/council-meetings/2026-05-28-baraza/"]
    assert "Mkutano huu umeshafanyika." not in text(november, "council-meetings/2027-02-18-maadili")
    assert cards(text(later, "council-meetings")) == []
    assert cards(text(later, "council-meetings/past"))[0] == "/council-meetings/2027-02-18-maadili/"
    assert "Mkutano huu umeshafanyika." in text(later, "council-meetings/2027-02-18-maadili")


def test_the_home_panel_of_meetings_shows_only_when_the_institution_chooses_it(november, default_home, later):
    chosen = text(november, "")
    panel = chosen[chosen.index("kit-home__council-meetings"):]
    assert "Mikutano ijayo ya Halmashauri" in panel and 'href="/council-meetings/2027-02-18-maadili/"' in panel
    assert "kit-home__council-meetings" not in text(default_home, "")  # the default home list does not name it
    assert "kit-home__news" in text(default_home, "")
    assert "kit-home__council-meetings" not in text(later, "")  # chosen, but no meeting is still to come


def test_a_misspelt_committee_is_named_with_file_line_field_and_a_guess(tmp_path):
    outcome, output = council_site(
        tmp_path, NOVEMBER,
        files={"council-meetings/x.md": "---\ntitle: Kikao\nstart: 2026-09-01 09:00\ncommittee: finance-administraton\n"
                                        "venue: Ukumbi\n---\nKikao.\n",
               "councillors/y.md": "---\nname: Mhe. Juma\nparty: CCM\ncommittees:\n  - social-services\n  - ethcs\n"
                                   "---\nDiwani.\n"})
    assert outcome.code != 0 and not output.exists()
    assert ("content/council-meetings/x.md:4: committee: 'finance-administraton' is not allowed; "
            "did you mean 'finance-administration'?") in outcome.message
    assert "content/councillors/y.md:6: committees.1: 'ethcs' is not allowed; did you mean 'ethics'?" in outcome.message
