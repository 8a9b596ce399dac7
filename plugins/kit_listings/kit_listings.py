"""Write, for every language, its home page, listings and sitemap page.

Pelican writes each item; this generator writes the pages that gather items:
the home page, one paginated listing per kind of news, the units listing and
the sitemap page, under the language's prefix (`''` for the default, `en/`...).
Which items a language lists follows the identity's `untranslated` policy.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, NamedTuple

from pelican.generators import Generator
from kit_i18n import lang_prefix
from kit_links import check_menu_links, versions_by_lang
from kit_schema import Problem, display_path
from kit_build.problems import report
from kit_types import chosen, listings, types

PAGE_SIZE = 10
SITEMAP_ITEMS = 5  # per kind with a listing page, which has the rest


class Section(NamedTuple):
    """One kind on the sitemap page: the items shown there, and how many the kind has."""
    shown: list
    total: int


def by_date(item) -> tuple:
    """Newest first; the key breaks ties so the order never changes."""
    return (-item.date.timestamp(), item.key, item.lang)


def listed_items(items: list, kind: str, lang: str, settings: dict) -> list:
    """The published items of `kind` that a reader of `lang` sees listed, with those of the
    types shown in its listings too (press conferences in the news)."""
    kinds = {kind} | {name for name, spec in types().items() if kind in spec.also_in}
    own = [item for item in items if item.kind in kinds and item.status == "published"]
    shown = [item for item in own if item.lang == lang]
    if settings.get("UNTRANSLATED") == "all-languages":
        order = [lang_["code"] for lang_ in settings["LANGUAGES"]]
        for item in own:
            versions = versions_by_lang(item)
            if lang not in versions and item is _first_version(versions, order):
                shown.append(item)
    return sorted(shown, key=listing_order(kind))


def listing_order(kind: str):
    """The sort key of a folder's listings: its type's, else newest first for dated items, else by order."""
    kind_type = types().get(kind)
    if kind_type is not None and kind_type.order is not None:
        return kind_type.order
    return by_date if kind_type is None or kind_type.article else (lambda item: (getattr(item, "order", 99), item.key))


def _first_version(versions: dict, order: list[str]):
    return next(versions[code] for code in order if code in versions)


def build_date(items: list) -> datetime.date:
    """SOURCE_DATE_EPOCH when set, else the newest content date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    dates = [item.date.date() for item in items if getattr(item, "date", None)]
    return max(dates, default=datetime.date(1970, 1, 1))


def sitemap_sections(items: list, kinds: list[str], lang: str, settings: dict) -> dict[str, Section]:
    """The sitemap page's sections. A kind with a listing page shows only its first items
    (KIT_SITEMAP_ITEMS) and links to the rest, so the page stays light however much is published."""
    limit = settings.get("KIT_SITEMAP_ITEMS", SITEMAP_ITEMS)
    sections = {}
    for kind in kinds:
        listed = listed_items(items, kind, lang, settings)
        sections[kind] = Section(listed[:limit] if kind in listings(settings) else listed, len(listed))
    return sections


def pages_of(items: list, size: int = PAGE_SIZE) -> list[list]:
    """Split a listing into pages; an empty listing still has one page."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [[]]


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


class ListingsGenerator(Generator):
    """Writes the pages that gather items, in every language."""

    def generate_context(self) -> None:
        menus_path = display_path(Path(self.settings["PATH"]) / "menus.yaml", self.settings["PATH"])
        problems: list[Problem] = check_menu_links(self.settings["MENUS"], self.context["KIT_INDEX"], menus_path,
                                                   self.settings)
        report(*problems)
        self.context["COPYRIGHT_DATE"] = build_date(self._items)

    def generate_output(self, writer) -> None:
        for lang in self.settings["LANGUAGES"]:
            code = lang["code"]
            prefix = lang_prefix(code, self.settings["DEFAULT_LANG"])
            self._write_home(writer, code, prefix)
            for kind in (name for name, kind in chosen(self.settings).items() if kind.paged):
                self._write_listing(writer, code, kind)
            self._write(writer, f"{prefix}search/", "search", code, "search/")
            self._write(writer, f"{prefix}sitemap/", "sitemap", code, "sitemap/", listings=listings(self.settings),
                        sections=sitemap_sections(self._items, self._sitemap_kinds(), code, self.settings))

    def _sitemap_kinds(self) -> list[str]:
        """Every content folder: the paged ones (news, units) first, then the others by name, pages last."""
        first = tuple(name for name, kind in chosen(self.settings).items() if kind.paged)
        others = sorted({item.kind for item in self._items} - set(first) - {"pages"})
        return list(first) + others + ["pages"]

    @property
    def _items(self) -> list:
        return self.context.get("KIT_ITEMS", [])

    def _write_home(self, writer, code: str, prefix: str) -> None:
        self._write(writer, prefix, "home", code, "")  # its panels come from home_panels() (kit_typelists)

    def _write_listing(self, writer, code: str, kind: str) -> None:
        items = listed_items(self._items, kind, code, self.settings)
        pages = pages_of(items, self.settings.get("KIT_PAGE_SIZE", PAGE_SIZE))
        base = f"{lang_prefix(code, self.settings['DEFAULT_LANG'])}{kind}/"
        template = types()[kind].listing
        for number, page_items in enumerate(pages, start=1):
            pagination = {"number": number, "count": len(pages), "total": len(items),
                          "urls": [page_url(base, n) for n in range(1, len(pages) + 1)]}
            self._write(writer, page_url(base, number), template, code, f"{kind}/",
                        kind=kind, items=page_items, pagination=pagination)

    def _write(self, writer, url: str, template: str, code: str, ref: str, **values: Any) -> None:
        """Render one gathering page; `ref` names it in every language."""
        default = self.settings["DEFAULT_LANG"]
        alternates = {lang["code"]: lang_prefix(lang["code"], default) + ref
                      for lang in self.settings["LANGUAGES"]}
        writer.write_file(f"{url}index.html", self.get_template(template), self.context,
                          lang_code=code, page_url=url, page_alternates=alternates,
                          page_ref=ref, **values)


def get_generators(pelican) -> type[Generator]:
    return ListingsGenerator
