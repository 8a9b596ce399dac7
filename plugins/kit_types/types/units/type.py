"""Departments and units: what each does, who heads it, how to reach it.

A unit's `functions` are written as they are published: one plain list of duties, or groups of
duties, each under a heading such as the title of the post that carries them out. The head may
be a post alone ("District ICT Officer"), with no person's name.
"""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON
from kit_types.registry import ContentType

DUTIES = {
    "heading": Field("text", True, "who carries the duties out, e.g. the title of a post"),
    "duties": Field("texts", True, "the duties, one '- duty' per line"),
}
UNIT = COMMON | {
    "order": Field("number", help="position in the list of units"),
    "head": Field("mapping", fields={
        "name": Field("text", help="the person's name; leave it out when the unit is headed by a post"),
        "title": Field("text", True, "the post, e.g. Head of the ICT Unit or District ICT Officer"),
    }),
    "phone": Field("text", shared=True),
    "email": Field("email"),
    "functions": Field("texts_or_groups", True, "the unit's duties: one '- duty' per line, or groups "
                       "of a heading (such as a post) and its duties", fields=DUTIES),
}


def duty_groups(functions: list) -> list[dict]:
    """The duties as groups of {heading, duties}; a plain list is one group without a heading."""
    if not any(isinstance(entry, dict) for entry in functions):
        return [{"heading": "", "duties": [str(duty) for duty in functions]}]
    return [{"heading": str(entry.get("heading") or ""), "duties": [str(duty) for duty in entry.get("duties") or []]}
            for entry in functions if isinstance(entry, dict)]


def prepare_unit(meta: dict, check, now) -> None:
    """`duty_groups` for the page, and whether its duties are grouped (shown as <details>)."""
    functions = meta.get("functions")
    groups = duty_groups(functions if isinstance(functions, list) else [])
    meta.update(duty_groups=groups, grouped=any(group["heading"] for group in groups))


TYPE = ContentType(
    "units", N_("Departments and units"), UNIT,
    "Departments and units, with their duties (a list, or groups under each post), head and contacts; "
    "their staff come from content/people/.",
    50, template="units/item", noun="unit", listing="units/listing", paged=True,
    order=lambda item: (getattr(item, "order", 99), item.key), prepare=prepare_unit,
    example={"functions": ["..."]})
