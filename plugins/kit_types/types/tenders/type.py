"""Tenders, vacancies and expressions of interest, open and closed."""

import datetime

from kit_i18n import N_
from kit_schema import Field
from kit_structured import organization, plain, text_in
from kit_typeitems import moment
from kit_types.fields import COMMON, ZONE, a_file
from kit_types.registry import ContentType, soonest_first

TENDER_TYPES = ("tender", "vacancy", "expression-of-interest")
TENDER = COMMON | {
    "type": Field("choice", True, choices=TENDER_TYPES),
    "reference": Field("text", True, "the reference number, e.g. LGA/120/2026/W/04", shared=True),
    "date": Field("date", help="the day it was advertised"),
    "closes": Field("date", True, "closing date and time, YYYY-MM-DD HH:MM"),
    "timezone": Field("text", help=ZONE, shared=True),
    "how_to_apply": Field("text", True, "one or two sentences on how and where to apply"),
    "documents": Field("mappings", fields={"title": Field("text", True), "file": a_file(True)}, shared=True),
    "email": Field("email"),
    "phone": Field("text", shared=True),
}


def prepare_tender(meta: dict, check, now: datetime.datetime) -> None:
    """The closing moment, whether it is still open, and each document's description."""
    closes, _ = moment(meta.get("closes"), check.zone(), end_of_day=True)
    if closes is not None:
        meta.update(closes_at=closes, open=closes > now)
    meta["document_files"] = [dict(doc, info=check.infos.get(f"documents.{n}.file"))
                              for n, doc in enumerate(meta.get("documents") or []) if isinstance(doc, dict)]


def tender_data(context, item) -> dict:
    if item.type != "vacancy":
        return {"@type": "WebPage", "publisher": organization(context)}
    data = {"@type": "JobPosting", "title": item.title, "hiringOrganization": organization(context),
            "description": plain(item.content) or item.title,
            "jobLocation": {"@type": "Place",
                            "address": text_in(context, context["SITE"]["contact"]["postal_address"])}}
    if getattr(item, "closes_at", None):
        data["validThrough"] = item.closes_at.isoformat()
    if getattr(item, "date", None):
        data["datePosted"] = item.date.date().isoformat()
    return data



TYPE = ContentType(
    "tenders", N_("Tenders and vacancies"), TENDER,
    "Tenders, vacancies and expressions of interest. Open and closed listings; a closed item stays published.",
    70, template="tenders/item", listing="typelist", facets=("type",), split=("open", "closed", "open"),
    order=soonest_first("closes_at"), prepare=prepare_tender, structured=tender_data, home="row",
    labels={"tender": N_("Tender"), "vacancy": N_("Vacancy"),
            "expression-of-interest": N_("Expression of interest")},
    example={"type": "tender", "reference": "...", "closes": "{date} 10:00", "how_to_apply": "..."})
