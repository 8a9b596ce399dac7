"""Calendar files (iCalendar, RFC 5545) for events: one per event and one feed per language.

Each event's page links to `event.ics` beside it, which a phone or calendar
program adds with one tap; `events/calendar.ics` (under the language's prefix)
holds every event of that language for subscription. Times are written in UTC,
whole days as dates. Nothing depends on the clock: DTSTAMP is the event's start.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator
from kit_i18n import lang_prefix, page_lang, translated_text
from kit_sitefiles import write_text_file
from kit_typelists import typed_items

ICS_NAME = "event.ics"


def escape(text: str) -> str:
    """A TEXT value of RFC 5545: backslash, semicolon, comma and newlines escaped."""
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, as RFC 5545 asks."""
    pieces, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > (75 if not pieces else 74):
            pieces.append(current)
            current = ""
        current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


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
    return ["BEGIN:VEVENT", f"UID:{event.key}@{host}",
            f"DTSTAMP:{event.start_at.astimezone(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
            _when("DTSTART", start, whole_day), _when("DTEND", end, whole_day),
            f"SUMMARY:{escape(event.title)}", f"LOCATION:{escape(event.venue)}",
            f"DESCRIPTION:{escape(_plain(description))}", f"URL:{siteurl}/{quote(event.url)}", "END:VEVENT"]


def _plain(html: str) -> str:
    from markupsafe import Markup

    return Markup(html).striptags()


def calendar(events: list, name: str, lang: str, siteurl: str) -> str:
    """A whole VCALENDAR with the given events, lines folded, CRLF line ends."""
    host = urlsplit(siteurl).hostname or "localhost"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{host}//kit//{lang.upper()}", "CALSCALE:GREGORIAN",
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


def register() -> None:
    # generator_init: event pages and listings link to the calendar files.
    signals.generator_init.connect(install)
    # get_generators: the calendar files need every event read and its address known.
    signals.get_generators.connect(get_generators)
