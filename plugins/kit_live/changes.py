"""What an edit touches: the files a pass writes first, before the rest of the site.

Items are compared by source path with those of the last pass. When the only change is
the body of items that carry their own summary, only those items' pages are wanted. Any
other change (a title, a date, a status, a new, renamed or removed file) wants the pages
of every language version of the items involved, the pages that link to any of them
(links.LinkIndex: a campaign listing its news), and every page that gathers items:
listings, home pages, the sitemap page, feeds and sitemap.xml, calendars and downloads:
those of the languages of the items involved, or of every language when the site lists
untranslated items in every language (`untranslated: all-languages`).
The page of an item no longer published (deleted, renamed, made a draft) goes at once.
This only decides what appears first; the rest of the pass writes every file anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit_build.pelican_wall import body_html, published_items

from .links import LinkIndex


@dataclass
class Touched:
    """The early files of a pass: item pages by output name, and whether gathering pages are wanted too."""

    pages: set[str] = field(default_factory=set)
    gathering: bool = False
    languages: set[str] = field(default_factory=set)  # of the items involved: their gathering pages change
    gone: set[str] = field(default_factory=set)  # pages of items no longer published, nor taken by another

    def __bool__(self) -> bool:
        return bool(self.pages) or self.gathering or bool(self.gone)


def items_by_source(generators: list) -> dict[str, Any]:
    """Every published item (all languages) of the generators, by its absolute source path."""
    return {item.source_path: item for generator in generators for item in published_items(generator)
            if getattr(item, "source_path", None)}


def versions(item: Any) -> list[Any]:
    return [item, *getattr(item, "translations", [])]


def body_only(before: Any, after: Any) -> bool:
    """True when only the body changed, and no summary is made from it."""
    return before.metadata == after.metadata and "summary" in after.metadata


def touched(before: dict[str, Any], after: dict[str, Any], index: LinkIndex) -> Touched:
    """What changed between two passes' items (see the module's docstring)."""
    result, addresses = Touched(), set()
    for path in before.keys() | after.keys():
        old, new = before.get(path), after.get(path)
        if old is new or (old is not None and new is not None and old.metadata == new.metadata
                          and body_html(old) == body_html(new)):
            continue
        if old is not None and new is not None and body_only(old, new):
            result.pages.add(new.save_as)
            continue
        result.gathering = True
        involved = [version for item in (old, new) if item is not None for version in versions(item)]
        result.pages.update(version.save_as for version in involved)
        addresses.update(version.url for version in involved)
        result.languages.update(version.lang for version in involved)
    result.pages |= index.pages_linking(addresses)
    result.gone = {item.save_as for item in before.values()} - {item.save_as for item in after.values()}
    return result
