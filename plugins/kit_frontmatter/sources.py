"""What a content file may say about itself and about other files, checked before it is used.

An editor's file is untrusted: its bytes may not be UTF-8, its name may carry a
date that does not exist, its `slug` may try to climb out of its folder or take an
address the kit writes itself, its `key` may name no other file, its links
(`{static}`, `{attach}`, `{filename}`, site addresses) may point outside
`content/` or use a scheme that runs a script (also hidden in character
references), and its body may hold invisible control characters. Each function
here returns the problems it finds, with the file and line, so the reader can
list them all; none of them reads a file outside `content/`.
"""

from __future__ import annotations

import datetime
import html
import os
import re
from pathlib import Path

from kit_schema import Problem, closest
from kit_schema.kit_schema import INVISIBLE

NAME_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=[-.])")
SLUG_FORBIDDEN = re.compile(r"[/\\?#%<>\"'`.\x00-\x1f\x7f]")
# What the kit itself writes at the top of the site, where pages (content/pages/) live too.
RESERVED = frozenset({"_headers", "feeds", "files", "images", "pagefind", "search", "sitemap", "theme", "CNAME"})
LINK_TARGET = re.compile(r"""\]\(\s*<?([^)\s>]+)|<((?:[a-z][a-z0-9+.-]*:|&)[^>\s]*)>|(?:href|src)\s*=\s*["']?([^"'\s>]+)""",
                         re.IGNORECASE)
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
INTERNAL_LINK = re.compile(r"\{(?:filename|static|attach)\}(/?[^)\s\"'#?]+)")
SITE_ADDRESS = re.compile(r"""(?:\]\(\s*<?|(?:href|src)\s*=\s*["']?)(/[^)\s"'>]*)""", re.IGNORECASE)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")


def read_source(path: Path) -> tuple[str, int | None]:
    """A content file's text without a UTF-8 byte-order mark, and the line of its first byte
    that is not UTF-8 (None when the whole file is UTF-8; such bytes read as U+FFFD)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return data.decode("utf-8-sig", errors="replace"), data[:error.start].count(b"\n") + 1


def encoding_problem(shown: str, line: int) -> Problem:
    return Problem(shown, line, "", "this file is not saved as UTF-8 (the first wrong character is on this "
                   "line); save it again with the encoding UTF-8, e.g. in Notepad: Save as, Encoding: UTF-8")


def name_date_problems(path: Path, shown: str) -> list[Problem]:
    """A problem when the file name starts with a date that is not a day of the calendar."""
    match = NAME_DATE.match(path.name)
    if not match:
        return []
    try:
        datetime.date(*(int(part) for part in match.groups()))
        return []
    except ValueError:
        return [Problem(shown, None, "", f"the date {match.group(0)} at the start of the file name is not a day "
                        "of the calendar; rename the file with a real date (YYYY-MM-DD, month 01 to 12)")]


def slug_problems(slug: object, shown: str, line: int | None) -> list[Problem]:
    """A problem when a slug is more than one part of an address."""
    if slug is None or not SLUG_FORBIDDEN.search(str(slug)):
        return []
    return [Problem(shown, line, "slug", f"'{slug}' is not allowed; a slug is the last part of this item's "
                    "address only: words joined by dashes, without /, \\, ., ?, # or %, e.g. ziara-ya-mkuu")]


def reserved_problems(path: Path, slug: object, line: int | None, shown: str, languages: list[str]) -> list[Problem]:
    """A problem when a page would take an address the kit writes itself (/_headers, /feeds/, /en/, ...)."""
    if path.parent.name != "pages":
        return []
    taken = RESERVED | set(languages)
    names = [("slug", str(slug), line)] if slug is not None else [("", path.name.split(".")[0], None)]
    return [Problem(shown, where, field, f"'{name}' is an address the kit writes itself; give the page another "
                    f"{'slug' if field else 'file name'}") for field, name, where in names if name in taken]


def scheme_problems(body: str, first_line: int, shown: str) -> list[Problem]:
    """A problem for each link or image whose address uses a scheme other than http(s), mailto or tel
    (javascript:, vbscript:, data:, also written with character references): nh3 would drop it silently."""
    problems = []
    for number, line in enumerate(body.splitlines()):
        if ":" not in line and "&" not in line:
            continue  # no scheme without a colon, written or as a character reference
        for match in LINK_TARGET.finditer(line):
            target = html.unescape(next(group for group in match.groups() if group))
            scheme = re.match(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", target), re.IGNORECASE)
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES and "javascript:" not in match.group(0):
                problems.append(Problem(shown, first_line + number, "", f"the address '{target[:60]}' is not "
                                        "allowed: links may use https://, http://, mailto: and tel: only"))
    return problems


def invisible_problems(body: str, first_line: int, shown: str) -> list[Problem]:
    """A problem for each line of a body that holds an invisible control character."""
    return [Problem(shown, first_line + number, "", f"this line holds an invisible control character "
                    f"(U+{ord(found.group()):04X}); type the line again without it")
            for number, line in enumerate(body.split("\n")) for found in [INVISIBLE.search(line)] if found]


def key_problems(key: object, path: Path, shown: str, line: int | None) -> list[Problem]:
    """A problem when an explicit `key:` links this file to no other file of its folder."""
    if key is None:
        return []
    own = path.name.split(".")[0]
    others = sorted({p.name.split(".")[0] for p in path.parent.glob("*.md") if p != path} - {own})
    if str(key) == own or str(key) in others:
        return []
    close = closest(str(key), [own, *others])
    hint = f"did you mean '{close}'? " if close else ""
    return [Problem(shown, line, "key", f"'{key}' is the name of no other file in {path.parent.name}/; {hint}"
                    "key must be the file name (without .md) of the item this one translates, or be left out")]


def inside(target: Path, folder: Path) -> bool:
    """True when `target`, with every symbolic link resolved, lies within `folder`."""
    real, base = os.path.realpath(target), os.path.realpath(folder)
    return real == base or real.startswith(base + os.sep)


def link_target(link: str, source: Path, content: Path) -> Path:
    """The file a {static}, {attach} or {filename} link names: from content/ when it starts with /."""
    return (content / link.lstrip("/")) if link.startswith("/") else (source.parent / link)


def link_problems(body: str, first_line: int, source: Path, content: Path, shown: str) -> list[Problem]:
    """A problem for each link that leaves content/ or names no file.

    Photos that exist are left to kit_images, which names a missing image with its own advice."""
    problems = []
    for number, line in enumerate(body.splitlines()):
        if "{" not in line and ".." not in line:
            continue  # neither a {filename}, {static} or {attach} link nor a climb
        for match in INTERNAL_LINK.finditer(line):
            target = link_target(match.group(1), source, content)
            if not inside(target, content):
                problems.append(Problem(shown, first_line + number, "", f"the link {match.group(0)} points outside "
                                        "the content folder; link only to files under content/"))
            elif not target.is_file() and not match.group(1).lower().endswith(IMAGE_SUFFIXES):
                problems.append(Problem(shown, first_line + number, "", f"the link {match.group(0)} points to a "
                                        "file that does not exist; check the folder and file name"))
        problems += [Problem(shown, first_line + number, "", f"the address {address} climbs with '..'; write it "
                             "from the site's root without '..', e.g. /images/news/photo.jpg")
                     for address in SITE_ADDRESS.findall(line) if ".." in address.split("?")[0].split("/")]
    return problems


def outside_links_removed(body: str, source: Path, content: Path) -> str:
    """The body with every link that leaves content/ emptied, so nothing downstream reads its target."""
    def keep_inside(match: re.Match) -> str:
        return match.group(0) if inside(link_target(match.group(1), source, content), content) else "#"

    return INTERNAL_LINK.sub(keep_inside, body)
