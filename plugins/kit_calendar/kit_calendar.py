"""Calendar files (iCalendar, RFC 5545) for events: one per event and one feed per language.

Each event's page links to `event.ics` beside it, which a phone or calendar
program adds with one tap; `events/calendar.ics` (under the language's prefix)
holds every event of that language for subscription. Times are written in UTC,
whole days as dates. Nothing depends on the clock: DTSTAMP is the event's start.

Nothing an editor writes can add a line or a property: every TEXT value is
escaped (`escape`), line breaks become `\\n` and other control characters are
dropped, the UID is built from safe characters only (`uid`), the URL is
percent-encoded, and every line is folded at 75 octets (`fold`).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import pass_context
from pelican.generators import Generator
from kit_i18n import lang_prefix, page_lang, translated_text
from kit_sitefiles import write_text_file
from kit_typelists import typed_items
from kit_types import chosen

ICS_NAME = "event.ics"
LINE_OCTETS = 75  # RFC 5545 3.1: a content line is folded after at most 75 octets
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# RFC 5545 3.1: CONTROL is U+0000-U+0008, U+000A-U+001F and U+007F; a TEXT value may hold HTAB.
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
MARKUP_TAG = re.compile(r"<[^<>]*>")  # <b>, </script>, <img src=x onerror=...>
TAG_OPENING = re.compile(r"<(?=[A-Za-z/!?])")  # what is left of a tag that was never closed
UID_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")


def without_markup(text: str) -> str:
    """Plain text with no tag in it: calendar programs may render a description as HTML."""
    return TAG_OPENING.sub("< ", MARKUP_TAG.sub("", text))


def escape(text: object) -> str:
    """A TEXT value of RFC 5545 (3.3.11) without markup: backslash, semicolon and comma escaped,
    each line break (CRLF, CR or LF) written `\\n`, every other control character but HTAB dropped."""
    escaped = without_markup(str(text)).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return CONTROL.sub("", LINE_BREAK.sub(r"\\n", escaped))


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character;
    each continuation starts with a space, which counts towards its 75 (RFC 5545 3.1)."""
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def uid(key: str, host: str) -> str:
    """A UID of the event's key and the site's host: every byte of the key outside
    A-Z a-z 0-9 . _ - percent-encoded, so the value can hold no separator or line break."""
    encoded = "".join(chr(byte) if byte in UID_SAFE else f"%{byte:02X}" for byte in str(key).encode("utf-8"))
    return f"{encoded}@{host}"


def event_url(siteurl: str, url: str) -> str:
    """The event page's full address, its path percent-encoded (only `/` kept as it is)."""
    return f"{siteurl}/{quote(str(url), safe='/')}"


def _when(name: str, value: datetime.datetime, whole_day: bool) -> str:
    if whole_day:
        return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"
    return f"{name}:{value.astimezone(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"


def vevent(event, siteurl: str, host: str) -> list[str]:
    """The lines of one VEVENT."""
    start, end, whole_day = event.start_at, event.end_at, event.whole_day
    if whole_day:
        start, end = start.date(), end.date()
    description = " ".join(part for part in (getattr(event, "summary", "") or "", event.organiser) if part)
    return ["BEGIN:VEVENT", f"UID:{uid(event.key, host)}",
            f"DTSTAMP:{event.start_at.astimezone(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
            _when("DTSTART", start, whole_day), _when("DTEND", end, whole_day),
            f"SUMMARY:{escape(event.title)}", f"LOCATION:{escape(event.venue)}",
            f"DESCRIPTION:{escape(_plain(description))}", f"URL:{event_url(siteurl, event.url)}", "END:VEVENT"]


def _plain(html: str) -> str:
    from markupsafe import Markup

    return Markup(html).striptags()


def calendar(events: list, name: str, lang: str, siteurl: str) -> str:
    """A whole VCALENDAR with the given events, lines folded, CRLF line ends."""
    host = urlsplit(siteurl).hostname or "localhost"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{escape(f'-//{host}//kit//{lang.upper()}')}",
             "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += vevent(event, siteurl, host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def feed_path(lang: str, default_lang: str) -> str:
    return f"{lang_prefix(lang, default_lang)}events/calendar.ics"


class CalendarGenerator(Generator):
    """Writes event.ics beside every event and each language's calendar feed."""

    def generate_output(self, writer) -> None:
        settings, items = self.settings, self.context.get("KIT_ITEMS", [])
        if "events" not in chosen(settings):
            return  # a site without events has no calendar
        siteurl = str(settings["SITE"]["website"]).rstrip("/")
        output = Path(self.output_path)
        for lang in settings["LANGUAGES"]:
            code = lang["code"]
            events = [event for event in typed_items(items, "events", code, settings)
                      if getattr(event, "start_at", None)]
            name = translated_text(settings["SITE"]["institution"]["name"], code, settings["DEFAULT_LANG"])
            write_text_file(output / feed_path(code, settings["DEFAULT_LANG"]), calendar(events, name, code, siteurl))
            for event in events:
                write_text_file(output / event.url / ICS_NAME, calendar([event], name, code, siteurl))


@pass_context
def calendar_url(context, event=None) -> str:
    """`{{ calendar_url(page) }}`: an event's .ics file; without an event, the language's feed."""
    if event is not None:
        return f"{event.url}{ICS_NAME}"
    return feed_path(page_lang(context), context["DEFAULT_LANG"])


def install(generator) -> None:
    generator.env.globals["calendar_url"] = calendar_url


def get_generators(pelican) -> type[Generator]:
    return CalendarGenerator
