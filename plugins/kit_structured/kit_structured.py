"""Open Graph tags and schema.org JSON-LD for every page, built from its context.

`open_graph()` gives the (property, content) pairs of the page's `og:` tags;
`json_ld()` the JSON of one `<script type="application/ld+json">` block (data,
never run): the institution (GovernmentOrganization) on home pages, NewsArticle,
Event, DigitalDocument, JobPosting (vacancies), Person, GovernmentService, Place, AdministrativeArea,
ImageGallery, FAQPage and Dataset where they fit, else WebPage.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from jinja2 import pass_context
from markupsafe import Markup
from kit_i18n import page_lang, translated_text
from kit_links.kit_links import current_url, listing_refs, title_of
from kit_types import types
from kit_downloads.kit_downloads import download_path

LOCALES = {"sw": "sw_TZ", "en": "en_GB", "fa": "fa_IR"}


def absolute(context, url: str) -> str:
    return f"{str(context['SITE']['website']).rstrip('/')}/{quote(url, safe='/:#?=&%')}"


def text_in(context, value: Any) -> str:
    return translated_text(value, page_lang(context), context["DEFAULT_LANG"])


def _item(context):
    return context.get("article") or context.get("page")


def plain(html: Any) -> str:
    return Markup(str(html or "")).striptags()


def organization(context) -> dict[str, Any]:
    site, contact = context["SITE"], context["SITE"]["contact"]
    return {"@type": "GovernmentOrganization", "name": text_in(context, site["institution"]["name"]),
            "url": absolute(context, ""), "logo": absolute(context, site["institution"]["emblem"]),
            "email": contact["email"], "telephone": contact["phone"],
            "address": {"@type": "PostalAddress", "streetAddress": text_in(context, contact["postal_address"]),
                        "postOfficeBoxNumber": text_in(context, contact["po_box"])},
            "parentOrganization": {"@type": "GovernmentOrganization",
                                   "name": text_in(context, site["institution"]["parent"])}}


def _for_item(context, item) -> dict[str, Any]:
    base = {"name": item.title, "url": absolute(context, item.url), "inLanguage": item.lang}
    if getattr(item, "summary", None):
        base["description"] = plain(item.summary)
    kind = types().get(item.kind)
    if kind is not None and kind.article:
        return base | {"@type": "NewsArticle", "headline": item.title, "datePublished": item.date.isoformat(),
                       "publisher": organization(context)}
    if kind is not None and kind.structured:
        return base | kind.structured(context, item)
    return base | {"@type": "WebPage", "publisher": organization(context)}


def _for_listing(context) -> dict[str, Any]:
    url, kind = current_url(context), context.get("kind")
    base = {"url": absolute(context, url), "inLanguage": page_lang(context)}
    if kind in types() and types()[kind].rows:
        lang, default = page_lang(context), context["DEFAULT_LANG"]
        return base | {"@type": "Dataset", "name": title_of(context, kind),
                       "creator": organization(context), "license": absolute(context, ""),
                       "distribution": [{"@type": "DataDownload", "encodingFormat": media,
                                         "contentUrl": absolute(context, download_path(kind, fmt, lang, default))}
                                        for fmt, media in (("csv", "text/csv"), ("json", "application/json"))]}
    if kind in types() and types()[kind].listing_data:
        return base | types()[kind].listing_data(context, context.get("items", []))
    if context.get("page_ref") == "":
        return organization(context) | {"url": absolute(context, url)}
    return base | {"@type": "CollectionPage", "isPartOf": organization(context)}


@pass_context
def json_ld(context) -> Markup:
    """The page's structured data, safe inside a script element."""
    item = _item(context)
    data = {"@context": "https://schema.org"} | (_for_item(context, item) if item else _for_listing(context))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@pass_context
def open_graph(context) -> list[tuple[str, str]]:
    """(property, content) of the page's Open Graph tags."""
    item, lang = _item(context), page_lang(context)
    site_name = text_in(context, context["SITE"]["institution"]["name"])
    if item is not None:
        title, description = item.title, plain(getattr(item, "summary", "") or item.title)
    else:
        kind = context.get("kind") or context.get("page_ref", "").strip("/")
        title = title_of(context, kind) if kind in listing_refs(context) or kind in types() else site_name
        description = f"{site_name} - {text_in(context, context['SITE']['institution']['parent'])}"
    article = item is not None and item.kind in types() and types()[item.kind].article
    tags = [("og:type", "article" if article else "website"),
            ("og:title", title), ("og:description", description), ("og:site_name", site_name),
            ("og:url", absolute(context, current_url(context))), ("og:locale", LOCALES.get(lang, lang)),
            ("og:image", absolute(context, context["SITE"]["institution"]["emblem"]))]
    if article:
        tags.append(("article:published_time", item.date.isoformat()))
    return tags


def install(generator) -> None:
    generator.env.globals.update({"json_ld": json_ld, "open_graph": open_graph})
