"""Services to citizens: what each is, and, when given, who can get it, what to bring, fees, time and place.

Only a title and a description (a summary or the text) are needed: a unit's services are often
published as a name and a sentence. Every other fact is shown only when it is written.
"""

from kit_i18n import N_
from kit_schema import Field
from kit_structured import organization
from kit_types.fields import COMMON, a_file
from kit_types.registry import ContentType

SERVICE = COMMON | {
    "eligibility": Field("text", help="who can get the service"),
    "requirements": Field("texts", help="what to bring, one per line"),
    "documents": Field("mappings", help="forms to download", fields={"title": Field("text", True),
                                                                      "file": a_file(True)}),
    "fees": Field("text", help="the fee, e.g. TZS 20,000, or Free"),
    "time_taken": Field("text", help="how long it takes, e.g. 3 working days"),
    "where": Field("text", help="the office where it is given"),
    "when": Field("text", help="the days and hours"),
    "unit": Field("text", help="the file name of the responsible unit, e.g. planning", refers="units"),
    "online": Field("url", help="where to apply online, if possible", may_differ=True),
}


def prepare_service(meta: dict, check, now) -> None:
    """Each document's description (type, size, pages), measured at build time."""
    meta["document_files"] = [dict(doc, info=check.infos.get(f"documents.{n}.file"))
                              for n, doc in enumerate(meta.get("documents") or []) if isinstance(doc, dict)]


TYPE = ContentType(
    "services", N_("Services to citizens"), SERVICE,
    "What each service is and, when given, who can get it, what to bring, forms, fees, time, where and "
    "the responsible unit; listed on pages/services.",
    100, template="services/item", crumb="pages/services", order=lambda item: (item.title, item.key),
    prepare=prepare_service,
    structured=lambda context, item: {"@type": "GovernmentService", "provider": organization(context)})
