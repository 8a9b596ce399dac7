"""Development projects: budget, spending, progress and state, with downloads."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON, WARD, an_image
from kit_types.registry import ContentType

PROJECT_SECTORS = ("water", "health", "education", "roads", "agriculture", "livestock", "energy",
                   "trade", "governance", "environment", "other")
PROJECT_STATES = ("ongoing", "planned", "stalled", "completed")
PROJECT = COMMON | {
    "sector": Field("choice", True, choices=PROJECT_SECTORS),
    "state": Field("choice", True, "whether the work is planned, ongoing, completed or stalled",
                   choices=PROJECT_STATES),
    "location": Field("mapping", True, fields=WARD, shared=True),
    "funders": Field("texts", True),
    "budget": Field("number", True, "the total budget, digits only"),
    "spent": Field("number", help="the amount spent so far, digits only"),
    "currency": Field("text", True, "e.g. TZS or USD", shared=True),
    "progress": Field("number", True, "percent of the work done, 0 to 100", minimum=0, maximum=100),
    "start": Field("date", help="YYYY-MM-DD"),
    "end": Field("date", help="YYYY-MM-DD, planned or actual", not_before="start"),
    "contractor": Field("text"),
    "photos": Field("mappings", fields={"file": an_image(True), "caption": Field("text", True)}, shared=True),
}


def _iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else str(value))


def project_row(item, siteurl: str) -> dict:
    location = getattr(item, "location", {}) or {}
    return {"key": item.key, "title": item.title, "url": f"{siteurl}/{item.url}", "sector": item.sector,
            "state": item.state, "ward": location.get("ward", ""), "village": location.get("village", ""),
            "funders": "; ".join(map(str, item.funders)), "currency": item.currency, "budget": item.budget,
            "spent": getattr(item, "spent", None), "progress": item.progress,
            "start": _iso(getattr(item, "start", None)), "end": _iso(getattr(item, "end", None))}


def by_state(item) -> tuple:
    state = str(getattr(item, "state", ""))
    rank = PROJECT_STATES.index(state) if state in PROJECT_STATES else len(PROJECT_STATES)
    return (rank, -float(getattr(item, "progress", 0)), item.key)


TYPE = ContentType(
    "projects", N_("Development projects"), PROJECT,
    "Projects with budget, spending, progress and state. Listings by state and sector with totals; "
    "CSV and JSON downloads.",
    120, template="projects/item", listing="typelist", facets=("state", "sector"), order=by_state,
    rows=project_row,
    labels={"water": N_("Water"), "health": N_("Health"), "education": N_("Education"), "roads": N_("Roads"),
            "agriculture": N_("Agriculture"), "livestock": N_("Livestock"), "energy": N_("Energy"),
            "trade": N_("Trade"), "governance": N_("Governance"), "environment": N_("Environment"),
            "other": N_("Other"), "planned": N_("Planned"), "ongoing": N_("Ongoing"),
            "completed": N_("Completed"), "stalled": N_("Stalled")},
    example={"sector": "water", "state": "planned", "location": {"ward": "..."}, "funders": ["..."],
             "budget": 0, "currency": "TZS", "progress": 0})
