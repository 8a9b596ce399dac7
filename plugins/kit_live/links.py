"""Which served pages link to which addresses, kept up to date as files are written.

An item's title, date or status shows on other items' pages too (a campaign lists the news
that name it, a unit its staff). Those pages link to the item, so a pass finds them here,
by the item's address, and renders them with the early files. Only the pages each pass
writes are read again.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable

from kit_checks.kit_checks import internal_path, references


def address(href: str, siteurl: str) -> str:
    """An internal address as an item's `url` is written (`news/slug/`); '' for any other link."""
    path = internal_path(href, siteurl)
    return path[1:] if path is not None else ""


class LinkIndex:
    """The internal addresses each served HTML page links to, and the pages that link to each address."""

    def __init__(self) -> None:
        self.links: dict[str, set[str]] = {}
        self.linking: dict[str, set[str]] = defaultdict(set)

    def update(self, folder: Path, names: Iterable[str], siteurl: str = "") -> None:
        """Read again the pages `names` (paths under `folder`); a missing one is forgotten."""
        for name in names:
            if not name.endswith(".html"):
                continue
            for url in self.links.pop(name, set()):
                self.linking[url].discard(name)
            path = folder / name
            if not path.is_file():
                continue
            urls = {address(reference, siteurl) for reference in references(path.read_text(encoding="utf-8"))}
            urls.discard("")
            self.links[name] = urls
            for url in urls:
                self.linking[url].add(name)

    def pages_linking(self, urls: Iterable[str]) -> set[str]:
        return {name for url in urls for name in self.linking.get(url, ())}
