"""`make new FROM=content/news/x.md LANG_CODE=en`: a translation skeleton of an existing item.

The new file is `x.en.md` beside the original. It carries only what a translator writes:
the fields with words (title, summary, venue, captions, document titles...), filled with
the original's words to be replaced, and the original's body. Fields that do not change
with the language (dates, figures, choices, files, addresses) are left out, so the
translation takes them from the original (kit_frontmatter.shared) and can never drift.
A shared list that holds words, such as `documents` with their titles, is copied whole:
its titles are translated and its files must stay as they are.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kit_frontmatter.shared import fixed_part, is_shared, read_item
from kit_schema import Field
from kit_types import types

from .kit_scaffold import check_language, site_identity

NOT_COPIED = ("lang", "key", "slug")  # each file has its own, from its name


def has_words(value: object, spec: Field) -> bool:
    """True when a translator has something to write in this field."""
    return not is_shared(spec) or fixed_part(value, spec) != value


def translatable_fields(data: dict, schema: dict[str, Field]) -> dict:
    """The original's fields that a translation writes in its own words."""
    return {name: value for name, value in data.items()
            if name in schema and name not in NOT_COPIED and has_words(value, schema[name])}


def original_file(content: Path, source: str) -> Path:
    """The item to translate, as given (relative to the project or to content/), or a plain stop."""
    given = Path(source)
    for candidate in (given, content / given, content.parent / given):
        if candidate.is_file() and candidate.suffix == ".md" and candidate.parent.parent == content:
            return candidate
    raise SystemExit(f"'{source}' is not an item of {content}: give its path, e.g. content/news/2026-11-26-ziara.md")


def translation_path(original: Path, lang: str, default_lang: str) -> Path:
    """Where the translation goes: the original's key with the language before `.md`."""
    key = original.name.split(".")[0]
    return original.with_name(f"{key}.md" if lang == default_lang else f"{key}.{lang}.md")


def write_translation(content: Path, source: str, lang: str) -> Path:
    """Write the skeleton of the item `source` in `lang` and return its path."""
    original = original_file(content, source)
    identity = site_identity(content)
    check_language(identity, lang)
    target = translation_path(original, lang, identity["languages"]["default"])
    if target.exists():
        raise SystemExit(f"{target} already exists: edit it instead.")
    data, body = read_item(original)
    if not data:
        raise SystemExit(f"{original} has no front matter to translate; run make build to see why.")
    fields = translatable_fields(data, types()[original.parent.name].schema)
    note = (f"# Translate the words below from {original.name}. Dates, figures, choices and files come from\n"
            f"# {original.name}: write them here only where this type allows another value.\n")
    target.write_text("---\n" + note + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"
                      + body.lstrip("\n"), encoding="utf-8")
    return target
