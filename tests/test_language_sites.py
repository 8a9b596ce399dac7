"""One-language and two-language sites speak only their own languages.

For each of sw, en and fa as the only language, and as the default beside a
second one, the tiny fixture site is rewritten with editor texts in the site's
own languages and built. Every page and feed is then read in its language L:
its visible text and the attributes a reader or a screen reader meets
(`aria-label`, `title`, `alt`, `placeholder`, `content`, `data-*` strings for
scripts) must hold no interface string of another language, that is no msgstr
of another catalog that differs from L's own msgstr for that msgid (each part
between placeholders, when it has at least four letters). Text an element marks
with its own `lang` (a language's name in the switcher) is that language's, and
an address (its words are folder and file names) is no interface text.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from conftest import ROOT
from fixture_site import staged_build, tiny_site, write

TRANSLATIONS = ROOT / "theme" / "translations"
SITES = [("fa",), ("en",), ("sw",), ("fa", "en"), ("en", "sw"), ("sw", "fa")]
TEXT = {
    "sw": {"language": "Kiswahili", "name": "Halmashauri ya Majaribio", "parent": "Ofisi ya Rais",
           "emblem": "Nembo ya halmashauri", "address": "Mtaa wa Uhuru, Majaribio", "po_box": "S.L.P. 1",
           "hours": "Jumatatu hadi Ijumaa", "home": "Mwanzo", "about": "Kuhusu", "news": "Habari",
           "title": "Taarifa ya majaribio", "body": "Maandishi ya majaribio.", "category": "Maji",
           "place": "Ukumbi wa mikutano", "office": "Ofisi ya Mkurugenzi", "caption": "Tanki la maji",
           "ward": "Lumbe", "funder": "Serikali", "person": "Afisa Mipango"},
    "en": {"language": "English", "name": "Trial Council", "parent": "President's Office",
           "emblem": "Council emblem", "address": "Uhuru Street, Trial Town", "po_box": "P.O. Box 1",
           "hours": "Monday to Friday", "home": "Home", "about": "About", "news": "News",
           "title": "A trial notice", "body": "Some trial text.", "category": "Roads",
           "place": "Town hall", "office": "Director's office", "caption": "A water tank",
           "ward": "Lumbe", "funder": "Government", "person": "Planning officer"},
    "fa": {"language": "فارسی", "name": "شورای آزمایشی", "parent": "دفتر ریاست جمهوری",
           "emblem": "نشان شورا", "address": "خیابان آزادی، شهر آزمایشی", "po_box": "صندوق پستی ۱",
           "hours": "شنبه تا چهارشنبه", "home": "خانه", "about": "درباره", "news": "اخبار",
           "title": "اطلاعیهٔ آزمایشی", "body": "متنی برای آزمایش.", "category": "آب",
           "place": "تالار شهر", "office": "دفتر مدیر", "caption": "مخزن آب",
           "ward": "لومبه", "funder": "دولت", "person": "کارشناس برنامه‌ریزی"},
}
ITEMS = {
    "pages/about.md": "---\ntitle: {about}\n---\n{body}\n",
    "units/planning.md": "---\ntitle: {office}\nfunctions:\n  - {title}\n---\n{body}\n",
    "news/2026-11-01-habari.md": "---\ntitle: {title}\ndate: 2026-11-01\ncategory: {category}\nsummary: {body}\n---\n"
                                 "{body}\n",
    "events/2026-12-09-sherehe.md": "---\ntitle: {title}\nstart: 2026-12-09 09:00\nvenue: {place}\norganiser: "
                                    "{office}\nsummary: {body}\n---\n{body}\n",
    "tenders/zabuni.md": "---\ntitle: {title}\ntype: tender\nreference: LGA/1/2026/W/01\ncloses: 2026-12-20 10:00\n"
                         "how_to_apply: {body}\ndocuments:\n  - title: {title}\n    file: files/tenders/tangazo.pdf\n"
                         "---\n{body}\n",
    "publications/ripoti.md": "---\ntitle: {title}\ntype: report\ndate: 2026-10-01\n"
                              "file: files/publications/ripoti.pdf\n---\n{body}\n",
    "projects/maji.md": "---\ntitle: {title}\nsector: water\nstate: ongoing\nlocation:\n  ward: {ward}\nfunders:\n"
                        "  - {funder}\nbudget: 1000000\nspent: 500000\ncurrency: TZS\nprogress: 50\n---\n{body}\n",
    "investments/shamba.md": "---\ntitle: {title}\nsector: agriculture\nstate: open\nlocation:\n  ward: {ward}\n"
                             "size:\n  amount: 10\n  unit: hectares\ncontact:\n  name: {person}\n"
                             "  phone: \"+255 754 000 120\"\n---\n{body}\n",
    "galleries/picha.md": "---\ntitle: {title}\ndate: 2026-10-02\nphotos:\n  - file: images/picha/tanki.jpg\n"
                          "    caption: {caption}\n---\n{body}\n",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "content"}
ADDRESS = re.compile(r"(?:https?://|/)\S*")  # an address is no text: its words are file and folder names
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def in_languages(codes: tuple[str, ...], field: str) -> dict[str, str]:
    """A translated site.yaml value: one line per language of the site."""
    return {code: TEXT[code][field] for code in codes}


def site_yaml(codes: tuple[str, ...]) -> str:
    """The identity of a site in these languages, the first being the default."""
    default = TEXT[codes[0]]
    return yaml.safe_dump({
        "institution": {"name": in_languages(codes, "name"), "kind": "district",
                        "parent": in_languages(codes, "parent"), "emblem": "images/emblem.svg",
                        "emblem_alt": in_languages(codes, "emblem")},
        "contact": {"postal_address": in_languages(codes, "address"), "po_box": default["po_box"],
                    "phone": "+255 23 260 0120", "email": "info@majaribio.go.tz",
                    "office_hours": in_languages(codes, "hours")},
        "social": [{"network": "telegram", "url": "https://t.me/majaribio"}],
        "copyright_holder": in_languages(codes, "name"),
        "languages": {"default": codes[0], "available": [{"code": code, "name": TEXT[code]["language"]}
                                                        for code in codes]},
        "website": "https://www.majaribio.go.tz",
    }, allow_unicode=True, sort_keys=False)


def menus_yaml(codes: tuple[str, ...]) -> str:
    return yaml.safe_dump({"main": [{"label": in_languages(codes, name), "link": link} for name, link in
                                    (("home", "/"), ("about", "pages/about"), ("news", "news/"))]},
                          allow_unicode=True, sort_keys=False)


def write_site(folder: Path, codes: tuple[str, ...]) -> Path:
    """The fixture site rewritten in these languages: every item in the default one, the
    about page also in the second."""
    content = tiny_site(folder)
    (content / "pages" / "about.en.md").unlink()
    write(content / "site.yaml", site_yaml(codes))
    write(content / "menus.yaml", menus_yaml(codes))
    for name, text in ITEMS.items():
        write(content / name, text.format(**TEXT[codes[0]]))
    for code in codes[1:]:
        write(content / "pages" / f"about.{code}.md", ITEMS["pages/about.md"].format(**TEXT[code]))
    return content


class Reader(HTMLParser):
    """The text and reader-facing attributes of a page that are in the page's language."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", lang)]
        self.lang, self.found, self.skip = lang, [], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inherited = self.stack[-1][1]
        lang = inherited if tag == "html" else values.get("lang") or values.get("xml:lang") or inherited
        if lang.split("-")[0] == self.lang:
            self.found += [value for name, value in attrs if value and (
                name in ATTRIBUTES or name.startswith("data-") and not name.startswith(("data-pagefind", "data-base")))]
        if tag not in VOID:
            self.stack.append((tag, lang))
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")
        while len(self.stack) > 1 and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not self.skip and self.stack[-1][1].split("-")[0] == self.lang:
            self.found.append(data)


def reader_text(document: str, lang: str) -> str:
    """What a reader of `lang` meets in the document, one piece a line."""
    reader = Reader(lang)
    reader.feed(document)
    pieces = (" ".join(piece.split()) for piece in reader.found)
    return "\n".join(piece for piece in pieces if not ADDRESS.fullmatch(piece))


@cache
def catalog(lang: str) -> dict[str, tuple[str, ...]]:
    """{msgid: its translations} of one catalog (plural forms count as several)."""
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        messages = read_po(po, locale=lang)
    return {str(message.id): tuple(message.string) if isinstance(message.string, (tuple, list))
            else (message.string,) for message in messages if message.id}


def parts(text: str) -> list[str]:
    """The pieces of a msgstr between placeholders that have four letters or more."""
    pieces = (piece.strip(" \t\n.,:;!?()«»\"'،؛؟") for piece in PLACEHOLDER.split(text or ""))
    return [piece for piece in pieces if sum(char.isalpha() for char in piece) >= 4]


@cache
def foreign_strings(lang: str) -> dict[str, str]:
    """{string of another language: 'xx msgid'} that a page in `lang` must not hold."""
    own = catalog(lang)
    own_parts = {piece for strings in own.values() for text in strings for piece in parts(text)}
    other_langs = sorted(path.name for path in TRANSLATIONS.iterdir() if path.is_dir() and path.name != lang)
    foreign = {}
    for other in other_langs:
        for msgid, strings in catalog(other).items():
            own_strings = own.get(msgid, ()) if any(own.get(msgid, ())) else (msgid,)  # gettext falls back to msgid
            for piece in {piece for text in strings if text not in own_strings for piece in parts(text)}:
                if piece not in own_parts and not any(piece in text for text in own_strings):
                    foreign.setdefault(piece, f"{other} {msgid!r}")
    return foreign


@cache
def foreign_pattern(lang: str) -> re.Pattern:
    pieces = sorted(foreign_strings(lang), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, pieces)) + r")(?!\w)")


def page_language(path: str, codes: tuple[str, ...]) -> str:
    """The language of a published file by its place: /xx/ for a second language."""
    first = path.split("/")[0]
    return first if first in codes[1:] else codes[0]


def leaks(site: Path, codes: tuple[str, ...]) -> list[str]:
    """'path: string (catalog msgid)' for each foreign interface string in a page or feed."""
    found = []
    for path in sorted([*site.rglob("*.html"), *site.rglob("*.xml")]):
        shown = path.relative_to(site).as_posix()
        lang, document = page_language(shown, codes), path.read_text(encoding="utf-8")
        if path.suffix == ".html" and f'<html lang="{lang}"' not in document:
            found.append(f"{shown}: not marked as {lang}")
        text = reader_text(document, lang)
        found += sorted({f"{shown} [{lang}]: {match!r} ({foreign_strings(lang)[match]})"
                         for match in foreign_pattern(lang).findall(text)})
    return found


@pytest.mark.parametrize("codes", SITES, ids="+".join)
def test_a_site_speaks_only_its_own_languages(tmp_path, codes):
    outcome = staged_build(write_site(tmp_path, codes), tmp_path / "output")
    assert outcome.code == 0, outcome.message
    site = tmp_path / "output"
    pages = [path.relative_to(site).as_posix() for path in site.rglob("index.html")]
    assert {page_language(page, codes) for page in pages} == set(codes)
    assert leaks(site, codes) == []


def test_a_foreign_interface_string_is_found():
    """The check itself: a Swahili page with an English button or label is caught."""
    page = ('<html lang="sw"><body><a href="/en/" lang="en">English</a><p>Habari</p>'
            '<button aria-label="{}">x</button></body></html>')
    english = next(strings[0] for strings in catalog("en").values() if strings[0] in foreign_strings("sw"))
    assert foreign_pattern("sw").findall(reader_text(page.format(english), "sw")) == [english]
    assert foreign_pattern("sw").findall(reader_text(page.format("Tafuta"), "sw")) == []
