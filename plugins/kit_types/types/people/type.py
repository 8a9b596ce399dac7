"""People: leaders and staff, shown on their unit's page and in the directory."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import WITHOUT_TITLE, a_unit, an_image
from kit_types.registry import ContentType

PERSON = WITHOUT_TITLE | {
    "name": Field("text", True, "the person's name, with Mr, Ms or Dr if used"),
    "position": Field("text", True, "the job title, e.g. District Executive Director"),
    "unit": a_unit("the file name of a unit in content/units/, e.g. ict"),
    "phone": Field("text", shared=True),
    "email": Field("email"),
    "photo": an_image(),
    "order": Field("number", help="position in the unit's list; 1 comes first"),
}


def prepare_person(meta: dict, check, now) -> None:
    meta["title"] = str(meta.get("name") or meta.get("key"))


def person_data(context, item) -> dict:
    data = {"@type": "Person", "name": item.name, "jobTitle": item.position}
    return data | {name: getattr(item, key) for name, key in (("telephone", "phone"), ("email", "email"))
                   if getattr(item, key, None)}


TYPE = ContentType(
    "people", N_("Staff directory"), PERSON,
    "Leaders and staff: shown on their unit's page and in the directory.",
    90, template="people/item", listing="people/listing",
    order=lambda item: (float(getattr(item, "order", 99)), item.title, item.key),
    prepare=prepare_person, structured=person_data,
    example={"name": "{title}", "position": "...", "unit": "communication"})
