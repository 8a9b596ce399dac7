"""The government content types: one schema declaration per content folder.

Each `ContentType` names its folder, its schema (checked by kit_frontmatter), the
template of its items, whether its listing paginates and which of its choice
fields get one listing page per value. The same declarations drive `make new`
(kit_scaffold), the generated guide `docs/content-types.md` (`markdown_guide()`)
and the labels of choice values, which the theme translates through the catalogs.
Importing this module adds the schemas to `kit_frontmatter.SCHEMAS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit_frontmatter.kit_frontmatter import COMMON, SCHEMAS
from kit_links.kit_links import N_
from kit_schema import Field


WITHOUT_TITLE = {name: spec for name, spec in COMMON.items() if name != "title"}
MOMENT = "YYYY-MM-DD for a whole day, or YYYY-MM-DD HH:MM"
ZONE = "a time zone such as Africa/Dar_es_Salaam; the site's own when left out"
FILE = "a file under content/files/, written files/folder/name.pdf"
IMAGE = "an image under content/images/, written images/folder/name.jpg"

LABELS: dict[str, str] = {
    # publication types
    "report": N_("Report"), "guideline": N_("Guideline"), "by-law": N_("By-law"),
    "strategic-plan": N_("Strategic plan"), "service-charter": N_("Service charter"),
    "brochure": N_("Brochure"), "newsletter": N_("Newsletter"), "form": N_("Form"),
    # tender types
    "tender": N_("Tender"), "vacancy": N_("Vacancy"), "expression-of-interest": N_("Expression of interest"),
    # sectors
    "agriculture": N_("Agriculture"), "livestock": N_("Livestock"), "fisheries": N_("Fisheries"),
    "forestry": N_("Forestry"), "tourism": N_("Tourism"), "industry": N_("Industry"),
    "mining": N_("Mining"), "trade": N_("Trade"), "energy": N_("Energy"),
    "real-estate": N_("Real estate"), "water": N_("Water"), "health": N_("Health"),
    "education": N_("Education"), "roads": N_("Roads"), "governance": N_("Governance"),
    "environment": N_("Environment"), "other": N_("Other"),
    # states
    "planned": N_("Planned"), "ongoing": N_("Ongoing"), "completed": N_("Completed"),
    "stalled": N_("Stalled"), "open": N_("Open"), "under-negotiation": N_("Under negotiation"),
    "taken": N_("Taken"),
    # size units
    "hectares": N_("hectares"), "acres": N_("acres"), "square-metres": N_("square metres"),
    "units": N_("units"),
}
PUBLICATION_TYPES = ("report", "guideline", "by-law", "strategic-plan", "service-charter",
                     "brochure", "newsletter", "form")
TENDER_TYPES = ("tender", "vacancy", "expression-of-interest")
INVESTMENT_SECTORS = ("agriculture", "livestock", "fisheries", "forestry", "tourism", "industry",
                      "mining", "trade", "energy", "real-estate", "other")
PROJECT_SECTORS = ("water", "health", "education", "roads", "agriculture", "livestock", "energy",
                   "trade", "governance", "environment", "other")
PROJECT_STATES = ("ongoing", "planned", "stalled", "completed")
INVESTMENT_STATES = ("open", "under-negotiation", "taken")
SIZE_UNITS = ("hectares", "acres", "square-metres", "units")

WARD = {"ward": Field("text", True), "village": Field("text", help="village or street")}
EVENT = COMMON | {
    "start": Field("date", True, MOMENT),
    "end": Field("date", help=MOMENT + "; not before the start"),
    "timezone": Field("text", help=ZONE),
    "venue": Field("text", True, "the place, e.g. Council hall, Mlimani"),
    "organiser": Field("text", True, "the unit or body that runs the event"),
    "online": Field("url", help="a page with more details or a live stream"),
}
TENDER = COMMON | {
    "type": Field("choice", True, choices=TENDER_TYPES),
    "reference": Field("text", True, "the reference number, e.g. LGA/120/2026/W/04"),
    "date": Field("date", help="the day it was advertised"),
    "closes": Field("date", True, "closing date and time, YYYY-MM-DD HH:MM"),
    "timezone": Field("text", help=ZONE),
    "how_to_apply": Field("text", True, "one or two sentences on how and where to apply"),
    "documents": Field("mappings", fields={"title": Field("text", True), "file": Field("text", True, FILE)}),
    "email": Field("email"),
    "phone": Field("text"),
}
PUBLICATION = COMMON | {
    "type": Field("choice", True, choices=PUBLICATION_TYPES),
    "date": Field("date", True, "the day it was published"),
    "file": Field("text", True, FILE),
}
PERSON = WITHOUT_TITLE | {
    "name": Field("text", True, "the person's name, with Mr, Ms or Dr if used"),
    "position": Field("text", True, "the job title, e.g. District Executive Director"),
    "unit": Field("text", True, "the file name of a unit in content/units/, e.g. ict"),
    "phone": Field("text"),
    "email": Field("email"),
    "photo": Field("text", help=IMAGE),
    "order": Field("number", help="position in the unit's list; 1 comes first"),
}
SERVICE = COMMON | {
    "eligibility": Field("text", True, "who can get the service"),
    "requirements": Field("texts", True, "what to bring, one per line"),
    "fees": Field("text", True, "the fee, e.g. TZS 20,000, or Free"),
    "time_taken": Field("text", True, "how long it takes, e.g. 3 working days"),
    "where": Field("text", True, "the office where it is given"),
    "when": Field("text", help="the days and hours"),
    "unit": Field("text", True, "the file name of the responsible unit, e.g. planning"),
    "online": Field("url", help="where to apply online, if possible"),
}
QUESTION = COMMON | {
    "topic": Field("text", True, "the group the question is listed under"),
    "order": Field("number", help="position within its topic"),
}
PROJECT = COMMON | {
    "sector": Field("choice", True, choices=PROJECT_SECTORS),
    "state": Field("choice", True, "whether the work is planned, ongoing, completed or stalled",
                   choices=PROJECT_STATES),
    "location": Field("mapping", True, fields=WARD),
    "funders": Field("texts", True),
    "budget": Field("number", True, "the total budget, digits only"),
    "spent": Field("number", help="the amount spent so far, digits only"),
    "currency": Field("text", True, "e.g. TZS or USD"),
    "progress": Field("number", True, "percent of the work done, 0 to 100"),
    "start": Field("date", help="YYYY-MM-DD"),
    "end": Field("date", help="YYYY-MM-DD, planned or actual"),
    "contractor": Field("text"),
    "photos": Field("mappings", fields={"file": Field("text", True, IMAGE), "caption": Field("text", True)}),
}
INVESTMENT = COMMON | {
    "sector": Field("choice", True, choices=INVESTMENT_SECTORS),
    "state": Field("choice", True, "whether it is still open to investors", choices=INVESTMENT_STATES),
    "location": Field("mapping", True, fields=WARD),
    "size": Field("mapping", True, fields={"amount": Field("number", True),
                                           "unit": Field("choice", True, choices=SIZE_UNITS)}),
    "land_status": Field("text", help="e.g. surveyed, free of claims"),
    "tenure": Field("text", help="e.g. granted right of occupancy, 99 years"),
    "infrastructure": Field("texts", help="roads, power, water nearby"),
    "incentives": Field("texts"),
    "capital": Field("mapping", fields={"amount": Field("number", True), "currency": Field("text", True)}),
    "contact": Field("mapping", True, fields={"name": Field("text", True), "phone": Field("text"),
                                              "email": Field("email")}),
    "prospectus": Field("text", help=FILE),
    "coordinates": Field("mapping", fields={"latitude": Field("number", True),
                                            "longitude": Field("number", True)}),
}
GALLERY = COMMON | {
    "date": Field("date", True, "the day the photos were taken"),
    "photographer": Field("text", help="credit for every photo unless a photo names its own"),
    "photos": Field("mappings", fields={"file": Field("text", True, IMAGE), "caption": Field("text", True),
                                        "photographer": Field("text")}),
    "videos": Field("mappings", fields={"poster": Field("text", True, IMAGE), "url": Field("url", True),
                                        "caption": Field("text", True), "duration": Field("text")}),
}
NUMBER = Field("number")
PROFILE = COMMON | {
    "location": Field("text", True, "where the district lies, in one or two sentences"),
    "area_km2": Field("number", True, "the area in square kilometres"),
    "population": Field("mapping", True, fields={"count": Field("number", True),
                                                 "census_year": Field("number", True)}),
    "administration": Field("mapping", True, fields={"divisions": NUMBER, "wards": Field("number", True),
                                                     "villages": NUMBER, "streets": NUMBER}),
    "climate": Field("text"),
    "economy": Field("texts", True, "the main economic activities"),
    "social_services": Field("mapping", fields={
        "primary_schools": NUMBER, "secondary_schools": NUMBER, "hospitals": NUMBER,
        "health_centres": NUMBER, "dispensaries": NUMBER,
        "water_coverage": Field("number", help="percent of people with clean water")}),
    "facts": Field("mappings", fields={"label": Field("text", True), "value": Field("text", True)}),
    "charts": Field("mappings", fields={
        "title": Field("text", True), "unit": Field("text"),
        "bars": Field("mappings", True, fields={"label": Field("text", True), "value": Field("number", True)})}),
}
FEEDBACK = COMMON | {
    "sms": Field("text", help="a number or short code for text messages"),
    "response_time": Field("text", help="how soon the institution answers"),
}


@dataclass(frozen=True)
class ContentType:
    """A content folder: its schema, item template, listing and facets."""

    folder: str
    title: str
    schema: dict[str, Field]
    template: str
    description: str
    listing: str | None = None  # the listing template, None when the type has none
    facets: tuple[str, ...] = ()  # choice fields with one listing page per value
    single: bool = False  # one page at the folder's own address, e.g. profile/
    example: dict = field(default_factory=dict)  # values `make new` writes for required fields


TYPES: dict[str, ContentType] = {t.folder: t for t in (
    ContentType("events", N_("Events"), EVENT, "event", "Meetings, campaigns and ceremonies, with dates, "
                "venue and organiser. Upcoming and past listings; a calendar file per event and one feed.",
                "typelist", example={"start": "{date} 09:00", "venue": "...", "organiser": "..."}),
    ContentType("tenders", N_("Tenders and vacancies"), TENDER, "tender", "Tenders, vacancies and "
                "expressions of interest. Open and closed listings; a closed item stays published.",
                "typelist", ("type",), example={"type": "tender", "reference": "...", "closes": "{date} 10:00",
                                                "how_to_apply": "..."}),
    ContentType("publications", N_("Publications"), PUBLICATION, "publication", "Reports, guidelines, by-laws, "
                "plans, charters, brochures, newsletters and forms, each with its file; type, size and "
                "page count are computed when the site is built.", "typelist", ("type",),
                example={"type": "report", "date": "{date}", "file": "files/publications/{slug}.pdf"}),
    ContentType("people", N_("Staff directory"), PERSON, "person", "Leaders and staff: shown on their unit's "
                "page and in the directory.", "people",
                example={"name": "{title}", "position": "...", "unit": "communication"}),
    ContentType("services", N_("Services to citizens"), SERVICE, "service", "What each service is, who can "
                "get it, what to bring, fees, time, where and the responsible unit; listed on pages/services.",
                example={"eligibility": "...", "requirements": ["..."], "fees": "...", "time_taken": "...",
                         "where": "...", "unit": "planning"}),
    ContentType("faq", N_("Frequently asked questions"), QUESTION, "question", "One question per file (the "
                "title), its answer in the text, grouped by topic.", "faq", example={"topic": "..."}),
    ContentType("projects", N_("Development projects"), PROJECT, "project", "Projects with budget, spending, "
                "progress and state. Listings by state and sector with totals; CSV and JSON downloads.",
                "typelist", ("state", "sector"),
                example={"sector": "water", "state": "planned", "location": {"ward": "..."},
                         "funders": ["..."], "budget": 0, "currency": "TZS", "progress": 0}),
    ContentType("investments", N_("Investment opportunities"), INVESTMENT, "investment", "Areas offered to "
                "investors. Listings by sector and state; CSV and JSON downloads.", "typelist",
                ("sector", "state"), example={"sector": "agriculture", "state": "open", "location": {"ward": "..."},
                                             "size": {"amount": 1, "unit": "hectares"},
                                             "contact": {"name": "..."}}),
    ContentType("galleries", N_("Photos and videos"), GALLERY, "gallery", "Albums of photos with captions and "
                "credit; a video is a poster image and a link.", "typelist", example={"date": "{date}"}),
    ContentType("profile", N_("District profile"), PROFILE, "profile", "The district's profile: one file per "
                "language, profile.md, shown at profile/.", single=True,
                example={"location": "...", "area_km2": 0, "population": {"count": 0, "census_year": 2022},
                         "administration": {"wards": 0}, "economy": ["..."]}),
    ContentType("feedback", N_("Feedback and complaints"), FEEDBACK, "feedback", "Every way to give feedback or "
                "complain, from content/site.yaml; one file per language, feedback.md, shown at feedback/.",
                single=True),
)}
LISTED_TYPES = tuple(name for name, kind in TYPES.items() if kind.listing)


def label(value: str) -> str:
    """The English label of a choice value (the msgid the catalogs translate)."""
    return LABELS.get(str(value), str(value))


def _field_row(name: str, spec: Field, prefix: str = "") -> list[str]:
    """Rows of the guide's table for one field and what it contains."""
    what = {"choice": "one of: " + ", ".join(f"`{c}`" for c in spec.choices)}.get(spec.kind, spec.kind)
    rows = [f"| `{prefix}{name}` | {'yes' if spec.required else ''} | {what} | {spec.help} |"]
    for inner, inner_spec in spec.fields.items():
        joiner = "[]." if spec.kind == "mappings" else "."
        rows += _field_row(inner, inner_spec, f"{prefix}{name}{joiner}")
    return rows


def markdown_guide() -> str:
    """docs/content-types.md, generated from TYPES; a test keeps the file up to date."""
    lines = ["# Content types", "",
             "<!-- Generated from plugins/kit_types/kit_types.py by "
             "`.venv/bin/python plugins/kit_types/write_docs.py`; do not edit by hand. -->", "",
             "Each folder under `content/` holds one kind of item. Its fields are checked when the site "
             "is built; a mistake stops the build with the file, line, field and what to write instead. "
             "`make new KIND=<folder> TITLE=\"...\"` writes a new file with every required field.", ""]
    for kind in TYPES.values():
        lines += [f"## {kind.title} (`content/{kind.folder}/`)", "", kind.description, ""]
        if kind.facets:
            lines += ["Listings per value of: " + ", ".join(f"`{f}`" for f in kind.facets) + ".", ""]
        lines += ["| Field | Required | What to write | Notes |", "| --- | --- | --- | --- |"]
        for name, spec in kind.schema.items():
            lines += _field_row(name, spec)
        lines.append("")
    return "\n".join(lines)


SCHEMAS.update({name: kind.schema for name, kind in TYPES.items()})


def register() -> None:
    # No signal: importing this module adds the schemas to kit_frontmatter.SCHEMAS.
    pass
