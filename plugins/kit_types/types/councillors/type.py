"""Councillors: the elected members of a council, with their ward, party and committees."""

from kit_i18n import N_, page_lang, translate
from kit_schema import Field
from kit_types.fields import COMMITTEES, WITHOUT_TITLE, an_image, committees
from kit_types.registry import ContentType

COUNCILLOR = WITHOUT_TITLE | {
    "name": Field("text", True, "the councillor's name, with Hon. (Mhe.) if used"),
    "ward": Field("text", help="the ward they represent; leave it out for a special or nominated seat"),
    "party": Field("text", True, "the political party, e.g. CCM, CHADEMA, ACT-Wazalendo"),
    "role": Field("text", help="an office they hold, e.g. Council Chairperson"),
    "committees": committees("the standing committees they sit on (every councillor sits on the full council)"),
    "phone": Field("text"),
    "email": Field("email"),
    "photo": an_image(),
    "order": Field("number", help="position in the list of councillors; 1 comes first"),
}


def prepare_councillor(meta: dict, check, now) -> None:
    """The page's title is the name; `bodies` are the full council and the committees they sit on."""
    meta["title"] = str(meta.get("name") or meta.get("key"))
    for name in ("role", "ward"):
        meta.setdefault(name, "")
    listed = [str(name) for name in meta.get("committees") or [] if str(name) in COMMITTEES]
    meta["bodies"] = ["full-council", *dict.fromkeys(listed)]


def councillor_data(context, item) -> dict:
    """A councillor as a schema.org Person, member of the party and of the council."""
    data = {"@type": "Person", "name": item.name, "jobTitle": getattr(item, "role", None) or translate(page_lang(context), N_("Councillor")),
            "affiliation": {"@type": "Organization", "name": item.party}}
    return data | {name: getattr(item, key) for name, key in (("telephone", "phone"), ("email", "email"))
                   if getattr(item, key, None)}


TYPE = ContentType(
    "councillors", N_("Councillors"), COUNCILLOR,
    "The elected and nominated members of the council: ward, party, the committees they sit on and how "
    "to reach them. A councillor's page lists their committees and the meetings of those committees.",
    64, template="councillors/item", listing="typelist",
    order=lambda item: (float(getattr(item, "order", 99)), item.title, item.key),
    prepare=prepare_councillor, structured=councillor_data, labels=dict(COMMITTEES), noun="councillor",
    example={"name": "{title}", "party": "...", "ward": "..."})
