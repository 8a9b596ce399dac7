"""Items that name another item: `referring(page)` gathers them for the page they name.

A field declared with `refers="<folder>"` names items of that folder by file name
(a person's `unit`, an item's `campaigns`). A template of the named item asks
`referring(page)` for every published item, of every type the site publishes, that
names it, grouped by type in the registry's order, in the page's language; `item_named(folder, key)` goes the other way.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from kit_i18n import page_lang
from kit_listings import listed_items

from .registry import chosen


def _named(value: Any) -> list[str]:
    """The file names a referring field holds: one text, or a list of them."""
    return [str(entry) for entry in value] if isinstance(value, list) else [str(value)] if value else []


@pass_context
def referring(context, item) -> dict[str, list]:
    """`{{ referring(page) }}`: {type folder: [items naming `item`]} for the types that have any."""
    found = {}
    for name, kind in chosen(context).items():
        fields = [field for field, spec in kind.schema.items() if spec.refers == item.kind]
        if not fields:
            continue
        items = [other for other in listed_items(context.get("KIT_ITEMS", []), name, page_lang(context), context)
                 if other.kind == name and any(item.key in _named(getattr(other, field, None)) for field in fields)]
        if items:
            found[name] = items
    return found


@pass_context
def item_named(context, kind: str, key: str):
    """`{{ item_named('campaigns', key) }}`: the item `key` of a folder in the page's language (or
    the default one, or any), or None."""
    versions = context["KIT_INDEX"].get((kind, str(key))) or {}
    return versions.get(page_lang(context)) or versions.get(context["DEFAULT_LANG"]) or \
        next(iter(versions.values()), None)


def install(generator) -> None:
    generator.env.globals.update({"referring": referring, "item_named": item_named})
