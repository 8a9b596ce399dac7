"""Services to citizens: who can get each, what to bring, fees, time and place."""

from kit_i18n import N_
from kit_schema import Field
from kit_structured import organization
from kit_types.fields import COMMON, a_unit
from kit_types.registry import ContentType

SERVICE = COMMON | {
    "eligibility": Field("text", True, "who can get the service"),
    "requirements": Field("texts", True, "what to bring, one per line"),
    "fees": Field("text", True, "the fee, e.g. TZS 20,000, or Free"),
    "time_taken": Field("text", True, "how long it takes, e.g. 3 working days"),
    "where": Field("text", True, "the office where it is given"),
    "when": Field("text", help="the days and hours"),
    "unit": a_unit("the file name of the responsible unit, e.g. planning"),
    "online": Field("url", help="where to apply online, if possible"),
}

TYPE = ContentType(
    "services", N_("Services to citizens"), SERVICE,
    "What each service is, who can get it, what to bring, fees, time, where and the responsible unit; "
    "listed on pages/services.",
    100, template="services/item", crumb="pages/services", order=lambda item: (item.title, item.key),
    structured=lambda context, item: {"@type": "GovernmentService", "provider": organization(context)},
    example={"eligibility": "...", "requirements": ["..."], "fees": "...", "time_taken": "...",
             "where": "...", "unit": "planning"})
