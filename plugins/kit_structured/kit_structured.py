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
from pelican import signals
from kit_i18n import page_lang, translated_text
from kit_links.kit_links import TITLES, current_url, title_of
from kit_downloads.kit_downloads import download_path

LOCALES = {"sw": "sw_TZ", "en": "en_GB", "fa": "fa_IR"}
NEWS_KINDS = ("news", "press-releases", "announcements", "speeches")


def _absolute(context, url: str) -> str:
    return f"{str(context['SITE']['website']).rstrip('/')}/{quote(url, safe='/:#?=&%')}"


def _text(context, value: Any) -> str:
    return translated_text(value, page_lang(context), context["DEFAULT_LANG"])


def _item(context):
    return context.get("article") or context.get("page")


def _plain(html: Any) -> str:
    return Markup(str(html or "")).striptags()


def organization(context) -> dict[str, Any]:
    site, contact = context["SITE"], context["SITE"]["contact"]
    return {"@type": "GovernmentOrganization", "name": _text(context, site["institution"]["name"]),
            "url": _absolute(context, ""), "logo": _absolute(context, site["institution"]["emblem"]),
            "email": contact["email"], "telephone": contact["phone"],
            "address": {"@type": "PostalAddress", "streetAddress": _text(context, contact["postal_address"]),
                        "postOfficeBoxNumber": _text(context, contact["po_box"])},
            "parentOrganization": {"@type": "GovernmentOrganization",
                                   "name": _text(context, site["institution"]["parent"])}}


def _event(context, item) -> dict[str, Any]:
    start, end = (item.start_at.date(), item.last_day) if item.whole_day else (item.start_at, item.end_at)
    return {"@type": "Event", "startDate": start.isoformat(), "endDate": end.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": item.venue},
            "organizer": {"@type": "Organization", "name": item.organiser}}


def _publication(context, item) -> dict[str, Any]:
    info = getattr(item, "file_info", None) or {}
    data = {"@type": "DigitalDocument", "datePublished": item.date.isoformat()}
    if info:
        data |= {"encodingFormat": info["media_type"], "contentUrl": _absolute(context, info["url"])}
    return data


def _person(context, item) -> dict[str, Any]:
    data = {"@type": "Person", "name": item.name, "jobTitle": item.position}
    return data | {name: getattr(item, key) for name, key in (("telephone", "phone"), ("email", "email"))
                   if getattr(item, key, None)}


def _investment(context, item) -> dict[str, Any]:
    data = {"@type": "Place", "name": item.title}
    place = getattr(item, "coordinates", None)
    if place:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place["latitude"], "longitude": place["longitude"]}
    return data


def _tender(context, item) -> dict[str, Any]:
    if item.type != "vacancy":
        return {"@type": "WebPage", "publisher": organization(context)}
    data = {"@type": "JobPosting", "title": item.title, "hiringOrganization": organization(context),
            "description": _plain(item.content) or item.title,
            "jobLocation": {"@type": "Place", "address": _text(context, context["SITE"]["contact"]["postal_address"])}}
    if getattr(item, "closes_at", None):
        data["validThrough"] = item.closes_at.isoformat()
    if getattr(item, "date", None):
        data["datePosted"] = item.date.date().isoformat()
    return data


ITEM_TYPES = {
    "tenders": _tender,
    "events": _event, "publications": _publication, "people": _person, "investments": _investment,
    "services": lambda context, item: {"@type": "GovernmentService", "provider": organization(context)},
    "profile": lambda context, item: {"@type": "AdministrativeArea"},
    "galleries": lambda context, item: {"@type": "ImageGallery"},
    "feedback": lambda context, item: {"@type": "ContactPage"},
}


def _for_item(context, item) -> dict[str, Any]:
    base = {"name": item.title, "url": _absolute(context, item.url), "inLanguage": item.lang}
    if getattr(item, "summary", None):
        base["description"] = _plain(item.summary)
    if item.kind in NEWS_KINDS:
        return base | {"@type": "NewsArticle", "headline": item.title, "datePublished": item.date.isoformat(),
                       "publisher": organization(context)}
    if item.kind in ITEM_TYPES:
        return base | ITEM_TYPES[item.kind](context, item)
    return base | {"@type": "WebPage", "publisher": organization(context)}


def _for_listing(context) -> dict[str, Any]:
    url, kind = current_url(context), context.get("kind")
    base = {"url": _absolute(context, url), "inLanguage": page_lang(context)}
    if kind in ("projects", "investments"):
        lang, default = page_lang(context), context["DEFAULT_LANG"]
        return base | {"@type": "Dataset", "name": title_of(context, kind),
                       "creator": organization(context), "license": _absolute(context, ""),
                       "distribution": [{"@type": "DataDownload", "encodingFormat": media,
                                         "contentUrl": _absolute(context, download_path(kind, fmt, lang, default))}
                                        for fmt, media in (("csv", "text/csv"), ("json", "application/json"))]}
    if kind == "faq":
        return base | {"@type": "FAQPage", "mainEntity": [
            {"@type": "Question", "name": q.title, "acceptedAnswer": {"@type": "Answer", "text": _plain(q.content)}}
            for q in context.get("items", [])]}
    if context.get("page_ref") == "":
        return organization(context) | {"url": _absolute(context, url)}
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
    site_name = _text(context, context["SITE"]["institution"]["name"])
    if item is not None:
        title, description = item.title, _plain(getattr(item, "summary", "") or item.title)
    else:
        kind = context.get("kind") or context.get("page_ref", "").strip("/")
        title = title_of(context, kind) if kind in TITLES else site_name
        description = f"{site_name} - {_text(context, context['SITE']['institution']['parent'])}"
    tags = [("og:type", "article" if item is not None and item.kind in NEWS_KINDS else "website"),
            ("og:title", title), ("og:description", description), ("og:site_name", site_name),
            ("og:url", _absolute(context, current_url(context))), ("og:locale", LOCALES.get(lang, lang)),
            ("og:image", _absolute(context, context["SITE"]["institution"]["emblem"]))]
    if item is not None and item.kind in NEWS_KINDS:
        tags.append(("article:published_time", item.date.isoformat()))
    return tags


def install(generator) -> None:
    generator.env.globals.update({"json_ld": json_ld, "open_graph": open_graph})


def register() -> None:
    # generator_init: base.html writes the tags of every page.
    signals.generator_init.connect(install)
