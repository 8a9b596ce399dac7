"""Calendar files (RFC 5545): every value escaped, no line an editor can add, lines folded at 75 octets.

The unit tests check the pure functions (escape, fold, uid, the address); the corpus cases
build the tiny fixture site with one careless or hostile input each and read its .ics files.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from fixture_site import FILES, SITE_YAML, Case, assert_neutralised, assert_refused
from kit_calendar import calendar, escape, fold
from kit_calendar.kit_calendar import event_url, uid

EVENT = "events/2026-12-09-sherehe.md"
FEED, ONE = "events/calendar.ics", "events/2026-12-09-sherehe/event.ics"
# The properties a calendar of one event has, in order; nothing an editor writes may add one.
PROPERTIES = ["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "BEGIN", "UID", "DTSTAMP",
              "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL", "END", "END"]
CONTROLS = [chr(code) for code in (*range(0x00, 0x09), *range(0x0b, 0x0d), *range(0x0e, 0x20), 0x7f)]
CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
SAFE_UID = re.compile(r"[A-Za-z0-9._%-]+@www\.majaribio\.go\.tz")
PERSIAN = "جشن شصت‌وپنجمین سالگرد استقلال، میدان بوما؛ ملیمانی، تانزانیا"


def content_lines(data: bytes) -> list[str]:
    """The unfolded content lines of an iCalendar file, after checking its physical lines."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    for line in physical:
        assert not CONTROL_BYTE.search(line), line  # no CR, LF or other control byte but HTAB
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # raises if a fold split a character
    return data.decode("utf-8")[:-2].replace("\r\n ", "").split("\r\n")


def names(data: bytes) -> list[str]:
    """The property names of an iCalendar file, in order."""
    return [line.split(":", 1)[0].split(";", 1)[0] for line in content_lines(data)]


def value_of(data: bytes, name: str) -> str:
    """The (escaped) value of the first property called `name`."""
    return next(line.split(":", 1)[1] for line in content_lines(data) if line.split(":", 1)[0] == name)


def unescape(text: str) -> str:
    """A TEXT value as a calendar program reads it back."""
    return re.sub(r"\\(.)", lambda match: "\n" if match[1] in "nN" else match[1], text)


# Unit tests of the pure functions.

@pytest.mark.parametrize("text, written", [
    ("a,b;c\\d", "a\\,b\\;c\\\\d"), ("one\r\ntwo", "one\\ntwo"), ("one\rtwo", "one\\ntwo"),
    ("one\ntwo", "one\\ntwo"), ("one\n\rtwo", "one\\n\\ntwo"), ("tab\tkept", "tab\tkept"),
    ("\\n is text", "\\\\n is text"), ("ATTENDEE:x", "ATTENDEE:x"), (PERSIAN, PERSIAN),
])
def test_escape_writes_a_text_value(text, written):
    assert escape(text) == written
    assert unescape(escape(text)) == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("control", CONTROLS)
def test_escape_drops_every_other_control_character(control):
    assert escape(f"a{control}b") == "ab"


def test_escape_takes_any_value():
    assert escape(12) == "12" and escape(None) == "None"


@pytest.mark.parametrize("size", [1, 74, 75])
def test_a_line_of_at_most_75_octets_is_left_whole(size):
    assert fold("x" * size) == "x" * size


@pytest.mark.parametrize("size", [76, 149, 150, 151, 400])
def test_longer_lines_are_folded_at_75_octets_with_the_space_counted(size):
    pieces = fold("x" * size).encode("utf-8").split(b"\r\n")
    assert [len(piece) for piece in pieces[:-1]] == [75] * (len(pieces) - 1)
    assert all(piece.startswith(b" x") for piece in pieces[1:]) and 1 < len(pieces[-1]) <= 75
    assert b"".join(piece.removeprefix(b" ") for piece in pieces) == b"x" * size


@pytest.mark.parametrize("line", [
    "SUMMARY:" + escape(PERSIAN) * 3, "SUMMARY:" + "x" * 73 + "ج" * 10, "SUMMARY:" + "x" * 66 + "😀" * 30,
    "LOCATION:" + "ی" * 200, "x" * 74 + "€€",
])
def test_folding_never_splits_a_character(line):
    folded = fold(line).encode("utf-8")
    pieces = folded.split(b"\r\n")
    assert all(len(piece) <= 75 for piece in pieces)
    assert [piece.decode("utf-8") for piece in pieces]  # each physical line is whole UTF-8
    assert folded.decode("utf-8").replace("\r\n ", "") == line


@pytest.mark.parametrize("key, written", [
    ("2026-12-09-sherehe", "2026-12-09-sherehe@host.example"),
    ("a b;c,d:e", "a%20b%3Bc%2Cd%3Ae@host.example"),
    ("x\r\nATTENDEE:y", "x%0D%0AATTENDEE%3Ay@host.example"),
    ("جشن", "%D8%AC%D8%B4%D9%86@host.example"),
    ("a~b@c%d", "a%7Eb%40c%25d@host.example"),
])
def test_uid_holds_only_safe_characters(key, written):
    assert uid(key, "host.example") == written


@pytest.mark.parametrize("url", ["events/جشن/", "events/a b/", "events/x\r\nATTENDEE:y/", 'events/"q"<>/'])
def test_the_event_address_is_percent_encoded(url):
    address = event_url("https://www.example.go.tz", url)
    assert address.startswith("https://www.example.go.tz/events/")
    assert all(33 <= ord(char) < 127 and char not in '"<>\\' for char in address), address


def event(**changes) -> SimpleNamespace:
    """An event as the calendar reads it."""
    start = datetime.datetime(2026, 12, 9, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    return SimpleNamespace(**{"key": "2026-12-09-sherehe", "url": "events/2026-12-09-sherehe/", "title": "Sherehe",
                              "venue": "Ukumbi", "organiser": "Ofisi", "summary": "Karibuni", "start_at": start,
                              "end_at": start + datetime.timedelta(hours=2), "whole_day": False} | changes)


HOSTILE = "Meeting\r\nATTENDEE:mailto:evil@example.com\rEND:VEVENT\nBEGIN:VALARM\x00\x1b\x7f;,\\"


@pytest.mark.parametrize("field", ["title", "venue", "organiser", "summary", "key", "url"])
def test_no_field_of_an_event_adds_a_line_or_property(field):
    data = calendar([event(**{field: HOSTILE})], HOSTILE, "sw", "https://www.example.go.tz").encode("utf-8")
    assert names(data) == PROPERTIES
    assert not any(ord(char) < 32 and char != "\t" or ord(char) == 127
                   for line in content_lines(data) for char in line)


def test_calendar_names_and_product_come_out_escaped():
    data = calendar([], "Halmashauri, Mlimani; Wilaya\r\nX-EVIL:1", "fa", "https://www.example.go.tz").encode()
    assert value_of(data, "X-WR-CALNAME") == "Halmashauri\\, Mlimani\\; Wilaya\\nX-EVIL:1"
    assert value_of(data, "PRODID") == "-//www.example.go.tz//kit//FA"
    assert "X-EVIL" not in names(data)


# Corpus cases: the tiny site with one careless or hostile input each.

def with_fields(path: str, fields: dict[str, str]) -> dict[str, str]:
    """One of the fixture's files with some front matter lines replaced: each key is the line's
    start (indentation included, e.g. '  phone'), each value is written as YAML."""
    text = FILES[path]
    for name, value in fields.items():
        text = "\n".join(f"{name}: {value}" if line.startswith(f"{name}:") else line for line in text.split("\n"))
    assert text != FILES[path], fields
    return {path: text}


def event_file(**fields: str) -> dict[str, str]:
    """The fixture's event with some front matter lines replaced."""
    return with_fields(EVENT, fields)


CASES = [
    Case("title with CRLF and a property", event_file(title='"Meeting\\r\\nATTENDEE:mailto:evil@example.com"'),
         ("Meeting\\nATTENDEE:mailto:evil@example.com",)),
    Case("title with a lone CR", event_file(title='"Meeting\\rATTENDEE:x"'), ("Meeting\\nATTENDEE:x",)),
    Case("title with a lone LF", event_file(title='"Meeting\\nEND:VCALENDAR"'), ("Meeting\\nEND:VCALENDAR",)),
    Case("venue over several lines", event_file(venue="|\n  Ukumbi\n  DTSTART:19700101T000000Z"),
         ("Ukumbi\\nDTSTART:19700101T000000Z",)),
    Case("venue with separators", event_file(venue='"Ukumbi; chumba 2, ghorofa \\\\ 1"'),
         ("Ukumbi\\; chumba 2\\, ghorofa \\\\ 1",)),
    # The description is the summary and organiser as plain text: their line breaks became spaces.
    Case("organiser with a property", event_file(organiser='"Ofisi\\r\\nORGANIZER:mailto:evil@example.com"'),
         ("Ofisi ORGANIZER:mailto:evil@example.com",)),
    Case("summary with a new event", event_file(summary='"Sherehe\\rEND:VEVENT\\nBEGIN:VEVENT\\r\\nUID:evil"'),
         ("Sherehe END:VEVENT BEGIN:VEVENT UID:evil",)),
    Case("long Persian title", event_file(title=f'"{PERSIAN} {PERSIAN}"'), (escape(f"{PERSIAN} {PERSIAN}"),)),
    Case("escaped script in the summary", event_file(summary='"Sherehe &lt;script&gt;alert(1)&lt;/script&gt;"'),
         ("Sherehe alert(1)",)),
    Case("script in the title", event_file(title='"<script>alert(1)</script>Sherehe"'), ("SUMMARY:alert(1)Sherehe",)),
    Case("unclosed tag in the venue", event_file(venue='"Ukumbi <img src=x onerror=alert(1)"'),
         ("Ukumbi < img src=x onerror=alert(1)",)),
    Case("institution name with a line break",
         {"site.yaml": SITE_YAML.replace("name: {sw: Halmashauri ya Majaribio, en: Test Council}",
                                         'name: {sw: "Halmashauri\\r\\nX-EVIL:1", en: Test Council}')},
         ("Halmashauri\\nX-EVIL:1",)),
]


# Control characters other than line breaks never reach a calendar: the schema refuses them
# (escape() drops them too, for text that does not come from front matter).
REFUSED = [
    Case("title with NUL, ESC and DEL", event_file(title='"Mee\\0ting\\e\\x7f"'),
         ("content/events/2026-12-09-sherehe.md:2", "title: holds an invisible control character (U+0000)")),
    Case("summary with control characters", event_file(summary='"Sher\\0e\\ehe\\x7f ya\\x0b wilaya"'),
         ("content/events/2026-12-09-sherehe.md", "summary: holds an invisible control character")),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_control_characters_in_event_text_stop_the_build(tmp_path: Path, case: Case):
    assert_refused(tmp_path, case)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_event_text_stays_inside_its_value(tmp_path: Path, case: Case):
    site = assert_neutralised(tmp_path, case)
    for path in (FEED, ONE):
        data = (site / path).read_bytes()
        assert names(data) == PROPERTIES, f"{case.name}: {path}"
        text = data.decode("utf-8").replace("\r\n ", "")
        assert all(expected in text for expected in case.expected), f"{case.name}: {path}\n{text}"


UID_CASES = [Case(f"event file named {name}", {f"events/2026-12-10-{name}.md": FILES[EVENT]}, (written,))
             for name, written in [("mkutano wa;x,y", "mkutano%20wa%3Bx%2Cy"), ("a@b~c", "a%40b%7Ec"),
                                   ("جشن", "%D8%AC%D8%B4%D9%86"), ("x:y\\z", "x%3Ay%5Cz")]]


@pytest.mark.parametrize("case", UID_CASES, ids=lambda case: case.name)
def test_an_event_uid_holds_only_safe_characters_whatever_its_file_name(tmp_path: Path, case: Case):
    site = assert_neutralised(tmp_path, case)
    lines = content_lines((site / FEED).read_bytes())
    uids = [line.removeprefix("UID:") for line in lines if line.startswith("UID:")]
    assert len(uids) == 2 and all(SAFE_UID.fullmatch(value) for value in uids), uids
    assert any(case.expected[0] in value for value in uids), uids
    urls = [line.removeprefix("URL:") for line in lines if line.startswith("URL:")]
    assert all(re.fullmatch(r"https://www\.majaribio\.go\.tz/[A-Za-z0-9/%._~-]+", url) for url in urls), urls


def test_a_persian_title_is_folded_without_splitting_a_character(tmp_path: Path):
    site = assert_neutralised(tmp_path, next(case for case in CASES if case.name == "long Persian title"))
    data = (site / ONE).read_bytes()
    assert len(content_lines(data)) < len(data.split(b"\r\n")) - 1, "the title was folded"
