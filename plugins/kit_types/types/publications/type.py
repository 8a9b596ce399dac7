"""Publications: reports, guidelines, by-laws, plans and forms, each with its file."""

from kit_i18n import N_
from kit_schema import Field
from kit_structured import absolute
from kit_types.fields import CAMPAIGNS, COMMON, a_file
from kit_types.registry import ContentType

PUBLICATION_TYPES = ("report", "guideline", "by-law", "strategic-plan", "service-charter",
                     "brochure", "newsletter", "form")
PUBLICATION = COMMON | {
    "type": Field("choice", True, choices=PUBLICATION_TYPES),
    "date": Field("date", True, "the day it was published"),
    "file": a_file(True),
    "campaigns": CAMPAIGNS,
}


def prepare_publication(meta: dict, check, now) -> None:
    if check.infos.get("file"):
        meta["file_info"] = check.infos["file"]


def publication_data(context, item) -> dict:
    info = getattr(item, "file_info", None) or {}
    data = {"@type": "DigitalDocument", "datePublished": item.date.isoformat()}
    if info:
        data |= {"encodingFormat": info["media_type"], "contentUrl": absolute(context, info["url"])}
    return data


TYPE = ContentType(
    "publications", N_("Publications"), PUBLICATION,
    "Reports, guidelines, by-laws, plans, charters, brochures, newsletters and forms, each with its file; "
    "type, size and page count are computed when the site is built.",
    80, template="publications/item", listing="typelist", facets=("type",),
    order=lambda item: (-item.date.timestamp(), item.key), prepare=prepare_publication,
    structured=publication_data, home="row",
    labels={"report": N_("Report"), "guideline": N_("Guideline"), "by-law": N_("By-law"),
            "strategic-plan": N_("Strategic plan"), "service-charter": N_("Service charter"),
            "brochure": N_("Brochure"), "newsletter": N_("Newsletter"), "form": N_("Form")},
    example={"type": "report", "date": "{date}", "file": "files/publications/{slug}.pdf"})
