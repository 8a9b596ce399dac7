"""Public clarifications: a kind of news that answers a question or report raised in the media."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import NEWS
from kit_types.registry import ContentType

CLARIFICATION = NEWS | {
    "answers": Field("mapping", True, fields={
        "question": Field("text", True, "the question or claim answered, in one sentence"),
        "source": Field("text", help="where it was raised, e.g. Mwananchi, 12 November 2026"),
        "link": Field("url", help="the report, if it is on the web")}),
}

TYPE = ContentType(
    "clarifications", N_("Public clarifications"), CLARIFICATION,
    "Answers to questions and reports raised in the media: each names what it answers and where it was "
    "raised. Listed with the news and on their own listing, with an Atom feed.",
    44, article=True, template="clarifications/item", listing="listing", paged=True, dated_names=True,
    also_in=("news",), example={"answers": {"question": "..."}})
