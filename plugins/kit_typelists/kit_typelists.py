"""Write the listings of the government content types, in every language.

Events are listed upcoming (`events/`) and past (`events/past/`), tenders open
(`tenders/`) and closed (`tenders/closed/`), consultations open, closed awaiting their
outcome (`consultations/closed/`) and with it (`consultations/outcome/`): one listing per
stage of a type's `split` or `stages`, the first at the folder's own address. Each choice
field named in a type's `facets` gets one listing per value (`projects/state/ongoing/`). Listings paginate
like the news. The directory (`people/`) groups staff by unit and the questions
(`faq/`) by topic. Templates get helpers to show items elsewhere: the home page's
upcoming events, open tenders and latest publications, a unit's staff, the services.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import pass_context
from pelican.generators import Generator
from kit_dates import format_number, to_native_digits
from kit_i18n import lang_prefix, page_lang, translate
from kit_i18n import N_
from kit_listings.kit_listings import PAGE_SIZE, listed_items, page_url, pages_of
from kit_types import chosen, label, types


VIEW_LABELS = {"upcoming": N_("Upcoming"), "past": N_("Past"), "open": N_("Open"), "closed": N_("Closed"),
               "all": N_("All")}


def view_label(kind: str, stage: str) -> str:
    """The msgid of a stage listing's label: the type's own (`stages`), else the shared one."""
    return types()[kind].stages.get(stage) or VIEW_LABELS[stage]


def typed_items(items: list, kind: str, lang: str, settings: dict) -> list:
    """The published items of a type that a reader of `lang` sees, in the type's order."""
    return listed_items(items, kind, lang, settings)


def view_items(items: list, kind: str, view: str = "") -> list:
    """One view of a type's items: '' (the main one), a stage ('past', 'closed'), or 'field=value'.
    The first stage keeps the type's order (soonest first); the later ones reverse it (latest first)."""
    if "=" in view:  # one value of a facet, whatever the item's state
        name, value = view.split("=", 1)
        return [item for item in items if str(getattr(item, name, "")) == value]
    content_type = types()[kind]
    stages = content_type.views()
    if stages:
        wanted = view if view in stages[1:] else stages[0]
        chosen = [item for item in items if content_type.stage_of(item) == wanted]
        return chosen if wanted == stages[0] else chosen[::-1]
    return items


def views_of(kind: str, items: list) -> list[tuple[str, str, str]]:
    """(view, address under the folder, label) of every listing of a type with `items` (of
    every language): the main one, the other stages (past, closed, outcome) and one per facet
    value that has items; only the main one while the type has no items."""
    content_type = types()[kind]
    first, *others = content_type.views() or ("all",)
    views = [("", "", view_label(kind, first))]
    if not items:
        return views
    views += [(stage, f"{stage}/", view_label(kind, stage)) for stage in others]
    for name in content_type.facets:
        views += [(f"{name}={value}", f"{name}/{value}/", label(value))
                  for value in facet_values(content_type, name, items) if view_items(items, kind, f"{name}={value}")]
    return views


def facet_values(content_type, name: str, items: list) -> list[str]:
    """The values of a facet: a choice field's choices in their order, or, for a value that
    prepare() computes (a meeting's year), the values the items have, highest first."""
    spec = content_type.schema.get(name)
    if spec is not None and spec.choices:
        return list(spec.choices)
    return sorted({str(getattr(item, name)) for item in items if getattr(item, name, None) not in (None, "")},
                  reverse=True)


def totals(items: list) -> list[dict[str, Any]]:
    """Count, budget and amount spent of projects, per currency."""
    sums: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "budget": 0, "spent": 0})
    for item in items:
        entry = sums[str(getattr(item, "currency", ""))]
        entry["count"] += 1
        entry["budget"] += getattr(item, "budget", 0) or 0
        entry["spent"] += getattr(item, "spent", 0) or 0
    return [{"currency": currency, **values} for currency, values in sorted(sums.items())]


class TypeListingsGenerator(Generator):
    """Writes every listing of every content type, in every language."""

    def generate_output(self, writer) -> None:
        for lang in self.settings["LANGUAGES"]:
            for name, kind in chosen(self.settings).items():
                if kind.paged or not kind.listing:
                    continue
                if kind.listing == "typelist":
                    self._write_views(writer, lang["code"], name)
                elif kind.listing:
                    self._write_page(writer, lang["code"], name, kind.listing, "", "",
                                     items=self._items(name, lang["code"]))

    def _items(self, kind: str, code: str) -> list:
        return typed_items(self.context.get("KIT_ITEMS", []), kind, code, self.settings)

    def _write_views(self, writer, code: str, kind: str) -> None:
        everything = self._items(kind, code)
        published = [item for item in self.context.get("KIT_ITEMS", [])
                     if item.kind == kind and item.status == "published"]
        views = views_of(kind, published)  # the same views in every language, so switchers never break
        prefix = lang_prefix(code, self.settings["DEFAULT_LANG"])
        links = [{"url": f"{prefix}{kind}/{path}", "label": text, "view": view,
                  "count": len(view_items(everything, kind, view))} for view, path, text in views]
        size = self.settings.get("KIT_PAGE_SIZE", PAGE_SIZE)
        for view, path, _ in views:
            shown = view_items(everything, kind, view)
            pages = pages_of(shown, size)
            base = f"{lang_prefix(code, self.settings['DEFAULT_LANG'])}{kind}/{path}"
            for number, page_items in enumerate(pages, start=1):
                pagination = {"number": number, "count": len(pages), "total": len(shown),
                              "urls": [page_url(base, n) for n in range(1, len(pages) + 1)]}
                self._write_page(writer, code, kind, "typelist", path, view, items=page_items,
                                 pagination=pagination, views=links, totals=totals(shown), number=number)

    def _write_page(self, writer, code: str, kind: str, template: str, path: str, view: str,
                    number: int = 1, **values: Any) -> None:
        default = self.settings["DEFAULT_LANG"]
        ref = f"{kind}/{path}"
        url = page_url(lang_prefix(code, default) + ref, number)
        alternates = {lang["code"]: page_url(lang_prefix(lang["code"], default) + ref, number)
                      for lang in self.settings["LANGUAGES"]}
        writer.write_file(f"{url}index.html", self.get_template(template), self.context, lang_code=code,
                          page_url=url, page_alternates=alternates, page_ref=ref, kind=kind, view=view,
                          **values)


@pass_context
def collection(context, kind: str, view: str = "") -> list:
    """`{{ collection('events') }}`: the items of a type (one view) in the page's language."""
    items = typed_items(context.get("KIT_ITEMS", []), kind, page_lang(context), context)
    return view_items(items, kind, view)


QUICK_LINKS = "quick-links"


@pass_context
def home_panels(context) -> list[dict[str, Any]]:
    """The home page's panels with something to show: {name, place, template, entries}, in
    the order content/site.yaml gives (kit_identity's KIT_HOME)."""
    panels = []
    for name in context.get("KIT_HOME", []):
        if name == QUICK_LINKS:
            if context["MENUS"].get("quick_links"):
                panels.append({"name": name, "place": "side", "template": "partials/quick_links.html", "entries": []})
            continue
        kind = types()[name]
        items = collection(context, name)[:kind.home_count]
        if items:
            panels.append({"name": name, "place": kind.home, "template": f"{name}/home.html", "entries": items})
    return panels


@pass_context
def staff_of(context, unit: str) -> list:
    """`{{ staff_of(page.key) }}`: the people of a unit, in order."""
    return [person for person in collection(context, "people") if str(getattr(person, "unit", "")) == unit]


@pass_context
def unit_named(context, key: str):
    """The unit page `key` in the page's language (or another), or None."""
    versions = context["KIT_INDEX"].get(("units", str(key))) or {}
    return versions.get(page_lang(context)) or versions.get(context["DEFAULT_LANG"]) or \
        next(iter(versions.values()), None)


@pass_context
def label_filter(context, value) -> str:
    """`{{ item.sector|klabel }}`: a choice value's label in the page's language."""
    return translate(page_lang(context), label(value))


@pass_context
def size_filter(context, size: int) -> str:
    """`{{ info.size|kfilesize }}`: a file size such as 245 KB, in the page's digits."""
    lang = page_lang(context)
    for limit, unit in ((1024 ** 2, N_("%(number)s MB")), (1024, N_("%(number)s KB"))):
        if size >= limit:
            return translate(lang, unit) % {"number": format_number(round(size / limit, 1), lang)}
    return translate(lang, N_("%(number)s bytes")) % {"number": format_number(size, lang)}


@pass_context
def time_filter(context, value) -> str:
    """`{{ event.start_at|ktime }}`: the time of day, 24-hour, in the page's digits."""
    return to_native_digits(value.strftime("%H:%M"), page_lang(context))


@pass_context
def money_filter(context, amount, currency: str = "") -> str:
    """`{{ project.budget|kmoney(project.currency) }}`: an amount with its currency."""
    number = format_number(amount, page_lang(context))
    return f"{currency} {number}".strip()


CHART_WIDTH, LABEL_WIDTH, ROW_HEIGHT = 600, 190, 30


def chart_rows(bars: list[dict], rtl: bool = False) -> list[dict[str, Any]]:
    """Geometry of a horizontal bar chart drawn as inline SVG, mirrored for right-to-left."""
    largest = max((float(bar["value"]) for bar in bars), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 90
    rows = []
    for number, bar in enumerate(bars):
        width = round(room * float(bar["value"]) / largest, 1)
        top = number * ROW_HEIGHT
        if rtl:
            edge = CHART_WIDTH - LABEL_WIDTH
            rows.append({"label": bar["label"], "value": bar["value"], "y": top, "text_y": top + 20,
                         "label_x": CHART_WIDTH - 5, "bar_x": edge - width, "width": width,
                         "value_x": edge - width - 6})
        else:
            rows.append({"label": bar["label"], "value": bar["value"], "y": top, "text_y": top + 20,
                         "label_x": LABEL_WIDTH - 10, "bar_x": LABEL_WIDTH, "width": width,
                         "value_x": LABEL_WIDTH + width + 6})
    return rows


def install(generator) -> None:
    generator.env.globals.update({"collection": collection, "home_panels": home_panels, "staff_of": staff_of, "unit_named": unit_named,
                                  "TYPES": types(), "chart_rows": chart_rows, "CHART_WIDTH": CHART_WIDTH,
                                  "CHART_ROW": ROW_HEIGHT})
    generator.env.filters.update({"klabel": label_filter, "kfilesize": size_filter, "ktime": time_filter,
                                  "kmoney": money_filter})


def get_generators(pelican) -> type[Generator]:
    return TypeListingsGenerator
