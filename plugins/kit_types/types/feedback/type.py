"""Feedback and complaints: every way to reach the institution, from content/site.yaml."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON
from kit_types.registry import ContentType

FEEDBACK = COMMON | {
    "sms": Field("text", help="a number or short code for text messages"),
    "response_time": Field("text", help="how soon the institution answers"),
}

TYPE = ContentType(
    "feedback", N_("Feedback and complaints"), FEEDBACK,
    "Every way to give feedback or complain, from content/site.yaml; one file per language, feedback.md, "
    "shown at feedback/.",
    160, template="feedback/item", single=True,
    structured=lambda context, item: {"@type": "ContactPage"})
