"""Events: meetings, campaigns and ceremonies, upcoming and past."""

import datetime

from kit_i18n import N_
from kit_schema import Field

from kit_typeitems import moment
from kit_types.fields import CAMPAIGNS, COMMON, MOMENT, ZONE
from kit_types.registry import ContentType, soonest_first

EVENT = COMMON | {
    "start": Field("date", True, MOMENT),
    "end": Field("date", help=MOMENT + "; not before the start", not_before="start"),
    "timezone": Field("text", help=ZONE, shared=True),
    "venue": Field("text", True, "the place, e.g. Council hall, Mlimani"),
    "organiser": Field("text", True, "the unit or body that runs the event"),
    "online": Field("url", help="a page with more details or a live stream", may_differ=True),
    "campaigns": CAMPAIGNS,
}


def prepare_event(meta: dict, check, now: datetime.datetime) -> None:
    """Moments in the event's time zone, its last day, and whether it is still to come."""
    zone = check.zone()
    start, whole_day = moment(meta.get("start"), zone)
    end, _ = moment(meta.get("end"), zone, end_of_day=True)
    if start is None:
        return
    meta.update(start_at=start, end_at=end or (start + datetime.timedelta(days=1) if whole_day else start),
                whole_day=whole_day)
    last = meta["end_at"] - datetime.timedelta(days=1) if whole_day else meta["end_at"]
    meta["last_day"] = last.date() if whole_day else None  # the last day of a whole-day event
    meta["upcoming"] = meta["end_at"] >= now


def event_data(context, item) -> dict:
    start, end = (item.start_at.date(), item.last_day) if item.whole_day else (item.start_at, item.end_at)
    return {"@type": "Event", "startDate": start.isoformat(), "endDate": end.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": item.venue},
            "organizer": {"@type": "Organization", "name": item.organiser}}



TYPE = ContentType(
    "events", N_("Events"), EVENT,
    "Meetings, campaigns and ceremonies, with dates, venue and organiser. Upcoming and past listings; "
    "a calendar file per event and one feed.",
    60, template="events/item", listing="typelist", split=("upcoming", "past", "upcoming"), order=soonest_first("start_at"),
    prepare=prepare_event, structured=event_data, dated_names=True, home="row",
    example={"start": "{date} 09:00", "venue": "...", "organiser": "..."})
