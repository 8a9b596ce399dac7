"""Shared fields: a translation takes the fields that do not change with the language from its original.

`about.en.md` may carry only its own text (title, summary, body); dates, amounts,
choices, coordinates, files, photos and documents come from `about.md`, the file
in the site's default language (or, without one, from the first language that has
the item). So a budget corrected in the Swahili file is correct in every language.
A translation that writes a shared field with another value than its original's
stops the build, naming both files and the field, unless the field is declared
`may_differ` (a web address that has a page in each language). Only what does not
change with the language is compared: a translation of `documents` gives each
document's title in its language, but the same files in the same order.

A field is shared when its schema says so (`Field(..., shared=True)`), or when
nothing in it is words: dates, numbers, choices, yes/no, e-mail addresses and web
addresses, names of other items (`refers`) and files (`under`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit_schema import Field, Problem, display_path, load_yaml

from .sources import read_source

LANGUAGE_FREE = ("date", "number", "choice", "boolean", "email", "url")


def is_shared(spec: Field) -> bool:
    """True when a translation takes this field from its original unless it writes it."""
    return spec.shared or spec.kind in LANGUAGE_FREE or bool(spec.refers or spec.under)


def fixed_part(value: Any, spec: Field) -> Any:
    """What of a value may not change with the language: its numbers, dates, choices, addresses and
    files, with the words (a document's title, a photo's caption, a place's name) left out."""
    if spec.fields and isinstance(value, dict):
        return {name: fixed_part(inner, spec.fields[name]) for name, inner in value.items() if name in spec.fields}
    if spec.fields and isinstance(value, list):
        return [fixed_part(entry, spec) if isinstance(entry, dict) else None for entry in value]
    return value if is_shared(spec) or spec.choices else None


def original_of(path: Path, default_lang: str, languages: list[str]) -> Path | None:
    """The file a translation takes its shared fields from, or None for an original."""
    parts = path.name.split(".")
    if len(parts) != 3 or parts[1] not in languages:
        return None
    key = parts[0]
    candidates = [path.with_name(f"{key}.md")] + [path.with_name(f"{key}.{code}.md") for code in languages
                                                  if code not in (default_lang, parts[1])]
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def read_item(path: Path) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a content file; the front matter is empty when it cannot be read (the
    file's own read names why)."""
    from .kit_frontmatter import split_front_matter

    front, body, _ = split_front_matter(read_source(path)[0])
    data = load_yaml(front, str(path), first_line=2)[0] if front is not None else None
    return (data if isinstance(data, dict) else {}), body


def with_shared(data: dict, schema: dict[str, Field], path: Path, content: Path, default_lang: str,
                languages: list[str], lines: dict[str, int]) -> tuple[dict, list[Problem]]:
    """A translation's front matter with the shared fields it leaves out taken from its original,
    and a problem for each shared field it writes with another value."""
    original = original_of(path, default_lang, languages)
    if original is None:
        return data, []
    taken = read_item(original)[0]
    shared = [name for name, spec in schema.items() if is_shared(spec)]
    inherited = {name: taken[name] for name in shared if name not in data and taken.get(name) not in (None, "")}
    clashes = [name for name in shared if name in data and name in taken and not schema[name].may_differ
               and fixed_part(data[name], schema[name]) != fixed_part(taken[name], schema[name])]
    source = display_path(original, content)
    problems = [Problem(display_path(path, content), lines.get(name), name,
                        f"differs from {source}, the original this translation takes it from; remove the "
                        f"line here so the value comes from {source}, or make both the same")
                for name in clashes]
    return data | inherited, problems
