"""The government content types on the built demo site, and their errors, scaffold and docs."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, build, copy_content, read
from kit_schema import BuildStopped
from test_site import CODES, IDENTITY, Links, html_pages

PREFIXES = {code: "" if code == IDENTITY["languages"]["default"] else f"{code}/" for code in CODES}
NOVEMBER = "1795305600"  # 2026-11-22 00:00 UTC
LATER = "1801440000"  # 2027-02-01 00:00 UTC
LISTINGS = ("events/", "events/past/", "tenders/", "tenders/closed/", "tenders/type/vacancy/", "publications/",
            "publications/type/report/", "projects/", "projects/state/ongoing/", "projects/sector/water/",
            "investments/", "investments/sector/agriculture/", "investments/state/open/", "galleries/",
            "people/", "faq/", "profile/", "feedback/", "services/leseni-ya-biashara/")


def built_at(tmp_path_factory, epoch: str, name: str, **settings) -> Path:
    """The demo site built as if the clock read `epoch` (SOURCE_DATE_EPOCH)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return build(tmp_path_factory.mktemp(name) / "output", **settings)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if old is None else os.environ.update(SOURCE_DATE_EPOCH=old)


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    return built_at(tmp_path_factory, NOVEMBER, "november", KIT_PAGE_SIZE=2)


@pytest.fixture(scope="module")
def later(tmp_path_factory) -> Path:
    return built_at(tmp_path_factory, LATER, "later")


def item_links(html: str, folder: str) -> list[str]:
    """Addresses of the item cards of a listing, in order."""
    return [a["href"] for a in Links(html).find("a", class_="kit-card__link") if f"/{folder}/" in a["href"]]


def test_every_listing_and_page_exists_in_every_language(demo_site):
    for code, prefix in PREFIXES.items():
        for path in LISTINGS:
            assert (demo_site / prefix / path / "index.html").is_file(), (code, path)
        for kind in ("projects", "investments"):
            assert (demo_site / prefix / kind / f"{kind}.csv").is_file()
        assert (demo_site / prefix / "events" / "calendar.ics").is_file()


def test_upcoming_and_past_events_follow_the_reference_time(november, later):
    upcoming = item_links(read(november, "en/events/index.html"), "events")
    assert upcoming == ["/en/events/2026-12-09-maadhimisho-ya-uhuru/", "/en/events/2027-01-20-baraza-la-madiwani/"]
    assert item_links(read(november, "en/events/past/index.html"), "events") == [
        "/en/events/2026-10-14-siku-ya-afya-ya-jamii/", "/en/events/2026-08-01-maonesho-ya-nanenane/"]
    assert item_links(read(later, "en/events/index.html"), "events") == []
    assert "This event has taken place." in read(later, "en/events/2027-01-20-baraza-la-madiwani/index.html")


def test_open_and_closed_tenders_and_a_closed_one_stays_published(november, later):
    assert item_links(read(november, "tenders/index.html"), "tenders") == [
        "/tenders/zabuni-ujenzi-wa-zahanati-kisanga/", "/tenders/ajira-afisa-mipango/"]
    assert item_links(read(november, "tenders/closed/index.html"), "tenders") == ["/tenders/zabuni-vifaa-vya-tehama/"]
    assert item_links(read(later, "en/tenders/index.html"), "tenders") == []
    assert item_links(read(later, "en/tenders/type/vacancy/index.html"), "tenders") == ["/en/tenders/ajira-afisa-mipango/"]
    closed = read(later, "en/tenders/zabuni-ujenzi-wa-zahanati-kisanga/index.html")
    assert "This is closed: applications are no longer accepted." in closed and "LGA/120/2026-27/W/04" in closed


def test_listings_paginate(november):
    assert (november / "en" / "events" / "page" / "2" / "index.html").is_file() is False
    assert (november / "en" / "projects" / "page" / "2" / "index.html").is_file()
    assert 'rel="next" href="/en/projects/page/2/"' in read(november, "en/projects/index.html")


def test_home_page_shows_events_tenders_publications_and_key_facts(november):
    for code, prefix in PREFIXES.items():
        html = read(november, f"{prefix}index.html")
        assert f"/{prefix}events/2026-12-09-maadhimisho-ya-uhuru/" in html, code
        assert f"/{prefix}tenders/zabuni-ujenzi-wa-zahanati-kisanga/" in html
        assert f"/{prefix}publications/taarifa-ya-robo-ya-kwanza-2026-27/" in html
        assert 'id="home-profile"' in html and f'href="/{prefix}profile/"' in html
    assert "412,356" in read(november, "en/index.html") and "۴۱۲٬۳۵۶" in read(november, "fa/index.html")


def test_publication_shows_type_size_and_pages_measured_from_its_file(demo_site):
    pdf = ROOT / "content" / "files" / "publications" / "mpango-mkakati-2026-2031.pdf"
    pages = PdfReader(pdf).get_num_pages()
    size = f"{round(pdf.stat().st_size / 1024, 1)} KB"
    html = read(demo_site, "en/publications/mpango-mkakati-2026-2031/index.html")
    assert f"(PDF, {size}, {pages} pages)" in html
    assert 'href="/files/publications/mpango-mkakati-2026-2031.pdf" type="application/pdf"' in html
    listing = read(demo_site, "fa/publications/index.html")
    assert re.search(r"\(PDF، [۰-۹٫]+ کیلوبایت، ۶ صفحه\)", listing)
    docx = read(demo_site, "en/tenders/ajira-afisa-mipango/index.html")
    assert re.search(r"Application form</a>\s*<span class=\"kit-file__meta\">\(DOCX, [0-9.]+ (KB|bytes)\)", docx)


def test_every_event_has_a_calendar_file_and_the_feed_holds_them_all(demo_site):
    feed = (demo_site / "en" / "events" / "calendar.ics").read_bytes().decode("utf-8")
    assert feed.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and feed.endswith("END:VCALENDAR\r\n")
    assert feed.count("BEGIN:VEVENT") == 4
    assert all(len(line.encode("utf-8")) <= 75 for line in feed.split("\r\n"))
    one = (demo_site / "events" / "2027-01-20-baraza-la-madiwani" / "event.ics").read_text(encoding="utf-8")
    assert "DTSTART:20270120T060000Z" in one and "DTEND:20270120T100000Z" in one
    whole_day = (demo_site / "events" / "2026-08-01-maonesho-ya-nanenane" / "event.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20260801" in whole_day and "DTEND;VALUE=DATE:20260809" in whole_day
    assert "event.ics" in read(demo_site, "events/2027-01-20-baraza-la-madiwani/index.html")


def test_unit_pages_show_their_staff_and_the_directory_lists_everyone(demo_site):
    ict = read(demo_site, "en/units/ict/index.html")
    assert "Leaders and staff" in ict and "Mr Juma Said Mwinyi" in ict and 'href="tel:+255232600131"' in ict
    directory = read(demo_site, "en/people/index.html")
    assert directory.count('<th scope="row"><a href="/en/people/') == 7
    assert 'href="/en/units/planning/"' in directory


def test_services_faq_and_feedback(demo_site):
    services = read(demo_site, "en/services/index.html")
    assert "/en/services/kibali-cha-ujenzi/" in services and "TZS 50,000 to 500,000" in services
    service = read(demo_site, "fa/services/kibali-cha-ujenzi/index.html")
    assert "هزینه" in service and 'href="/fa/units/planning/"' in service
    faq = read(demo_site, "en/faq/index.html")
    assert faq.count("<details") == 4 and "<h2" in faq and "Payments" in faq
    feedback = read(demo_site, "feedback/index.html")
    contact = IDENTITY["contact"]
    for expected in ('href="sms:15120"', "https://wa.me/255754000121", f"mailto:{contact['email']}",
                     contact["po_box"]["sw"], contact["office_hours"]["sw"], 'href="tel:+255232600120"'):
        assert expected in feedback


def test_projects_by_state_and_sector_with_totals_and_downloads(demo_site):
    ongoing = read(demo_site, "en/projects/state/ongoing/index.html")
    assert len(item_links(ongoing, "projects")) == 2
    assert "<td>2</td><td>1,550,000,000</td><td>902,500,000</td>" in ongoing
    assert "<progress" in ongoing
    rows = list(csv.DictReader(io.StringIO(read(demo_site, "en/projects/projects.csv"))))
    data = json.loads(read(demo_site, "en/projects/projects.json"))
    assert len(rows) == len(data) == 4 and {row["key"] for row in rows} == {row["key"] for row in data}
    water = next(row for row in data if row["key"] == "mradi-wa-maji-mbuyuni")
    assert water["budget"] == 1250000000 and water["progress"] == 65 and water["state"] == "ongoing"


def test_investments_by_sector_and_state_with_downloads(demo_site):
    agriculture = read(demo_site, "en/investments/sector/agriculture/index.html")
    assert item_links(agriculture, "investments") == ["/en/investments/shamba-la-umwagiliaji-lumbe/"]
    assert len(item_links(read(demo_site, "en/investments/state/open/index.html"), "investments")) == 2
    page = read(demo_site, "en/investments/shamba-la-umwagiliaji-lumbe/index.html")
    assert "geo:-6.9012,37.7123" in page and "prospekta-shamba-la-umwagiliaji-lumbe.pdf" in page
    data = json.loads(read(demo_site, "investments/investments.json"))
    assert {row["state"] for row in data} == {"open", "under-negotiation"}


def test_profile_draws_charts_as_svg_with_the_same_figures_in_a_table(demo_site):
    html = read(demo_site, "en/profile/index.html")
    charts = re.findall(r"<svg class=\"kit-chart__svg\".*?</svg>", html, re.S)
    assert len(charts) == 2 and charts[0].count("<rect") == 4
    assert "<td>142,310</td>" in html and ">142,310</text>" in html and "3,540 km²" in html
    persian = read(demo_site, "fa/profile/index.html")
    assert ">۱۴۲٬۳۱۰</text>" in persian and 'x="595"' in persian  # labels on the right
    assert "<script" not in re.sub(r'<script type="application/ld\+json">.*?</script>', "", html)


def test_a_video_is_a_poster_and_a_link_never_a_player(demo_site):
    html = read(demo_site, "en/galleries/mradi-wa-maji-mbuyuni-picha/index.html")
    assert "<iframe" not in html and "<video" not in html
    poster = re.search(r'<a class="kit-video__link" href="https://www.youtube.com/@mlimanidc" rel="noopener">'
                       r'<picture>.*?(<img [^>]*>)</picture></a>', html)
    assert poster and 'srcset="' in poster[1] and 'alt="Watch the video: ' in poster[1]
    assert "Photo: Mr Ali Mussa" in html and "Photo: Government Communication Unit" in html


def test_persian_typed_pages_use_persian_digits_and_jalali_dates(demo_site):
    for path in ("fa/events/index.html", "fa/tenders/index.html", "fa/publications/index.html"):
        for iso, shown in re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', read(demo_site, path)):
            assert not re.search(r"[0-9]", shown), (path, shown)


def test_every_page_has_open_graph_tags_and_valid_json_ld(demo_site):
    kinds = {}
    for page in html_pages(demo_site):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        properties = {m["property"] for m in Links(html).find("meta") if "property" in m}
        assert {"og:title", "og:url", "og:type", "og:locale", "og:image"} <= properties, page
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        kinds[str(page.relative_to(demo_site))] = data["@type"]
    assert kinds["index.html"] == "GovernmentOrganization"
    assert kinds["events/2027-01-20-baraza-la-madiwani/index.html"] == "Event"
    assert kinds["news/2026-11-10-mradi-wa-maji-mbuyuni/index.html"] == "NewsArticle"
    assert kinds["en/projects/index.html"] == kinds["investments/index.html"] == "Dataset"
    assert kinds["en/people/mkuu-wa-tehama/index.html"] == "Person"
    assert kinds["investments/shamba-la-umwagiliaji-lumbe/index.html"] == "Place"
    assert kinds["faq/index.html"] == "FAQPage"
    assert kinds["en/tenders/ajira-afisa-mipango/index.html"] == "JobPosting"
    assert kinds["fa/profile/index.html"] == "AdministrativeArea"
    assert kinds["publications/mpango-mkakati-2026-2031/index.html"] == "DigitalDocument"


BAD_FILES = {
    "events/bad.md": "---\ntitle: Tukio\nstrat: 2026-12-01\nvenue: Ukumbi\norganiser: Utawala\n---\nx\n",
    "events/ends-early.md": "---\ntitle: Tukio\nstart: 2026-12-05 10:00\nend: 2026-12-04 10:00\nvenue: Ukumbi\n"
                            "organiser: Utawala\ntimezone: Africa/Dar_es_Salam\n---\nx\n",
    "tenders/bad.md": "---\ntitle: Zabuni\ntype: tendr\nreference: X/1\ncloses: 15/12/2026\nhow_to_apply: NeST\n"
                      "documents:\n  - title: Kabrasha\n    file: files/tenders/zabuni-vifaa-vya-tehma.pdf\n---\nx\n",
    "publications/bad.md": "---\ntitle: Taarifa\ntype: reprot\ndate: 2026-01-01\nfile: files/publications/hakuna.pdf\n---\nx\n",
    "people/bad.md": "---\nname: Bi. Asha\nposition: Afisa\nunit: comunication\nemial: asha@example.go.tz\n---\n",
    "services/bad.md": "---\ntitle: Huduma\neligibility: Wote\nrequirements: Kitambulisho\nfees: Bure\n"
                       "time_taken: Siku 1\nwhere: Ofisini\nunit: planing\n---\nx\n",
    "faq/bad.md": "---\ntitle: Swali?\n---\nJibu\n",
    "projects/bad.md": "---\ntitle: Mradi\nsector: watr\nstate: ongoing\nlocation:\n  ward: Lumbe\nfunders: [TARURA]\n"
                       "budget: elfu kumi\ncurrency: TZS\nprogress: 140\n---\nx\n",
    "investments/bad.md": "---\ntitle: Fursa\nsector: agriculture\nstate: opened\nlocation:\n  ward: Lumbe\n"
                          "size:\n  amount: 10\n  unit: hektares\ncontact:\n  name: Bw. Ali\n---\nx\n",
    "galleries/bad.md": "---\ntitle: Picha\ndate: 2026-01-01\nphotos:\n  - file: images/news/hakuna.jpg\n---\nx\n",
    "profile/bad.md": "---\ntitle: Wasifu\nlocation: Mashariki\narea_km2: 3540\npopulation:\n  count: 1\n"
                             "administration:\n  wards: 2\neconomy: [Kilimo]\n---\nx\n",
    "feedback/bad.md": "---\ntitle: Maoni\nsmss: 15120\n---\nx\n",
}
EXPECTED = [
    "content/events/bad.md:3: strat: unknown field; did you mean 'start'?",
    "content/events/bad.md: start: is missing; expected a date written YYYY-MM-DD or YYYY-MM-DD HH:MM",
    "content/events/ends-early.md:4: end: '2026-12-04 10:00' is before the start",
    "content/events/ends-early.md:7: timezone: 'Africa/Dar_es_Salam' is not a time zone; "
    "did you mean 'Africa/Dar_es_Salaam'?",
    "content/tenders/bad.md:3: type: 'tendr' is not allowed; did you mean 'tender'?",
    "content/tenders/bad.md:5: closes: '15/12/2026' is not right; expected a date",
    "content/tenders/bad.md:9: documents.0.file: 'files/tenders/zabuni-vifaa-vya-tehma.pdf' is not a file "
    "of the site; did you mean 'files/tenders/zabuni-vifaa-vya-tehama.pdf'?",
    "content/publications/bad.md:3: type: 'reprot' is not allowed; did you mean 'report'?",
    "content/publications/bad.md:5: file: 'files/publications/hakuna.pdf' is not a file of the site",
    "content/people/bad.md:4: unit: 'comunication' is not a unit of this site; did you mean 'communication'?",
    "content/people/bad.md:5: emial: unknown field; did you mean 'email'?",
    "content/services/bad.md:4: requirements: 'Kitambulisho' is not right; expected a list",
    "content/services/bad.md:8: unit: 'planing' is not a unit of this site; did you mean 'planning'?",
    "content/faq/bad.md: topic: is missing; expected a line of text",
    "content/projects/bad.md:3: sector: 'watr' is not allowed; did you mean 'water'?",
    "content/projects/bad.md:8: budget: 'elfu kumi' is not right; expected a number",
    "content/projects/bad.md:10: progress: '140' is not right; expected a number from 0 to 100",
    "content/investments/bad.md:4: state: 'opened' is not allowed; did you mean 'open'?",
    "content/investments/bad.md:9: size.unit: 'hektares' is not allowed; did you mean 'hectares'?",
    "content/galleries/bad.md:5: photos.0.caption: is missing; expected a line of text",
    "content/galleries/bad.md:5: photos.0.file: 'images/news/hakuna.jpg' is not a file of the site",
    "content/profile/bad.md:5: population.census_year: is missing; expected a number",
    "content/feedback/bad.md:3: smss: unknown field; did you mean 'sms'?",
]


def test_bad_files_of_every_type_are_all_reported_together(tmp_path):
    content = copy_content(tmp_path)
    for name, text in BAD_FILES.items():
        (content / name).write_text(text, encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    message = str(stopped.value)
    assert [line for line in EXPECTED if line not in message] == []
    assert not (tmp_path / "out" / "index.html").exists()


def test_the_guide_to_content_types_is_up_to_date():
    from kit_types import markdown_guide

    assert (ROOT / "docs" / "content-types.md").read_text(encoding="utf-8") == markdown_guide(), \
        "run .venv/bin/python plugins/kit_types/write_docs.py"


def test_make_new_writes_a_valid_file_for_every_type(tmp_path):
    from kit_scaffold import write_item
    from kit_types import types

    content = copy_content(tmp_path)
    now = datetime.datetime(2026, 11, 20, 10, 15)
    written = {kind: write_item(content, kind, f"Majaribio {kind}", "en", now)
               for kind, spec in types().items() if kind != "publications" and not spec.single}
    assert written["events"].name == "2026-11-20-majaribio-events.en.md"
    assert written["people"].name == "majaribio-people.en.md"
    with pytest.raises(SystemExit, match="already exists"):
        write_item(content, "profile", "Wasifu", "", now)  # one profile per language
    publication = write_item(content, "publications", "Ripoti ya majaribio", "", now)
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert f"content/publications/{publication.name}:" in str(stopped.value)
    assert "'files/publications/ripoti-ya-majaribio.pdf' is not a file of the site" in str(stopped.value)
    assert [line for line in str(stopped.value).splitlines()[1:] if "publications" not in line] == []


def test_a_whole_day_ends_at_midnight_and_a_time_takes_the_zone():
    from zoneinfo import ZoneInfo

    from kit_typeitems import moment

    zone = ZoneInfo("Africa/Dar_es_Salaam")
    end, whole_day = moment(datetime.date(2026, 12, 9), zone, end_of_day=True)
    assert whole_day and end.isoformat() == "2026-12-10T00:00:00+03:00"
    start, whole_day = moment("2027-01-20 09:00", zone)
    assert not whole_day and start.isoformat() == "2027-01-20T09:00:00+03:00"
    assert moment("2027-01-20T09:00+01:00", zone)[0].utcoffset() == datetime.timedelta(hours=1)


def test_calendar_lines_are_folded_without_splitting_a_character():
    from kit_calendar import escape, fold

    line = "SUMMARY:" + escape("جشن شصت‌وپنجمین سالگرد استقلال، میدان بوما; ملیمانی, تانزانیا") * 2
    pieces = fold(line).split("\r\n ")
    assert "".join(pieces) == line and all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert escape("a,b;c\nd") == "a\\,b\\;c\\nd"


def test_bar_charts_mirror_for_right_to_left():
    from kit_typelists.kit_typelists import chart_rows

    bars = [{"label": "A", "value": 10}, {"label": "B", "value": 5}]
    ltr, rtl = chart_rows(bars), chart_rows(bars, rtl=True)
    assert ltr[0]["width"] == 2 * ltr[1]["width"] == rtl[0]["width"]
    assert ltr[0]["bar_x"] < ltr[0]["label_x"] + 20 and rtl[0]["bar_x"] + rtl[0]["width"] < rtl[0]["label_x"]
