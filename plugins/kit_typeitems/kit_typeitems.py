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

from kit_i18n import lang_prefix
from kit_schema import Problem, did_you_mean, display_path, load_yaml, parse_date, time_zones
from kit_build.problems import report
from kit_frontmatter import split_front_matter
from kit_frontmatter.sources import inside, read_source
from kit_types import types
from kit_types.rules import apply_rules

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
        self.source = self._source()
        self.path = display_path(self.source, settings["PATH"]) if self.source else \
            f"content/{metadata.get('kind')}/{metadata.get('key')}.md"
        self._line_of: dict[str, int] | None = None  # read only when there is a problem to place
        self.problems: list[Problem] = []
        self.infos: dict[str, dict | None] = {}  # a file field's description, by the field's dotted name

    def _source(self) -> Path | None:
        meta = self.metadata
        folder = self.content / str(meta.get("kind"))
        names = [f"{meta.get('key')}.{meta.get('lang')}.md", f"{meta.get('key')}.md"]
        return next((folder / name for name in names if (folder / name).is_file()), None)

    @property
    def lines(self) -> dict[str, int]:
        """The line of each front matter field of the source file."""
        if self._line_of is None:
            front = split_front_matter(read_source(self.source)[0])[0] or "" if self.source else ""
            self._line_of = load_yaml(front, str(self.source), first_line=2)[1]  # line 1 is the opening ---
        return self._line_of

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

    def refers(self, name: str, value: Any, folder: str) -> None:
        """A problem unless `value` is the file name of an item in content/<folder>/."""
        names = sorted({p.name.split(".")[0] for p in (self.content / folder).glob("*.md")})
        if str(value) not in names:
            noun = types()[folder].noun if folder in types() else "file name"
            self.add(name, f"'{value}' is not a {noun} of this site{did_you_mean(str(value), names)}; "
                           f"expected one of: {', '.join(names)}")

    def zone(self) -> datetime.tzinfo:
        name = self.metadata.get("timezone") or self.settings.get("TIMEZONE") or "UTC"
        try:
            return zoneinfo.ZoneInfo(str(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.add("timezone", f"'{name}' is not a time zone{did_you_mean(str(name), time_zones())}; expected a name such as Africa/Dar_es_Salaam")
            return datetime.timezone.utc


def prepare(generator, metadata: dict) -> None:
    """Template, address, declared rules and the type's own preparation of one item."""
    kind = types().get(str(metadata.get("kind", "")))
    if kind is None:
        return
    settings = generator.settings
    metadata.setdefault("template", kind.template)
    if "date" not in kind.schema:
        metadata.pop("date", None)  # a date at the start of the file name is not the item's date
    if kind.single:
        url = lang_prefix(metadata["lang"], settings["DEFAULT_LANG"]) + kind.folder + "/"
        metadata.update(url=url, save_as=url + "index.html")
    check = ItemChecker(settings, metadata)
    apply_rules(metadata, kind.schema, check)
    if kind.prepare:
        kind.prepare(metadata, check, settings.setdefault("KIT_NOW", reference_time()))
    report(*check.problems)


def set_reference_time(pelican) -> None:
    """Fix the moment that decides upcoming/past and open/closed, once per build."""
    pelican.settings["KIT_NOW"] = reference_time()
