"""Pages: the institution's standing pages (about, contact, services, privacy...)."""

from kit_i18n import N_
from kit_types.fields import COMMON
from kit_types.registry import ContentType


def prepare_page(meta: dict, check, now) -> None:
    if meta.get("key") == "services":
        meta["template"] = "services_page"  # the page that lists every service


TYPE = ContentType(
    "pages", N_("Pages"), dict(COMMON),
    "Standing pages such as about, contact, privacy and the services page; every site has them.",
    170, template="page", prepare=prepare_page, always=True)
