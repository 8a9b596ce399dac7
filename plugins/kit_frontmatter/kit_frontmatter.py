"""Read Markdown files that start with YAML front matter, and check it.

Each content folder has one schema, its type's in the registry (kit_types). A file whose front matter breaks
it is still read as far as possible (as a draft), and its problems go to the
build (`kit_build.problems`) so that the whole run is checked before the build stops with
every problem listed. One Markdown instance serves every file of the process.
`body_html()` is the whole conversion of a body; kit_parallel may run it ahead of
the reader in other processes and leave the results in `PREPARED`.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path
from typing import Any

import nh3
from markdown import Markdown
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime
from kit_schema import display_path, Problem, check, load_yaml, parse_date
from kit_build.problems import report
from kit_types.fields import COMMON
from .intake import intake_problems, outside_links
from .lists import ascii_start
from .shared import with_shared
from .sources import (encoding_problem, invisible_problems, key_problems, link_problems, name_date_problems,
                      outside_links_removed, read_source, reserved_problems, scheme_problems, slug_problems)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "bdi",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title"}, "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"}, "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"}, "time": {"datetime"}, "ol": {"start"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, line where the body starts); None when there is none or it is not closed."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:number]), "".join(lines[number + 1:]), number + 2
    return None, text, 1


EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"')
UNSAFE_HTML = re.compile(r"<\s*(?:script|iframe|frame|object|embed|style|form|base|meta)\b|\son[a-z]+\s*=|javascript:",
                         re.IGNORECASE)


def unsafe_html(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of each script, frame, event handler or javascript: link in a body."""
    if UNSAFE_HTML.search(body) is None:  # one scan of the whole body: what a line holds, the body holds
        return []
    return [(first_line + number, match.group(0).strip())
            for number, line in enumerate(body.splitlines()) for match in UNSAFE_HTML.finditer(line)]


def sanitize(html: str) -> str:
    """Keep only safe tags, attributes and URL schemes; external links get rel="noopener";
    a list's start is an ASCII integer (`<ol start="۳">` becomes `<ol start="3">`)."""
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes=URL_SCHEMES, link_rel=None, attribute_filter=ascii_start)
    return EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener"', clean)


_converters: dict[str, Markdown] = {}
PREPARED: dict[str, str] = {}  # absolute path -> body HTML converted ahead of reading


def body_html(body: str, options: dict) -> str:
    """The sanitised HTML of a Markdown body, with this process's Markdown instance."""
    key = repr(sorted(options.items()))
    converter = _converters.get(key)
    if converter is None:
        converter = _converters[key] = Markdown(**options)
    converter.reset()
    return sanitize(converter.convert(body))


def file_body_html(path: str, options: dict) -> str:
    """`body_html()` of the body of the file at `path`."""
    text, _ = read_source(Path(path))
    _, body, _ = split_front_matter(text)
    return body_html(body, options)


class YamlMarkdownReader(BaseReader):
    """Markdown reader that takes its metadata from YAML front matter."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict]:
        path, content = Path(source_path), Path(self.settings["PATH"])
        shown = display_path(path, content)
        text, bad_line = read_source(path)
        front, body, body_line = split_front_matter(text)
        data, lines, problems = self._checked_front_matter(front, text, shown, path)
        problems += [encoding_problem(shown, bad_line)] if bad_line else []
        problems += name_date_problems(path, shown)
        problems += slug_problems(data.get("slug"), shown, lines.get("slug"))
        problems += reserved_problems(path, data.get("slug"), lines.get("slug"), shown,
                                      [lang["code"] for lang in self.settings.get("LANGUAGES", [])])
        problems += scheme_problems(body, body_line, shown) + invisible_problems(body, body_line, shown)
        problems += key_problems(data.get("key"), path, shown, lines.get("key"))
        problems += [Problem(shown, line, "", f"'{found}' is not allowed in a page: remove it (scripts, "
                             "frames, event handlers and javascript: links are never published)")
                     for line, found in unsafe_html(body, body_line)]
        problems += link_problems(body, body_line, path, content, shown)
        metadata = {name: self._metadata_value(name, value)
                    for name, value in data.items() if value not in (None, "", [])}
        html = PREPARED.pop(source_path, None)  # Pelican passes an absolute path
        if problems:
            metadata["status"] = "draft"  # keep a broken file out of every listing
            metadata["kit_problems"] = problems  # kept with Pelican's cache of this file
            metadata.pop("slug", None)  # never an address outside the item's folder
            body, html = outside_links_removed(body, path, content), None
        return (html if html is not None else body_html(body, self.settings["MARKDOWN"])), metadata

    def _metadata_value(self, name: str, value: Any) -> Any:
        """A YAML value as Pelican keeps it (dates, tags and categories are objects)."""
        if name in ("date", "modified"):
            moment = parse_date(value)
            return SafeDatetime(*moment.timetuple()[:6]) if moment else None
        if name == "tags" and isinstance(value, list):
            value = ", ".join(str(tag) for tag in value)
        if name in COMMON and isinstance(value, (int, float)):
            value = str(value)
        return self.process_metadata(name, value) if isinstance(value, str) else value

    def _checked_front_matter(self, front: str | None, text: str, path: str,
                              source: Path) -> tuple[dict, dict[str, int], list[Problem]]:
        """(data, line of each field, problems) of a file's front matter, a translation's with the
        shared fields of its original."""
        folder = source.parent.name
        if front is None:
            opened = [line.strip() for line in text.splitlines()[:1]] == ["---"]
            return {}, {}, [Problem(path, 1, "", "the front matter has no closing '---' line; add a line with "
                                    "only --- after the last field" if opened else "the file must start with "
                                    "front matter between two '---' lines")]
        data, lines, problems = load_yaml(front, path, first_line=2)  # line 1 is the opening ---
        if not isinstance(data, dict):
            return {}, lines, problems or [Problem(path, 2, "", "expected 'name: value' lines between the two "
                                                   "'---' lines")]
        from kit_types import types

        kind = types().get(folder)
        if kind is None:
            return {}, lines, problems + [Problem(path, None, "", f"the folder '{folder}' is not a content folder; "
                                                  f"use one of: {', '.join(types())}")]
        codes = [lang["code"] for lang in self.settings.get("LANGUAGES", [])]
        data, clashes = with_shared(data, kind.schema, source, Path(self.settings["PATH"]),
                                    self.settings["DEFAULT_LANG"], codes, lines)
        return data, lines, problems + clashes + check(data, kind.schema, path, lines)


def report_problems(generator, metadata: dict) -> None:
    """Hand a file's problems to the build, whether it was read now or cached."""
    problems = metadata.pop("kit_problems", None)
    if problems:
        report(*problems)


def check_intake(pelican) -> None:
    """Name every file under content/ that the build would leave out or must not read."""
    settings = pelican.settings
    from kit_types import chosen, types

    unpublished = tuple(name for name in types() if name not in chosen(settings))
    problems = intake_problems(Path(settings["PATH"]), [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]],
                               list(settings["STATIC_PATHS"]), [lang["code"] for lang in settings.get("LANGUAGES", [])],
                               unpublished)
    report(*problems)
    links = [glob.escape(link.name) for link in outside_links(Path(settings["PATH"]))]  # never walked into
    settings["IGNORE_FILES"] = list(dict.fromkeys([*settings["IGNORE_FILES"], *links]))


def use_reader(readers) -> None:
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader
