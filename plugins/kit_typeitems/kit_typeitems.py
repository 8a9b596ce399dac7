"""Prepare each item of a government content type, and check what a schema cannot.

After the schema has checked the front matter (kit_frontmatter), this module
gives an item its template, turns its dates into time-zone-aware moments, decides
against the build's reference time whether an event is upcoming and a tender
open, describes every file it offers (type, size and PDF page count, measured
now, never typed) and checks that files, images and units it names exist.
Each problem names the file, line and field, like the schema's own.

The reference time is `SOURCE_DATE_EPOCH` when set, else the clock when the
build starts: two builds of one commit differ only if a deadline falls between them.
"""

from __future__ import annotations

import datetime
import functools
import os
import zoneinfo
from pathlib import Path
from typing import Any

from pelican import signals
from kit_i18n import lang_prefix
from kit_schema import Problem, did_you_mean, display_path, load_yaml, parse_date, time_zones
from kit_build.problems import report
from kit_frontmatter import split_front_matter
from kit_frontmatter.sources import inside, read_source
from kit_types import TYPES

FILE_TYPES = {"pdf": "PDF", "docx": "DOCX", "doc": "DOC", "xlsx": "XLSX", "xls": "XLS", "odt": "ODT",
              "csv": "CSV", "zip": "ZIP", "pptx": "PPTX", "txt": "TXT"}
MEDIA_TYPES = {"pdf": "application/pdf", "csv": "text/csv", "zip": "application/zip",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def reference_time() -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set, else now; always in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def moment(value: Any, zone: datetime.tzinfo, end_of_day: bool = False) -> tuple[datetime.datetime | None, bool]:
    """(aware date-time, whole day?) of a front matter date; a whole day ends at midnight."""
    if value is None:
        return None, False
    whole_day = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime) or (
        isinstance(value, str) and len(value.strip()) == 10)
    parsed = parse_date(value)
    if parsed is None:
        return None, False
    if whole_day and end_of_day:
        parsed += datetime.timedelta(days=1)
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)), whole_day


def describe_file(path: Path) -> dict[str, Any]:
    """Type, media type, size in bytes and (for a PDF) page count of one file, measured now."""
    status = path.stat()
    return dict(_describe(path, status.st_size, status.st_mtime_ns))


@functools.cache
def _describe(path: Path, size: int, modified: int) -> dict[str, Any]:
    """describe_file() once per version of a file (translations share their files)."""
    extension = path.suffix.lower().lstrip(".")
    info = {"type": FILE_TYPES.get(extension, extension.upper()), "size": size,
            "media_type": MEDIA_TYPES.get(extension, "application/octet-stream"), "pages": None}
    if extension == "pdf":
        from pypdf import PdfReader

        info["pages"] = PdfReader(path).get_num_pages()
    return info


class ItemChecker:
    """Problems of one item, each with the line of its field in the source file."""

    def __init__(self, settings: dict, metadata: dict):
        self.settings, self.metadata = settings, metadata
        self.content = Path(settings["PATH"])
        source = self._source()
        self.path = display_path(source, settings["PATH"]) if source else \
            f"content/{metadata.get('kind')}/{metadata.get('key')}.md"
        self.lines = self._lines(source) if source else {}
        self.problems: list[Problem] = []

    def _source(self) -> Path | None:
        meta = self.metadata
        folder = self.content / str(meta.get("kind"))
        names = [f"{meta.get('key')}.{meta.get('lang')}.md", f"{meta.get('key')}.md"]
        return next((folder / name for name in names if (folder / name).is_file()), None)

    @staticmethod
    def _lines(source: Path) -> dict[str, int]:
        front = split_front_matter(read_source(source)[0])[0] or ""
        return load_yaml(front, str(source), first_line=2)[1]  # line 1 is the opening ---

    def add(self, name: str, message: str) -> None:
        line = self.lines.get(name) or self.lines.get(name.split(".")[0])
        self.problems.append(Problem(self.path, line, name, message))

    def file(self, name: str, value: Any, folder: str = "files") -> dict | None:
        """A file's description and address, or a problem when it is missing."""
        relative = str(value).strip().lstrip("/")
        target = self.content / relative
        if not inside(target, self.content / folder):
            self.add(name, f"'{value}' points outside content/{folder}/; expected a file under content/{folder}/, "
                           f"written {folder}/folder/name")
            return None
        if not relative.startswith(folder + "/") or not target.is_file():
            near = sorted(str(p.relative_to(self.content)) for p in (self.content / folder).rglob("*")
                          if p.is_file()) if (self.content / folder).is_dir() else []
            self.add(name, f"'{value}' is not a file of the site{did_you_mean(relative, near)}; expected a file under "
                           f"content/{folder}/, written {folder}/folder/name")
            return None
        if folder == "images":
            return {"url": relative}
        try:
            return {"url": relative, **describe_file(target)}
        except Exception as error:  # a damaged PDF must stop the build, not crash it
            self.add(name, f"'{value}' cannot be read ({type(error).__name__}); expected a complete file")
            return None

    def unit(self, name: str, value: Any) -> None:
        units = sorted(p.name.split(".")[0] for p in (self.content / "units").glob("*.md"))
        if str(value) not in units:
            self.add(name, f"'{value}' is not a unit of this site{did_you_mean(str(value), units)}; expected one of: {', '.join(units)}")

    def zone(self) -> datetime.tzinfo:
        name = self.metadata.get("timezone") or self.settings.get("TIMEZONE") or "UTC"
        try:
            return zoneinfo.ZoneInfo(str(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.add("timezone", f"'{name}' is not a time zone{did_you_mean(str(name), time_zones())}; expected a name such as Africa/Dar_es_Salaam")
            return datetime.timezone.utc


def prepare_event(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    zone = check.zone()
    start, whole_day = moment(meta.get("start"), zone)
    end, _ = moment(meta.get("end"), zone, end_of_day=True)
    if start is None:
        return
    if end is not None and end < start:
        check.add("end", f"'{meta['end']}' is before the start; expected a moment after {meta['start']}")
    meta.update(start_at=start, end_at=end or (start + datetime.timedelta(days=1) if whole_day else start),
                whole_day=whole_day)
    last = meta["end_at"] - datetime.timedelta(days=1) if whole_day else meta["end_at"]
    meta["last_day"] = last.date() if whole_day else None  # the last day of a whole-day event
    meta["upcoming"] = meta["end_at"] >= now


def prepare_tender(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    closes, _ = moment(meta.get("closes"), check.zone(), end_of_day=True)
    if closes is not None:
        meta.update(closes_at=closes, open=closes > now)
    meta["document_files"] = [dict(doc, info=check.file(f"documents.{n}.file", doc.get("file")))
                              for n, doc in enumerate(meta.get("documents") or []) if isinstance(doc, dict)]


def prepare_publication(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    if meta.get("file"):
        meta["file_info"] = check.file("file", meta["file"])


def prepare_person(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    meta["title"] = str(meta.get("name") or meta.get("key"))
    if meta.get("unit"):
        check.unit("unit", meta["unit"])
    if meta.get("photo"):
        check.file("photo", meta["photo"], "images")


def prepare_service(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    if meta.get("unit"):
        check.unit("unit", meta["unit"])


def prepare_project(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    progress = meta.get("progress")
    if isinstance(progress, (int, float)) and not 0 <= progress <= 100:
        check.add("progress", f"'{progress}' is not right; expected a percent from 0 to 100")
    start, end = parse_date(meta.get("start")), parse_date(meta.get("end"))
    if start and end and end < start:
        check.add("end", f"'{meta['end']}' is before the start; expected a day after {meta['start']}")
    for number, photo in enumerate(meta.get("photos") or []):
        if isinstance(photo, dict):
            check.file(f"photos.{number}.file", photo.get("file"), "images")


def prepare_investment(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    if meta.get("prospectus"):
        meta["prospectus_info"] = check.file("prospectus", meta["prospectus"])
    place = meta.get("coordinates") or {}
    if isinstance(place.get("latitude"), (int, float)) and not -90 <= place["latitude"] <= 90:
        check.add("coordinates.latitude", f"'{place['latitude']}' is not right; expected -90 to 90")
    if isinstance(place.get("longitude"), (int, float)) and not -180 <= place["longitude"] <= 180:
        check.add("coordinates.longitude", f"'{place['longitude']}' is not right; expected -180 to 180")


def prepare_gallery(meta: dict, check: ItemChecker, now: datetime.datetime) -> None:
    for number, photo in enumerate(meta.get("photos") or []):
        if isinstance(photo, dict):
            check.file(f"photos.{number}.file", photo.get("file"), "images")
    for number, video in enumerate(meta.get("videos") or []):
        if isinstance(video, dict):
            check.file(f"videos.{number}.poster", video.get("poster"), "images")


PREPARE = {"events": prepare_event, "tenders": prepare_tender, "publications": prepare_publication,
           "people": prepare_person, "services": prepare_service, "projects": prepare_project,
           "investments": prepare_investment, "galleries": prepare_gallery}


def prepare(generator, metadata: dict) -> None:
    """Template, address, moments, state and file facts of one typed item."""
    kind = TYPES.get(str(metadata.get("kind", "")))
    settings = generator.settings
    if kind is None:
        if metadata.get("kind") == "pages" and metadata.get("key") == "services":
            metadata.setdefault("template", "services_page")  # the page lists every service
        return
    metadata.setdefault("template", kind.template)
    if "date" not in kind.schema:
        metadata.pop("date", None)  # a date at the start of the file name is not the item's date
    if kind.single:
        url = lang_prefix(metadata["lang"], settings["DEFAULT_LANG"]) + kind.folder + "/"
        metadata.update(url=url, save_as=url + "index.html")
    check = ItemChecker(settings, metadata)
    if kind.folder in PREPARE:
        PREPARE[kind.folder](metadata, check, settings.setdefault("KIT_NOW", reference_time()))
    report(*check.problems)


def set_reference_time(pelican) -> None:
    """Fix the moment that decides upcoming/past and open/closed, once per build."""
    pelican.settings["KIT_NOW"] = reference_time()


def register() -> None:
    # initialized: one reference time for the whole build.
    signals.initialized.connect(set_reference_time)
    # page_generator_context: after kit_i18n has named the item, before its address is computed.
    signals.page_generator_context.connect(prepare)
