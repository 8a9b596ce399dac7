"""Write a new content file whose front matter already passes its schema.

The folder's type in the registry (kit_types) decides which fields are written:
every required field gets a value, so the new file builds at once; the editor
then replaces the placeholder text.

The file name comes from the title. A title in Latin letters gives an ASCII name
(`ziara-ya-mkuu-wa-wilaya`); a title with letters of any other script keeps them,
so a Persian title gives a Persian name a reader can read back
(`افتتاح-طرح-آبرسانی`). Either name is safe on Windows, macOS and Linux: only
letters, digits, `_` and dashes (no reserved character, zero-width joiner or
bidi control), NFKC-normalised as Pelican normalises slugs (so the address is the
name), at most 60 characters and 120 UTF-8 bytes, cut between words, and never a
name Windows reserves (`con`, `nul`, `com1`...). On Persian titles Arabic yeh and
kaf become Persian ی and ک, short-vowel marks and tatweel are dropped, and a
zero-width non-joiner becomes a dash, so the letters keep their shapes.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

import yaml
from pelican.utils import slugify

from kit_identity import load_identity
from kit_identity.sections import chosen_sections
from kit_schema import closest
from kit_types import types

GENERAL = {"sw": "Jumla", "en": "General", "fa": "عمومی"}
PLACEHOLDER = {"sw": "Andika muhtasari wa sentensi moja au mbili.",
               "en": "Write a summary of one or two sentences.",
               "fa": "خلاصه‌ای یک یا دو جمله‌ای بنویسید."}


MAX_CHARACTERS, MAX_BYTES = 60, 120  # of the title's part of a file name
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
# Arabic short-vowel and Quranic marks, superscript alef and tatweel: optional in Persian spelling.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})  # ي ى ك
ZWNJ = "\u200c"


def is_latin(title: str) -> bool:
    """True when every letter of the title is a Latin one (digits and signs do not count)."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in title if char.isalpha())


def ascii_slug(title: str) -> str:
    """Lower-case ASCII words joined by dashes (Pelican's transliteration)."""
    return slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""),
                                      (r"[-\s]+", "-")], use_unicode=False)


def unicode_slug(title: str, lang: str) -> str:
    """Lower-case words in their own script joined by dashes, NFKC-normalised: letters, marks
    (a Devanagari vowel sign is part of its word) and digits; anything else separates words."""
    text = unicodedata.normalize("NFKC", title)
    if lang == "fa":
        text = text.translate(PERSIAN_LETTERS)
    text = ARABIC_MARKS.sub("", text).replace(ZWNJ, " ")
    kept = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return "-".join(kept.split()).lower()


def shortened(slug: str) -> str:
    """The slug cut to the length limits, between words when it has to be cut."""
    if len(slug) <= MAX_CHARACTERS and len(slug.encode("utf-8")) <= MAX_BYTES:
        return slug
    cut = slug[:MAX_CHARACTERS]
    while len(cut.encode("utf-8")) > MAX_BYTES:
        cut = cut[:-1]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def slug_of(title: str, lang: str = "") -> str:
    """The title's part of a file name: ASCII for a Latin title, its own script otherwise."""
    slug = ascii_slug(title) if is_latin(title) else unicode_slug(title, lang)
    slug = shortened(slug).strip("-") or "item"
    return f"{slug}-1" if slug in WINDOWS_RESERVED else slug


def file_name(title: str, lang: str, default_lang: str, day: datetime.date, kind: str = "news") -> str:
    """`YYYY-MM-DD-slug.md` (news) or `slug.md` (other types; `profile.md` for one-page types),
    with `.xx` before `.md` for a non-default language."""
    suffix = "" if lang == default_lang else f".{lang}"
    content_type = types().get(kind)
    if content_type is not None and content_type.single:
        return f"{kind}{suffix}.md"
    slug = slug_of(title, lang)
    stem = f"{day.isoformat()}-{slug}" if content_type is None or content_type.dated_names else slug
    return f"{stem}{suffix}.md"


def _example(value, title: str, lang: str, now: datetime.datetime):
    """An example value of a content type with {date}, {slug} and {title} filled in."""
    if isinstance(value, str):
        return value.format(date=now.date().isoformat(), slug=slug_of(title, lang), title=title)
    if isinstance(value, dict):
        return {name: _example(inner, title, lang, now) for name, inner in value.items()}
    if isinstance(value, list):
        return [_example(inner, title, lang, now) for inner in value]
    return value


def typed_front_matter(kind: str, title: str, lang: str, now: datetime.datetime) -> str:
    """Front matter of a content type: title, summary and the type's example of each required field."""
    spec = types()[kind]
    values = {"title": title, "summary": PLACEHOLDER.get(lang, PLACEHOLDER["en"])}
    values |= {name: _example(value, title, lang, now) for name, value in spec.example.items()}
    fields = {name: values[name] for name in spec.schema if name in values}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def front_matter(kind: str, title: str, lang: str, now: datetime.datetime) -> str:
    """YAML front matter with every required field of the folder's schema."""
    if not types()[kind].article:
        return typed_front_matter(kind, title, lang, now)
    values = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"),
              "category": GENERAL.get(lang, "General"), "summary": PLACEHOLDER.get(lang, PLACEHOLDER["en"])}
    values |= {name: _example(value, title, lang, now) for name, value in types()[kind].example.items()}
    fields = {name: values[name] for name, spec in types()[kind].schema.items()
              if name in values and (spec.required or name == "summary")}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def site_identity(content: Path) -> dict:
    """content/site.yaml, read and checked; a plain stop naming its problems."""
    identity, problems = load_identity(content)
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    return identity


def check_language(identity: dict, lang: str) -> None:
    """Stop plainly unless `lang` is one of the site's languages."""
    codes = [str(item["code"]) for item in identity["languages"]["available"]]
    if lang not in codes:
        raise SystemExit(f"'{lang}' is not a language of this site; use one of: {', '.join(codes)}")


def write_item(content: Path, kind: str, title: str, lang: str, now: datetime.datetime) -> Path:
    """Create the file and return its path; refuse with a plain message on bad input."""
    kinds = tuple(types())
    if kind not in kinds:
        close = closest(kind, kinds)
        hint = f" Did you mean '{close}'?" if close else ""
        raise SystemExit(f"'{kind}' is not a kind of content; use one of: {', '.join(kinds)}.{hint}")
    if not title.strip():
        raise SystemExit('Give the item a title, e.g. make new KIND=news TITLE="Ziara ya Mkuu wa Wilaya"')
    identity = site_identity(content)
    sections = chosen_sections(identity)
    if sections is not None and kind not in sections and not types()[kind].always:
        raise SystemExit(f"'{kind}' is not among the sections of content/site.yaml; add it to sections first, "
                         f"or use one of: {', '.join(sections)}")
    default_lang = identity["languages"]["default"]
    lang = lang or default_lang
    check_language(identity, lang)
    path = content / kind / file_name(title, lang, default_lang, now.date(), kind)
    if path.exists():
        raise SystemExit(f"{path} already exists; choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(kind, title, lang, now) + "\n" + PLACEHOLDER.get(lang, "") + "\n",
                    encoding="utf-8")
    return path
