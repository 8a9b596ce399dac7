"""Frequently asked questions: one question per file, grouped by topic."""

from kit_i18n import N_
from kit_schema import Field
from kit_structured import plain
from kit_types.fields import COMMON
from kit_types.registry import ContentType

QUESTION = COMMON | {
    "topic": Field("text", True, "the group the question is listed under"),
    "order": Field("number", help="position within its topic"),
}

def questions_data(context, items: list) -> dict:
    """The listing as a FAQPage: every question with its answer."""
    return {"@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": q.title, "acceptedAnswer": {"@type": "Answer", "text": plain(q.content)}}
        for q in items]}


TYPE = ContentType(
    "faq", N_("Frequently asked questions"), QUESTION,
    "One question per file (the title), its answer in the text, grouped by topic.",
    110, template="faq/item", listing="faq/listing",
    order=lambda item: (str(getattr(item, "topic", "")), float(getattr(item, "order", 99)), item.key),
    listing_data=questions_data, example={"topic": "..."})
