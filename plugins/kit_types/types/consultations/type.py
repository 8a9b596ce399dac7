"""Consultations and calls for evidence: open, closed awaiting their outcome, and with it.

An item moves by date like a tender: it is `open` until its closing moment (in its
time zone), then `closed` until the day its outcome is published, then `outcome`.
The three stages are its three listings (`consultations/`, `consultations/closed/`,
`consultations/outcome/`); its Atom feed is dated by the opening.
"""

from __future__ import annotations

import datetime

from kit_i18n import N_
from kit_schema import Field
from kit_structured import organization
from kit_typeitems import moment
from kit_types.fields import COMMON, MOMENT, ZONE, a_file
from kit_types.registry import ContentType, soonest_first

STAGES = {"open": N_("Open"), "closed": N_("Awaiting outcome"), "outcome": N_("Outcome published")}
DOCUMENTS = Field("mappings", help="documents to read, each a title and a file under files/",
                  fields={"title": Field("text", True), "file": a_file(True)}, shared=True)
CONSULTATION = COMMON | {
    "summary": Field("text", True, "one or two sentences: what is proposed and what is asked"),
    "opens": Field("date", True, MOMENT),
    "closes": Field("date", True, MOMENT, not_before="opens"),
    "timezone": Field("text", help=ZONE, shared=True),
    "consulted": Field("text", True, "who is consulted, e.g. residents of Lumbe ward and market traders"),
    "respond": Field("mapping", True, "how to respond: at least one of address, email and form", fields={
        "address": Field("text", help="where to bring or post a written response"),
        "email": Field("email", help="the address that receives responses"),
        "form": Field("url", help="an online form for responses"),
    }, shared=True),
    "documents": DOCUMENTS,
    "outcome": Field("mapping", help="once decided: what was decided after the consultation", fields={
        "date": Field("date", True, "the day the outcome is published; not before the closing"),
        "summary": Field("text", True, "what was heard and what was decided"),
        "documents": DOCUMENTS,
    }),
}


def _files(meta: dict, check, prefix: str, documents) -> list[dict]:
    """Each document with its description (type, size, pages) measured by the declared rules."""
    return [dict(doc, info=check.infos.get(f"{prefix}{n}.file"))
            for n, doc in enumerate(documents or []) if isinstance(doc, dict)]


def _outcome_moment(meta: dict, check, zone: datetime.tzinfo) -> datetime.datetime | None:
    """When the outcome is published; a problem on `outcome.date` when it comes before the closing."""
    outcome = meta.get("outcome")
    if not isinstance(outcome, dict):
        return None
    published, whole_day = moment(outcome.get("date"), zone)
    closes, _ = moment(meta.get("closes"), zone)
    if published is None or closes is None:
        return published
    if (published.date() < closes.date()) if whole_day else (published < closes):
        check.add("outcome.date", f"'{outcome['date']}' is before the closing; expected a date not before "
                                  f"{meta['closes']}, when the consultation closes")
    return published


def prepare_consultation(meta: dict, check, now: datetime.datetime) -> None:
    """Its moments in its time zone, its stage at the reference time, and its documents described."""
    zone = check.zone()
    opens, opens_whole_day = moment(meta.get("opens"), zone)
    closes, closes_whole_day = moment(meta.get("closes"), zone, end_of_day=True)
    respond = meta.get("respond")
    if isinstance(respond, dict) and not any(respond.get(name) for name in ("address", "email", "form")):
        check.add("respond", "gives no way to respond; expected at least one of address, email and form")
    published = _outcome_moment(meta, check, zone)
    meta["document_files"] = _files(meta, check, "documents.", meta.get("documents"))
    if isinstance(meta.get("outcome"), dict):
        meta["outcome_files"] = _files(meta, check, "outcome.documents.", meta["outcome"].get("documents"))
    if opens is None or closes is None:
        return
    last = closes - datetime.timedelta(days=1) if closes_whole_day else closes
    meta.update(opens_at=opens, opens_whole_day=opens_whole_day, closes_at=closes,
                closes_whole_day=closes_whole_day, closes_shown=last.date() if closes_whole_day else closes,
                opened=opens <= now, outcome_at=published if published is not None and published <= now else None)
    meta["stage"] = "open" if closes > now else "outcome" if meta["outcome_at"] else "closed"


def _places(item) -> list[dict]:
    """Where responses go: a postal place, a mailbox and an online form."""
    respond = getattr(item, "respond", None) or {}
    places = [{"@type": "Place", "address": respond["address"]}] if respond.get("address") else []
    places += [{"@type": "VirtualLocation", "url": respond[name] if name == "form" else f"mailto:{respond[name]}"}
               for name in ("form", "email") if respond.get(name)]
    return places


def consultation_data(context, item) -> dict:
    """An Event that runs from the opening to the closing, whose audience is who is consulted."""
    places = _places(item)
    online = any(place["@type"] == "VirtualLocation" for place in places)
    mode = "Mixed" if online and len(places) > sum(place["@type"] == "VirtualLocation" for place in places) \
        else "Online" if online else "Offline"
    data = {"@type": "Event", "startDate": item.opens_at.isoformat(), "endDate": item.closes_at.isoformat(),
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled", "location": places,
            "organizer": organization(context), "audience": {"@type": "Audience", "audienceType": item.consulted}}
    return data



TYPE = ContentType(
    "consultations", N_("Consultations"), CONSULTATION,
    "Consultations and calls for evidence: what is proposed, who is consulted, how to respond and until "
    "when, the documents, and later the outcome. Listings of open ones, of closed ones awaiting their "
    "outcome and of those with an outcome; an item moves between them by date. One Atom feed.",
    75, template="consultations/item", listing="typelist", stage="stage", stages=STAGES, feed="opens_at",
    order=soonest_first("closes_at"), prepare=prepare_consultation, structured=consultation_data, home="row",
    example={"opens": "{date} 09:00", "closes": "{date} 17:00", "consulted": "...",
             "respond": {"email": "maoni@example.go.tz"}, "summary": "..."})
