"""Departments and units: what each does, who heads it, how to reach it."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON
from kit_types.registry import ContentType

UNIT = COMMON | {
    "order": Field("number", help="position in the list of units"),
    "head": Field("mapping", fields={"name": Field("text", True), "title": Field("text", True)}),
    "phone": Field("text", shared=True),
    "email": Field("email"),
    "functions": Field("texts", True, "the unit's duties"),
}

TYPE = ContentType(
    "units", N_("Departments and units"), UNIT,
    "Departments and units, with their duties, head and contacts; their staff come from content/people/.",
    50, template="units/item", noun="unit", listing="units/listing", paged=True,
    order=lambda item: (getattr(item, "order", 99), item.key), example={"functions": ["..."]})
