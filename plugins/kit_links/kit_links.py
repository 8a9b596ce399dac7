"""Addresses of content across languages, for menus, switchers and hreflang.

Editors link with references instead of addresses: `/` (home), `news/` (a
listing), `pages/about` (an item: folder and file name) or a full `https://`
address. `resolve()` turns a reference into the address of the version in the
reader's language, falling back to the default language. Menu references are
checked once per build; a wrong one is a problem the build reports.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import pass_context
from kit_build.pelican_wall import published_items
from kit_i18n import N_, lang_prefix, page_lang, translate
from kit_schema import Problem, closest
from kit_types import chosen, listings, types

SITE_PAGES = {"sitemap": N_("Sitemap"), "search": N_("Search")}  # gathering pages of every site


def listing_refs(settings: dict) -> tuple[str, ...]:
    """The folders with a listing on this site (the chosen types'), then the sitemap and search."""
    return listings(settings) + tuple(SITE_PAGES)


def title_msgid(kind: str) -> str:
    """The catalogs' msgid of a type's or a site page's name."""
    return types()[kind].title if kind in types() else SITE_PAGES[kind]


Index = dict[tuple[str, str], dict[str, Any]]


def build_index(items: list) -> Index:
    """Each (folder, key) with its versions by language."""
    index: Index = defaultdict(dict)
    for item in items:
        index[(item.kind, item.key)][item.lang] = item
    return dict(index)


def versions_by_lang(item) -> dict[str, Any]:
    """The item and its published translations, by language."""
    versions = {other.lang: other for other in getattr(item, "translations", [])
                if other.status in ("published", "hidden")}
    versions[item.lang] = item
    return versions


def resolve(ref: str, lang: str, index: Index, default_lang: str,
            listed: tuple[str, ...] | None = None) -> str | None:
    """The site-relative address of `ref` for a reader of `lang`, or None; `listed` are the site's
    listings (every type's when None)."""
    listed = listing_refs({}) if listed is None else listed
    if ref.startswith(("https://", "http://", "mailto:", "tel:")):
        return ref
    prefix = lang_prefix(lang, default_lang)
    if ref == "/":
        return prefix
    if ref.endswith("/") and ref.rstrip("/") in listed:
        return prefix + ref
    versions = index.get(tuple(ref.split("/", 1))) if "/" in ref else None
    if not versions:
        return None
    chosen = versions.get(lang) or versions.get(default_lang) or next(iter(versions.values()))
    return chosen.url


def known_references(index: Index, listed: tuple[str, ...]) -> list[str]:
    return ["/"] + [f"{name}/" for name in listed] + [f"{kind}/{key}" for kind, key in index]


def _unpublished_section(ref: str, settings: dict) -> str | None:
    """The type folder a reference points into when the site does not publish that type."""
    folder = ref.strip("/").split("/", 1)[0]
    return folder if folder in types() and folder not in chosen(settings) else None


def check_menu_links(menus: dict, index: Index, path: str, settings: dict | None = None) -> list[Problem]:
    """A problem for each menu link that points nowhere, or into a section the site does not publish
    (`settings` choose the sections; every type when None)."""
    settings = settings or {}
    problems, listed = [], listing_refs(settings)
    known = known_references(index, listed)
    for name, entries in menus.items():
        for number, entry in enumerate(entries):
            ref, where = str(entry["link"]), (entry.get("line"), f"{name}.{number}.link")
            folder = _unpublished_section(ref, settings)
            if folder:
                problems.append(Problem(path, *where, f"'{ref}' is in '{folder}', which this site does not "
                                        f"publish; add {folder} to sections in content/site.yaml, or remove the link"))
            elif resolve(ref, "", index, "", listed) is None:
                close = closest(ref, known)
                hint = f"; did you mean '{close}'?" if close else \
                    "; write folder/file-name such as pages/about, a listing such as news/, or https://..."
                problems.append(Problem(path, *where, f"'{ref}' is not a page of this site{hint}"))
    return problems


def _href(context, url: str) -> str:
    if url.startswith(("https://", "http://", "mailto:", "tel:")):
        return url
    return f"{context['SITEURL']}/{url}"


@pass_context
def link(context, ref: str) -> str:
    """`{{ link('pages/about') }}`: the address in the page's language."""
    url = resolve(ref, page_lang(context), context["KIT_INDEX"], context["DEFAULT_LANG"], listing_refs(context))
    return _href(context, url if url is not None else "")


@pass_context
def current_url(context) -> str:
    """The site-relative address of the page being rendered."""
    if "page_url" in context:
        return context["page_url"]
    item = context.get("article") or context.get("page")
    return getattr(item, "url", "")


@pass_context
def menu_state(context, ref: str) -> str | None:
    """'page' on the current page's own link, 'true' on its section, else None."""
    target = resolve(ref, page_lang(context), context["KIT_INDEX"], context["DEFAULT_LANG"], listing_refs(context))
    here = current_url(context)
    if target is None or target.startswith("http"):
        return None
    if target == here:
        return "page"
    return "true" if target and here.startswith(target) else None


@pass_context
def menu_states(context, menu: list) -> tuple[str | None, ...]:
    """`menu_state()` of each entry of `menu`: what makes the menu of one page differ from another's."""
    return tuple(menu_state(context, entry["link"]) for entry in menu)


@pass_context
def alternates(context) -> list[dict[str, Any]]:
    """The same page in every language: {code, name, dir, href, exists, current}."""
    here = page_lang(context)
    urls = context.get("page_alternates")
    if urls is None:
        item = context.get("article") or context.get("page")
        urls = {code: version.url for code, version in versions_by_lang(item).items()} if item else {}
    default = context["DEFAULT_LANG"]
    return [lang | {"href": _href(context, urls.get(lang["code"], lang_prefix(lang["code"], default))),
                    "exists": lang["code"] in urls, "current": lang["code"] == here}
            for lang in context["LANGUAGES"]]


@pass_context
def hreflang_links(context) -> list[tuple[str, str]]:
    """(hreflang, absolute href in production) for each existing version, then x-default."""
    address = context.get("SITE_ADDRESS", "")
    versions = [lang | {"href": address + lang["href"]} for lang in alternates(context) if lang["exists"]]
    if not versions:
        return []
    default = next((v for v in versions if v["code"] == context["DEFAULT_LANG"]), versions[0])
    return [(v["code"], v["href"]) for v in versions] + [("x-default", default["href"])]


@pass_context
def title_of(context, kind: str) -> str:
    """`{{ title_of('news') }}`: the translated name of a listing."""
    return translate(page_lang(context), title_msgid(kind))


def collect(generator) -> None:
    """Keep every published item of a generator, in all languages, for the index."""
    items = generator.context.setdefault("KIT_ITEMS", [])
    seen = {id(item) for item in items}
    for item in published_items(generator):
        if id(item) not in seen:
            seen.add(id(item))
            items.append(item)
    generator.context["KIT_INDEX"] = build_index(items)


def freeze_addresses(generators: list) -> None:
    """Keep each item's address once every item is known.

    Pelican formats `url` from the settings on every access, and a page asks dozens
    of times (menus, switchers, listings). Its `override_url` attribute holds the
    computed value for the rest of the build. `override_save_as` is left alone: Pelican
    would then let the item's page silently win over another file of the same name."""
    items = generators[0].context.get("KIT_ITEMS", []) if generators else []
    for item in items:
        item.override_url = item.url


def install(generator) -> None:
    generator.env.globals.update({"link": link, "current_url": current_url, "menu_state": menu_state,
                                  "menu_states": menu_states,
                                  "alternates": alternates, "hreflang_links": hreflang_links,
                                  "title_of": title_of})
