"""The registry of content types: one folder per type, found, not listed.

Each folder under `kit_types/types/` (and under any folder named in the setting
`KIT_TYPE_PATHS`) that holds a `type.py` is one content type. Its `TYPE` is a
`ContentType`; beside it lie its item template (`item.html`), its card
(`card.html`), its home-page panel (`home.html`) and its CSS (`style.css`) when
it has them. Everything that depends on the list of types (Pelican's paths,
titles, listings, menu references, the sitemap, feeds, `make new`, the guide)
asks this module.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from kit_schema import Field

BUILT_IN = Path(__file__).resolve().parent / "types"
Prepare = Callable[[dict, Any, Any], None]  # (metadata, ItemChecker, reference time)


@dataclass(frozen=True)
class ContentType:
    """One kind of item an institution publishes, with everything the kit derives from it."""

    folder: str
    title: str  # the catalogs' msgid of its name, e.g. N_("Events")
    schema: dict[str, Field]
    description: str  # one paragraph for docs/content-types.md
    position: int  # where it comes in the sitemap, the guide and `make new`
    article: bool = False  # dated news-like items (Pelican articles), with an Atom feed
    feed: str = ""  # for a type that is not news-like: the prepared moment that dates its items in an Atom feed
    template: str = "typed_item"  # the item template: a theme template, or "<folder>/item"
    listing: str | None = None  # the listing template, None when the type has no listing
    paged: bool = False  # its listing is cut into pages of KIT_PAGE_SIZE (kit_listings writes it)
    also_in: tuple[str, ...] = ()  # other folders whose listings and feeds show its items too (news)
    facets: tuple[str, ...] = ()  # choice fields with one listing page per value
    split: tuple[str, str, str] | None = None  # (first view, second view, flag marking the first)
    stage: str = ""  # the field its prepare() sets to the stage an item is in, one of `stages`
    stages: dict[str, str] = field(default_factory=dict)  # stage -> msgid of its listing's label, in order
    order: Callable[[Any], tuple] | None = None  # sort key of its listings; newest first when None
    prepare: Prepare | None = None  # computes what its templates show from its fields
    structured: Callable[[Any, Any], dict] | None = None  # (context, item) -> schema.org data
    listing_data: Callable[[Any, list], dict] | None = None  # (context, items) -> its listing's schema.org data
    rows: Callable[[Any, str], dict] | None = None  # (item, site address) -> a row of its downloads
    labels: dict[str, str] = field(default_factory=dict)  # choice value -> msgid of its label
    single: bool = False  # one page at the folder's own address, e.g. profile/
    noun: str = "item"  # what one item is called in messages: "'x' is not a unit of this site"
    crumb: str = ""  # the page that lists its items when it has no listing (a link reference)
    dated_names: bool = False  # `make new` starts the file name with the date
    example: dict = field(default_factory=dict)  # values `make new` writes for required fields
    home: str = ""  # where its home-page panel goes: "main", "side" or "row"; "" for none
    home_count: int = 3  # items in its home-page panel
    always: bool = False  # every site has it, whatever site.yaml chooses
    path: Path = BUILT_IN  # the folder of type.py, set when it is found

    def file(self, name: str) -> Path | None:
        """A file of the type's folder (item.html, card.html, style.css), or None."""
        candidate = self.path / name
        return candidate if candidate.is_file() else None

    def views(self) -> tuple[str, ...]:
        """Its listings by stage, in order: the first at <folder>/, each other at <folder>/<name>/.
        A `split` gives two (upcoming and past), `stages` as many as it names, else none."""
        return tuple(self.stages) if self.stages else self.split[:2] if self.split else ()

    def stage_of(self, item: Any) -> str:
        """The stage listing `item` belongs in: the value of its `stage` field, or the first
        view of a `split` when its flag is set and the second when not."""
        if self.stages:
            return str(getattr(item, self.stage, ""))
        first, second, flag = self.split
        return first if getattr(item, flag, False) else second


def soonest_first(moment: str) -> Callable[[Any], tuple]:
    """A listing order by the item's `moment` (a datetime attribute), earliest first, then by key.

    An item without it (one whose front matter failed its checks) sorts last.
    """
    def order(item: Any) -> tuple:
        value = getattr(item, moment, None)
        return (value.timestamp() if value is not None else 10 ** 12, item.key)
    return order


def _load(type_file: Path) -> ContentType:
    name = "kit_types.found." + type_file.parent.name.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, type_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    kind: ContentType = module.TYPE
    assert kind.folder == type_file.parent.name, f"{type_file}: TYPE.folder must be '{type_file.parent.name}'"
    return ContentType(**{**kind.__dict__, "path": type_file.parent})


def discover(roots: Iterable[Path]) -> dict[str, ContentType]:
    """Every type under `roots`, in the order of their positions."""
    found = [_load(type_file) for root in roots for type_file in sorted(Path(root).glob("*/type.py"))]
    return {kind.folder: kind for kind in sorted(found, key=lambda kind: (kind.position, kind.folder))}


TYPES: dict[str, ContentType] = {}  # filled on first use; use_paths() refills it for a build


def types() -> dict[str, ContentType]:
    """The registry: the built-in types and those of KIT_TYPE_PATHS."""
    if not TYPES:
        TYPES.update(discover([BUILT_IN]))
    return TYPES


def use_paths(extra: Iterable[str]) -> dict[str, ContentType]:
    """Load the built-in types and those of `extra` folders (the setting KIT_TYPE_PATHS)."""
    found = discover([BUILT_IN, *map(Path, extra)])
    TYPES.clear()
    TYPES.update(found)
    return TYPES


def template_roots() -> list[str]:
    """Folders the templates are found in as '<folder>/item.html' and '<folder>/card.html'."""
    return sorted({str(kind.path.parent) for kind in types().values()})


def type_styles() -> str:
    """The style.css of every type, in the registry's order, for the end of the theme's stylesheet."""
    return "".join(kind.file("style.css").read_text(encoding="utf-8") for kind in types().values()
                   if kind.file("style.css"))


def label(value: Any) -> str:
    """The English label of a choice value (the msgid the catalogs translate)."""
    for kind in types().values():
        if str(value) in kind.labels:
            return kind.labels[str(value)]
    return str(value)


def chosen(settings: dict) -> dict[str, ContentType]:
    """The types this site publishes, as content/site.yaml's sections say (every type by default)."""
    names = settings.get("KIT_SECTIONS")
    return {name: kind for name, kind in types().items() if names is None or name in names or kind.always}


def listings(settings: dict) -> tuple[str, ...]:
    """The folders with a listing page on this site."""
    return tuple(name for name, kind in chosen(settings).items() if kind.listing)
