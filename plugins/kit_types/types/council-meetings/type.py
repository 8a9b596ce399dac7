"""Council meetings: the full council and its committees, upcoming and past, with agenda,
documents (agenda, minutes) and resolutions; listed by year and by committee."""

import datetime

from kit_i18n import N_
from kit_schema import Field
from kit_structured import organization, text_in
from kit_types.fields import COMMITTEES, COMMON, MOMENT, ZONE, a_committee, a_file
from kit_types.registry import ContentType, soonest_first, types

MEETING = COMMON | {
    "start": Field("date", True, MOMENT),
    "end": Field("date", help=MOMENT + "; not before the start", not_before="start"),
    "timezone": Field("text", help=ZONE),
    "committee": a_committee("the full council or the committee that meets"),
    "venue": Field("text", True, "the place, e.g. Council chamber, Mlimani"),
    "agenda": Field("texts", help="the agenda items, one '- item' per line, in order"),
    "documents": Field("mappings", help="the agenda, minutes and reports",
                       fields={"title": Field("text", True), "file": a_file(True)}),
    "resolutions": Field("texts", help="what the meeting decided, one '- resolution' per line"),
}


def prepare_meeting(meta: dict, check, now: datetime.datetime) -> None:
    """Timed like an event (start and end moments, still to come or not), with its year for
    the listings by year and each document's description (type, size, pages)."""
    types()["events"].prepare(meta, check, now)
    if meta.get("start_at") is not None:
        meta["year"] = meta["start_at"].year
    meta["document_files"] = [dict(doc, info=check.infos.get(f"documents.{n}.file"))
                              for n, doc in enumerate(meta.get("documents") or []) if isinstance(doc, dict)]


def meeting_data(context, item) -> dict:
    """A meeting as a schema.org Event held by the institution at its venue."""
    start, end = (item.start_at.date(), item.last_day) if item.whole_day else (item.start_at, item.end_at)
    host = organization(context)
    return {"@type": "Event", "startDate": start.isoformat(), "endDate": end.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": item.venue,
                         "address": text_in(context, context["SITE"]["contact"]["postal_address"])},
            "organizer": {"@type": "GovernmentOrganization", "name": host["name"], "url": host["url"]}}



TYPE = ContentType(
    "council-meetings", N_("Council meetings"), MEETING,
    "Meetings of the full council and its committees: when and where, the agenda, the documents "
    "(agenda, minutes) and the resolutions. Upcoming and past listings, and one listing per year and "
    "per committee; the committees are the kit's list, shared with councillors.",
    62, template="council-meetings/item", listing="typelist", facets=("year", "committee"),
    split=("upcoming", "past", "upcoming"), order=soonest_first("start_at"), prepare=prepare_meeting, structured=meeting_data,
    dated_names=True, home="row", labels=dict(COMMITTEES), noun="council meeting",
    example={"start": "{date} 10:00", "committee": "full-council", "venue": "..."})
