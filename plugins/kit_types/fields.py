"""Field pieces that several content types share: the common fields and the help texts."""

from __future__ import annotations

from kit_i18n import N_
from kit_schema import Field

COMMON = {
    "title": Field("text", True),
    "summary": Field("text", help="one or two sentences shown in listings"),
    "lang": Field("text", help="normally taken from the file name, e.g. about.en.md"),
    "key": Field("text", help="links translations; normally the file name"),
    "slug": Field("text", help="the last part of the address; may be in Persian"),
    "status": Field("choice", choices=("published", "draft", "hidden")),
}
WITHOUT_TITLE = {name: spec for name, spec in COMMON.items() if name != "title"}
CAMPAIGNS = Field("texts", help="the campaigns it belongs to: file names in content/campaigns/",
                  refers="campaigns")
NEWS = COMMON | {
    "date": Field("date", True),
    "modified": Field("date"),
    "category": Field("text", True, "a topic such as Maji, Elimu or Afya"),
    "tags": Field("texts"),
    "campaigns": CAMPAIGNS,
}
MOMENT = "YYYY-MM-DD for a whole day, or YYYY-MM-DD HH:MM"
ZONE = "a time zone such as Africa/Dar_es_Salaam; the site's own when left out"
FILE = "a file under content/files/, written files/folder/name.pdf"
IMAGE = "an image under content/images/, written images/folder/name.jpg"
NUMBER = Field("number")
WARD = {"ward": Field("text", True), "village": Field("text", help="village or street")}


def a_file(required: bool = False, help: str = FILE) -> Field:
    """A document under content/files/ that the build describes (type, size, pages)."""
    return Field("text", required, help, under="files")


def an_image(required: bool = False, help: str = IMAGE) -> Field:
    """An image under content/images/."""
    return Field("text", required, help, under="images")


def a_unit(help: str) -> Field:
    """The file name of a unit in content/units/."""
    return Field("text", True, help, refers="units")

# The bodies of a council that meet: the full council and the standing committees that the
# local government acts set up. Councillors sit on them and council meetings are held by them,
# so both types declare their fields from this one list (a misspelt name gets "did you mean").
COMMITTEES = {
    "full-council": N_("Full council"),
    "finance-administration": N_("Finance, Administration and Planning Committee"),
    "economic-affairs": N_("Economic Affairs, Works and Environment Committee"),
    "social-services": N_("Social Services Committee"),
    "urban-planning": N_("Urban Planning Committee"),
    "hiv-aids": N_("HIV and AIDS Control Committee"),
    "ethics": N_("Ethics Committee"),
}


def a_committee(help: str) -> Field:
    """One body of the council (COMMITTEES): the full council or a standing committee."""
    return Field("choice", True, help, choices=tuple(COMMITTEES))


def committees(help: str) -> Field:
    """A list of the council's standing committees, one per line, each one of COMMITTEES."""
    return Field("texts", help=help, choices=tuple(name for name in COMMITTEES if name != "full-council"))
