"""Write a new content file whose front matter already passes its schema.

The folder's schema (kit_frontmatter.SCHEMAS) decides which fields are written:
every required field gets a value, so the new file builds at once; the editor
then replaces the placeholder text.
"""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import yaml
from pelican.utils import slugify

from kit_frontmatter import SCHEMAS
from kit_identity import load_identity
from kit_types import TYPES  # importing it adds the content types' schemas to SCHEMAS

NEWS_FOLDERS = ("news", "press-releases", "announcements", "speeches")
KINDS = NEWS_FOLDERS + tuple(TYPES)
GENERAL = {"sw": "Jumla", "en": "General", "fa": "عمومی"}
PLACEHOLDER = {"sw": "Andika muhtasari wa sentensi moja au mbili.",
               "en": "Write a summary of one or two sentences.",
               "fa": "خلاصه‌ای یک یا دو جمله‌ای بنویسید."}


def slug_of(title: str) -> str:
    """An ASCII file name part made from a title."""
    slug = slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""),
                                      (r"[-\s]+", "-")], use_unicode=False) or "item"
    return slug[:60].strip("-")


def file_name(title: str, lang: str, default_lang: str, day: datetime.date, kind: str = "news") -> str:
    """`YYYY-MM-DD-slug.md` (news) or `slug.md` (other types; `profile.md` for one-page types),
    with `.xx` before `.md` for a non-default language."""
    suffix = "" if lang == default_lang else f".{lang}"
    if kind in TYPES and TYPES[kind].single:
        return f"{kind}{suffix}.md"
    stem = slug_of(title) if kind in TYPES and kind != "events" else f"{day.isoformat()}-{slug_of(title)}"
    return f"{stem}{suffix}.md"


def _example(value, title: str, now: datetime.datetime):
    """An example value of a content type with {date}, {slug} and {title} filled in."""
    if isinstance(value, str):
        return value.format(date=now.date().isoformat(), slug=slug_of(title), title=title)
    if isinstance(value, dict):
        return {name: _example(inner, title, now) for name, inner in value.items()}
    if isinstance(value, list):
        return [_example(inner, title, now) for inner in value]
    return value


def typed_front_matter(kind: str, title: str, lang: str, now: datetime.datetime) -> str:
    """Front matter of a content type: title, summary and the type's example of each required field."""
    spec = TYPES[kind]
    values = {"title": title, "summary": PLACEHOLDER.get(lang, PLACEHOLDER["en"])}
    values |= {name: _example(value, title, now) for name, value in spec.example.items()}
    fields = {name: values[name] for name in spec.schema if name in values}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def front_matter(kind: str, title: str, lang: str, now: datetime.datetime) -> str:
    """YAML front matter with every required field of the folder's schema."""
    if kind in TYPES:
        return typed_front_matter(kind, title, lang, now)
    values = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"),
              "category": GENERAL.get(lang, "General"), "summary": PLACEHOLDER.get(lang, PLACEHOLDER["en"])}
    fields = {name: values[name] for name, spec in SCHEMAS[kind].items()
              if name in values and (spec.required or name == "summary")}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def write_item(content: Path, kind: str, title: str, lang: str, now: datetime.datetime) -> Path:
    """Create the file and return its path; refuse with a plain message on bad input."""
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise SystemExit(f"'{kind}' is not a kind of content; use one of: {', '.join(KINDS)}.{hint}")
    if not title.strip():
        raise SystemExit('Give the item a title, e.g. make new KIND=news TITLE="Ziara ya Mkuu wa Wilaya"')
    identity, problems = load_identity(content)
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    default_lang = identity["languages"]["default"]
    lang = lang or default_lang
    codes = [str(item["code"]) for item in identity["languages"]["available"]]
    if lang not in codes:
        raise SystemExit(f"'{lang}' is not a language of this site; use one of: {', '.join(codes)}")
    path = content / kind / file_name(title, lang, default_lang, now.date(), kind)
    if path.exists():
        raise SystemExit(f"{path} already exists; choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(kind, title, lang, now) + "\n" + PLACEHOLDER.get(lang, "") + "\n",
                    encoding="utf-8")
    return path
