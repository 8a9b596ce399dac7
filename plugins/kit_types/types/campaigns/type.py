"""Campaigns and topics: a page of its own that gathers every item naming it, across types."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON
from kit_types.registry import ContentType

CAMPAIGN = COMMON | {
    "starts": Field("date", help="the first day, YYYY-MM-DD; left out for a standing topic"),
    "ends": Field("date", help="the last day, YYYY-MM-DD", not_before="starts"),
    "organiser": Field("text", help="the unit or body that runs it"),
}


def campaign_data(context, item) -> dict:
    data = {"@type": "Event" if getattr(item, "starts", None) else "WebPage", "name": item.title}
    if getattr(item, "starts", None):
        data["startDate"] = item.starts.isoformat()
    if getattr(item, "ends", None):
        data["endDate"] = item.ends.isoformat()
    return data


def by_start(item) -> tuple:
    starts = getattr(item, "starts", None)
    return (-(starts.toordinal() if starts else 0), item.key)


TYPE = ContentType(
    "campaigns", N_("Campaigns and topics"), CAMPAIGN,
    "A campaign (a vaccination campaign, the census, an investment week) or a standing topic: its own text "
    "and dates, and every news item, event, publication and album that names it in its `campaigns:` field, "
    "in the reader's language. A misspelt campaign name is an error with a \"did you mean\".",
    145, template="campaigns/item", listing="typelist", noun="campaign", order=by_start, structured=campaign_data,
    example={"starts": "{date}"})
