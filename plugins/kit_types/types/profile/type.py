"""The district profile: one page of key facts, administration, economy and charts."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON, NUMBER
from kit_types.registry import ContentType

PROFILE = COMMON | {
    "location": Field("text", True, "where the district lies, in one or two sentences"),
    "area_km2": Field("number", True, "the area in square kilometres"),
    "population": Field("mapping", True, fields={"count": Field("number", True),
                                                 "census_year": Field("number", True)}, shared=True),
    "administration": Field("mapping", True, fields={"divisions": NUMBER, "wards": Field("number", True),
                                                     "villages": NUMBER, "streets": NUMBER}, shared=True),
    "climate": Field("text"),
    "economy": Field("texts", True, "the main economic activities"),
    "social_services": Field("mapping", fields={
        "primary_schools": NUMBER, "secondary_schools": NUMBER, "hospitals": NUMBER,
        "health_centres": NUMBER, "dispensaries": NUMBER,
        "water_coverage": Field("number", help="percent of people with clean water")}, shared=True),
    "facts": Field("mappings", fields={"label": Field("text", True), "value": Field("text", True)}),
    "charts": Field("mappings", fields={
        "title": Field("text", True), "unit": Field("text"),
        "bars": Field("mappings", True, fields={"label": Field("text", True), "value": Field("number", True)})}),
}

TYPE = ContentType(
    "profile", N_("District profile"), PROFILE,
    "The district's profile: one file per language, profile.md, shown at profile/.",
    150, template="profile/item", single=True, home="side",
    structured=lambda context, item: {"@type": "AdministrativeArea"},
    example={"location": "...", "area_km2": 0, "population": {"count": 0, "census_year": 2022},
             "administration": {"wards": 0}, "economy": ["..."]})
