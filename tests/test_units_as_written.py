"""Units and services as they are really written, on the tiny site.

Duties grouped under each post (closed <details>, no script) or one plain list; the introduction
before them; a head that is a post without a name; no panel, heading or table column with nothing
in it; services with only a title and a description; a malformed group named by file, line and
field; and, in real Chromium, a unit page with a long e-mail address that fits a 320 px screen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixture_site import Case, apply, assert_refused, good_site, staged_build

LONG_EMAIL = "mawasiliano.serikalini@halmashauriyamajaribio.go.tz"
GROUPED = f"""---
title: TEHAMA na Uhusiano
summary: Kitengo cha TEHAMA na Uhusiano.
head:
  title: Afisa TEHAMA wa Wilaya
email: {LONG_EMAIL}
functions:
  - heading: Afisa TEHAMA wa Wilaya
    duties:
      - Kusimamia mifumo ya Halmashauri
      - Kutunza tovuti ya Halmashauri
  - heading: Afisa Uhusiano
    duties:
      - Kuandaa taarifa kwa vyombo vya habari
---
Utangulizi wa kitengo.
"""
FLAT = """---
title: Fedha
head:
  name: Bi. Asha Mohamed
  title: Mweka Hazina
phone: "+255 23 260 0125"
functions:
  - Kukusanya mapato
  - Kulipa madeni
---
Idara ya fedha.
"""
FILES = {
    "units/ict.md": GROUPED,
    "units/finance.md": FLAT,
    "people/afisa-tehama.md": f"---\nname: Bw. Juma Said\nposition: Afisa TEHAMA wa Wilaya\nunit: ict\n"
                              f"email: {LONG_EMAIL}\n---\n",
    "people/afisa-uhusiano.md": "---\nname: Bi. Neema Ally\nposition: Afisa Uhusiano\nunit: ict\n---\n",
    "people/mhasibu.md": "---\nname: Bw. Ali Omari\nposition: Mhasibu\nunit: finance\n---\n",
    "services/taarifa.md": "---\ntitle: Kuomba taarifa\nsummary: Omba taarifa za Halmashauri.\n---\n",
    "services/malalamiko.md": "---\ntitle: Kutoa malalamiko\n---\nAndika kwa Mkurugenzi.\n",
    "pages/services.md": "---\ntitle: Huduma\n---\nHuduma za Halmashauri.\n",
    "services/kibali.md": "---\ntitle: Kibali cha ujenzi\nfees: TZS 50,000\ntime_taken: Siku 14\nunit: finance\n"
                          "---\nOmba kibali.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The tiny site with a grouped unit, a flat one, their staff and three services, built once."""
    content, output = good_site(tmp_path_factory.mktemp("units"))
    apply(content, FILES)
    outcome = staged_build(content, output)
    assert outcome.code == 0, outcome.message
    return output


def article(site: Path, path: str) -> str:
    """The <article> of a built page."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_grouped_duties_are_details_with_summary_headings_after_the_introduction(site):
    page = article(site, "units/ict")
    groups = re.findall(r'<details class="kit-unit__group">\s*<summary class="kit-unit__summary">'
                        r'<h3 class="kit-unit__heading">([^<]+)</h3></summary>\s*<ol class="kit-unit__functions">'
                        r'(.*?)</ol>\s*</details>', page, re.S)
    assert [heading for heading, _ in groups] == ["Afisa TEHAMA wa Wilaya", "Afisa Uhusiano"]
    assert re.findall(r"<li>([^<]+)</li>", groups[1][1]) == ["Kuandaa taarifa kwa vyombo vya habari"]
    assert page.index("Utangulizi wa kitengo.") < page.index("<details"), "the introduction comes first"
    assert "<script" not in page


def test_a_flat_list_of_duties_is_one_list_as_before(site):
    page = article(site, "units/finance")
    assert "<details" not in page and "<summary" not in page
    duties = re.search(r'<h2 id="unit-functions">[^<]+</h2>\s*<ol class="kit-unit__functions">(.*?)</ol>', page, re.S)
    assert re.findall(r"<li>([^<]+)</li>", duties.group(1)) == ["Kukusanya mapato", "Kulipa madeni"]
    assert "<dd>Bi. Asha Mohamed, Mweka Hazina</dd>" in page


def test_a_head_that_is_a_post_shows_the_post_alone(site):
    page = article(site, "units/ict")
    assert "<dt>Mkuu wa kitengo</dt><dd>Afisa TEHAMA wa Wilaya</dd>" in page
    assert "<dd></dd>" not in page and not re.search(r"<dl[^>]*>\s*</dl>", page)
    listing = (site / "units" / "index.html").read_text(encoding="utf-8")
    assert '<p class="kit-card__meta">Afisa TEHAMA wa Wilaya</p>' in listing


def test_a_unit_without_head_phone_or_email_has_no_contacts_panel(site):
    page = article(site, "units/planning")  # the tiny site's unit: a title, one duty and a line of text
    assert "Kupanga" in page
    assert "unit-contacts" not in page and "Mkuu na mawasiliano" not in page and "<dl" not in page


def test_the_staff_table_has_only_the_columns_someone_fills(site):
    finance = article(site, "units/finance")
    assert "Bw. Ali Omari" in finance
    assert re.findall(r'<th scope="col">([^<]+)</th>', finance) == ["Jina", "Cheo"]
    assert "<td></td>" not in finance
    ict = article(site, "units/ict")
    assert re.findall(r'<th scope="col">([^<]+)</th>', ict) == ["Jina", "Cheo", "Barua pepe"]
    assert 'href="mailto:' + LONG_EMAIL + '"' in ict
    assert ">mawasiliano<wbr>.serikalini@<wbr>halmashauriyamajaribio<wbr>.go<wbr>.tz</a>" in ict


def test_a_service_needs_only_a_title_and_a_description(site):
    for key, text in (("taarifa", "Omba taarifa za Halmashauri."), ("malalamiko", "Andika kwa Mkurugenzi.")):
        page = article(site, f"services/{key}")
        assert text in page
        assert "<dl" not in page and "<dt>" not in page, f"{key}: no empty facts"
    full = article(site, "services/kibali")
    assert "<dt>Ada</dt><dd>TZS 50,000</dd>" in full and "<dt>Muda unaotumika</dt><dd>Siku 14</dd>" in full
    assert '<dt>Idara husika</dt><dd><a href="/units/finance/">Fedha</a></dd>' in full
    assert "Mahitaji" not in full and "Nani anastahili" not in full


def test_the_services_page_shows_fees_and_time_only_when_given(site):
    html = (site / "services" / "index.html").read_text(encoding="utf-8")
    listed = html[html.index('<section class="kit-services"'):html.index("</main>")]
    cards = re.findall(r'<li class="kit-card">(.*?)</li>', listed, re.S)
    metas = {re.search(r">([^<]+)</a></h3>", card).group(1): re.findall(r'<p class="kit-card__meta">([^<]*)</p>', card)
             for card in cards}
    assert metas == {"Kibali cha ujenzi": ["Ada: TZS 50,000 · Muda unaotumika: Siku 14"],
                     "Kuomba taarifa": [], "Kutoa malalamiko": []}


MALFORMED = Case("a malformed group of duties", {"units/planning.md": """---
title: Mipango
functions:
  - heading: Afisa Mipango
    duties:
      - Kupanga
  - heading: Mchumi
    duty:
      - Kukadiria
  - Kuratibu
---
Idara ya mipango.
"""}, ("content/units/planning.md:8: functions.1.duty: unknown field; did you mean 'duties'?",
       "content/units/planning.md:7: functions.1.duties: is missing",
       "content/units/planning.md:10: functions.2: 'Kuratibu' is a plain line in a list of groups; "
       "put it inside a group ('heading:', 'duties:'), or write every entry as a plain line"))


def test_a_malformed_group_names_its_file_line_and_field(tmp_path):
    assert_refused(tmp_path, MALFORMED)


# The lines an element's text is laid out on, read character by character from the layout.
LINES = """(element) => {
  const lines = []; let top = null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || box.top > top + 2) { lines.push(""); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""


def clean_breaks(lines: list[str]) -> bool:
    """True when an address laid out on `lines` breaks only after its @ or before a dot."""
    return all(line.endswith("@") or after.startswith(".") for line, after in zip(lines, lines[1:]))


@pytest.mark.parametrize("width", [320, 412])
@pytest.mark.parametrize("path", ["/units/ict/", "/people/"])
def test_a_long_email_fits_a_narrow_screen_and_breaks_cleanly(site, browser, path, width):
    from kit_audit import serve

    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 640})
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        links = page.locator(f'a[href="mailto:{LONG_EMAIL}"]').element_handles()
        assert links, "the long address is on the page"
        for link in links:
            lines = page.evaluate(LINES, link)
            assert "".join(lines) == LONG_EMAIL and clean_breaks(lines), lines
        page.close()
