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

NEWS_FOLDERS = ("news", "press-releases", "announcements", "speeches")
GENERAL = {"sw": "Jumla", "en": "General", "fa": "عمومی"}
PLACEHOLDER = {"sw": "Andika muhtasari wa sentensi moja au mbili.",
               "en": "Write a summary of one or two sentences.",
               "fa": "خلاصه‌ای یک یا دو جمله‌ای بنویسید."}


def file_name(title: str, lang: str, default_lang: str, day: datetime.date) -> str:
    """`YYYY-MM-DD-slug.md`, with `.xx` before `.md` for a non-default language."""
    slug = slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""),
                                      (r"[-\s]+", "-")], use_unicode=False) or "item"
    suffix = "" if lang == default_lang else f".{lang}"
    return f"{day.isoformat()}-{slug[:60].strip('-')}{suffix}.md"


def front_matter(kind: str, title: str, lang: str, now: datetime.datetime) -> str:
    """YAML front matter with every required field of the folder's schema."""
    values = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"),
              "category": GENERAL.get(lang, "General"), "summary": PLACEHOLDER.get(lang, PLACEHOLDER["en"])}
    fields = {name: values[name] for name, spec in SCHEMAS[kind].items()
              if name in values and (spec.required or name == "summary")}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def write_item(content: Path, kind: str, title: str, lang: str, now: datetime.datetime) -> Path:
    """Create the file and return its path; refuse with a plain message on bad input."""
    if kind not in NEWS_FOLDERS:
        close = difflib.get_close_matches(kind, NEWS_FOLDERS, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise SystemExit(f"'{kind}' is not a kind of news; use one of: {', '.join(NEWS_FOLDERS)}.{hint}")
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
    path = content / kind / file_name(title, lang, default_lang, now.date())
    if path.exists():
        raise SystemExit(f"{path} already exists; choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(kind, title, lang, now) + "\n" + PLACEHOLDER.get(lang, "") + "\n",
                    encoding="utf-8")
    return path
