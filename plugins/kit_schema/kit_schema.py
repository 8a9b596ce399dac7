"""Declarative checks of YAML data, with the file, line and fix in every message.

A schema is a dict of `Field`s keyed by name. `check()` walks the data against it
and returns every `Problem` found (never only the first), each naming the file,
the line, the field, what is wrong and what was expected, with a "did you mean"
hint for misspelt names and values. Identity, menus and front matter all use it.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import math
import os
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
IMPOSSIBLE_DAY = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\b")  # shaped like a date; parse_date says if it exists
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
YEARS = (1800, 2200)  # dates outside these are typing mistakes, and far ones overflow time-zone arithmetic
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
KINDS = ("text", "translated", "email", "url", "number", "choice", "date",
         "texts", "mapping", "mappings", "texts_or_groups", "boolean")


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


UNREADABLE = "the build could not read this file; check it against docs/content-types.md, or ask for help"
GENERAL = (UNREADABLE, "Skipping ")  # what Pelican says of a file it gave up on


class BuildStopped(SystemExit):
    """Ends the build, listing every problem; nothing is written after it."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(specific(set(problems)), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        lines = [f"The build stopped: {len(self.problems)} problem(s) to fix. Nothing was published."]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def specific(problems: set[Problem]) -> list[Problem]:
    """The problems, less Pelican's general complaint about a file the kit has named a precise problem in."""
    named = {p.path for p in problems if not p.message.startswith(GENERAL)}
    return [p for p in problems if p.path not in named or not p.message.startswith(GENERAL)]


@dataclass(frozen=True)
class Field:
    """What one field must hold. `fields` describes the inside of a mapping, of each mapping of a list
    (mappings) or of each group of a list that may be grouped (texts_or_groups)."""

    kind: str = "text"
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    fields: dict[str, "Field"] = field(default_factory=dict)
    # Rules declared on the field, checked by kit_types.rules with the rest of the site at hand:
    minimum: float | None = None  # a number at least this
    maximum: float | None = None  # a number at most this
    not_before: str = ""  # a date not before the sibling field of this name
    refers: str = ""  # the file name (without language) of an item in this content folder
    under: str = ""  # a file under content/<under>/ (files or images)
    shared: bool = False  # a translation takes it from its original when it leaves it out (see kit_frontmatter.shared)
    may_differ: bool = False  # a translation may give this shared field a value of its own

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind


def display_path(path, content_path) -> str:
    """A path as the editor sees it: relative to the folder above `content/`."""
    return os.path.relpath(path, os.path.dirname(os.path.abspath(content_path)))


class KitLoader(FAST_LOADER):
    """The safe loader, except that a date that does not exist stays text for the schema to name."""


def _timestamp_or_text(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:  # 2026-02-30, 2026-13-45: kept as written, so check() reports its line
        return loader.construct_scalar(node)


KitLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, dict[str, int], list[Problem]]:
    """Parse YAML, returning (data, line of every dotted key, problems); the text starts on `first_line`."""
    try:
        shared = shared_values(text, path, first_line) if ("&" in text or "*" in text) else []
        if shared:
            return None, {}, shared
        loader = KitLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as a control character
        line = text[:error.position].count("\n") + first_line
        return None, {}, [Problem(path, line, "", f"this line holds an invisible control character "
                                  f"(U+{error.character:04X}); type the line again without it")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark else None
        reason = getattr(error, "problem", None) or str(error)
        return None, {}, [Problem(path, line, "", f"this is not valid YAML ({reason}); "
                                  "check the indentation and quote text that contains ': '")]
    if node is None:
        return data, {}, []
    lines = {name: line + first_line - 1 for name, line in line_index(node).items()}
    return data, lines, repeated_keys(node, path, first_line - 1)


def shared_values(text: str, path: str, first_line: int) -> list[Problem]:
    """A problem for each YAML anchor (&name) or alias (*name): the kit's files never need them, and
    aliases of aliases can make a file of a few lines expand without end."""
    loader, problems = KitLoader(text), []
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                problems.append(Problem(path, token.start_mark.line + first_line, "",
                                        f"'{'&' if isinstance(token, yaml.AnchorToken) else '*'}{token.value}' "
                                        "shares a value between fields, which the kit does not read; write the "
                                        "value out in full (put text that starts with * or & in quotes)"))
    finally:
        loader.dispose()
    return problems


def repeated_keys(node: yaml.Node, path: str, offset: int = 0, prefix: str = "") -> list[Problem]:
    """A problem for each key written twice in one mapping (YAML would keep only the last)."""
    problems, first_lines = [], {}
    children = node.value if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) else []
    for number, child in enumerate(children):
        if isinstance(node, yaml.MappingNode):
            key, child = child
            name, line = f"{prefix}{key.value}", key.start_mark.line + 1 + offset
            if name in first_lines:
                problems.append(Problem(path, line, name, f"is written twice (first on line {first_lines[name]}); "
                                        "keep one of them"))
            first_lines.setdefault(name, line)
            problems += repeated_keys(child, path, offset, name + ".")
        else:
            problems += repeated_keys(child, path, offset, f"{prefix}{number}.")
    return problems


def line_index(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """Map each dotted key path (lists as .0, .1) to its 1-based line."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines[name] = key.start_mark.line + 1
            lines.update(line_index(value, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            lines[f"{prefix}{number}"] = item.start_mark.line + 1
            lines.update(line_index(item, f"{prefix}{number}."))
    return lines


def check(data: Any, schema: dict[str, Field], path: str, lines: dict[str, int],
          languages: tuple[str, ...] = (), prefix: str = "") -> list[Problem]:
    """Every problem of `data` against `schema`."""
    def problem(name: str, message: str) -> Problem:
        return Problem(path, lines.get(name) or lines.get(name.rsplit(".", 1)[0]), name, message)

    if not isinstance(data, dict):
        return [problem(prefix.rstrip(".") or "", "expected a list of 'name: value' lines here")]
    problems = [problem(prefix + name, f"unknown field{did_you_mean(name, schema)}")
                for name in data if name not in schema]
    for name, spec in schema.items():
        value = data.get(name)
        if value is None or value == "":
            if spec.required:
                problems.append(problem(prefix + name, f"is missing; expected {_expected(spec)}"))
            continue
        problems += _check_value(value, spec, prefix + name, problem, languages, path, lines)
    return problems


def _check_value(value: Any, spec: Field, name: str, problem, languages, path, lines) -> list[Problem]:
    hidden = next((found for text in _texts_in(value) for found in [INVISIBLE.search(text)] if found), None)
    if hidden and spec.kind not in ("mapping", "mappings"):
        return [problem(name, f"holds an invisible control character (U+{ord(hidden.group()):04X}); "
                        "type the text again without it")]
    if spec.kind == "mapping":
        return check(value, spec.fields, path, lines, languages, name + ".")
    if spec.kind == "mappings":
        if not isinstance(value, list):
            return [problem(name, f"expected {_expected(spec)}")]
        return [p for number, item in enumerate(value)
                for p in check(item, spec.fields, path, lines, languages, f"{name}.{number}.")]
    if spec.kind == "texts_or_groups" and isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return _check_groups(value, spec, name, problem, languages, path, lines)
    if spec.kind == "translated" and isinstance(value, dict):
        unknown = [code for code in value if code not in languages]
        return [problem(name, f"'{code}' is not a language of this site; "
                        f"expected one of {', '.join(languages)}") for code in unknown]
    if spec.kind == "date" and isinstance(value, str) and IMPOSSIBLE_DAY.match(value) and parse_date(value) is None:
        return [problem(name, _impossible_moment(value))]
    moment = parse_date(value) if spec.kind == "date" else None
    if moment and not YEARS[0] <= moment.year <= YEARS[1]:
        return [problem(name, f"'{value}' is outside the years {YEARS[0]} to {YEARS[1]}; check the year")]
    if spec.kind == "choice" and str(value) not in spec.choices:
        return [problem(name, f"'{_shown(value)}' is not allowed{did_you_mean(str(value), spec.choices)}; "
                        f"expected one of: {', '.join(spec.choices)}")]
    if not _has_kind(value, spec.kind):
        return [problem(name, f"'{_shown(value)}' is not right; expected {_expected(spec)}")]
    if spec.kind == "texts" and spec.choices:  # a list whose every entry is one of the choices
        return [problem(f"{name}.{number}", f"'{_shown(entry)}' is not allowed{did_you_mean(str(entry), spec.choices)}; "
                        f"expected one of: {', '.join(spec.choices)}")
                for number, entry in enumerate(value) if str(entry) not in spec.choices]
    return []


def _check_groups(value: list, spec: Field, name: str, problem, languages, path, lines) -> list[Problem]:
    """A list of groups (`spec.fields`, such as a heading and its duties): every group checked, and a
    plain line among them named, since a list is either all plain lines or all groups."""
    fields = ", ".join(f"'{inner}:'" for inner in spec.fields)
    problems = []
    for number, item in enumerate(value):
        if isinstance(item, dict):
            problems += check(item, spec.fields, path, lines, languages, f"{name}.{number}.")
        else:
            problems.append(problem(f"{name}.{number}", f"'{_shown(item)}' is a plain line in a list of groups; "
                                    f"put it inside a group ({fields}), or write every entry as a plain line"))
    return problems


def _texts_in(value: Any) -> list[str]:
    """The texts of a plain value, a list of them or a translated mapping of them."""
    values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    return [item for item in values if isinstance(item, str)]


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: at most `limit` characters."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _has_kind(value: Any, kind: str) -> bool:
    """True when a plain value has the shape that `kind` asks for."""
    plain = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    return {
        "text": plain,
        "translated": plain,
        "choice": True,
        "email": isinstance(value, str) and bool(EMAIL.match(value)),
        "url": isinstance(value, str) and value.startswith(("https://", "http://")),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value),
        "boolean": isinstance(value, bool),
        "date": parse_date(value) is not None,
        "texts": isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value),
        "texts_or_groups": isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value),
    }[kind]


def _impossible_moment(value: str) -> str:
    """Why a value shaped like a date or date-time names no moment of the calendar."""
    if parse_date(value.strip()[:10]) is not None:
        return f"'{value}' is not a time of day; write the time as HH:MM, from 00:00 to 23:59"
    return f"'{value}' is not a day of the calendar; check the month (01 to 12) and the day"


def parse_date(value: Any) -> datetime.datetime | None:
    """A date or date-time as YAML gives it, or written YYYY-MM-DD HH:MM; else None."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    try:
        return datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _expected(spec: Field) -> str:
    described = {
        "text": "a line of text",
        "translated": "a text, or one line per language code (sw: ..., en: ...)",
        "email": "an e-mail address such as info@example.go.tz",
        "url": "a web address starting with https://",
        "number": "a number such as 12 or 3.5",
        "choice": "one of: " + ", ".join(spec.choices),
        "date": "a date written YYYY-MM-DD or YYYY-MM-DD HH:MM",
        "texts": "a list, one '- item' per line",
        "mapping": "a group of 'name: value' lines",
        "mappings": "a list of groups, each starting with '- '",
        "texts_or_groups": "a list, one '- item' per line, or a list of groups, each starting with '- ' ("
                           + ", ".join(f"'{inner}:'" for inner in spec.fields) + ")",
        "boolean": "true or false",
    }[spec.kind]
    return f"{described} ({spec.help})" if spec.help else described


def closest(word: str, candidates) -> str | None:
    """The candidate a misspelt `word` was most likely meant to be, or None when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, candidates) -> str:
    """"; did you mean 'x'?" to end a message with, or "" when no candidate is close."""
    close = closest(word, candidates)
    return f"; did you mean '{close}'?" if close else ""


@functools.cache
def time_zones() -> frozenset[str]:
    """The names of the IANA time-zone database (read once: it walks the tzdata package)."""
    return frozenset(zoneinfo.available_timezones())
