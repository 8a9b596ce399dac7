"""Investment opportunities: areas offered to investors, with downloads."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON, FILE, WARD, a_file
from kit_types.registry import ContentType

INVESTMENT_SECTORS = ("agriculture", "livestock", "fisheries", "forestry", "tourism", "industry",
                      "mining", "trade", "energy", "real-estate", "other")
INVESTMENT_STATES = ("open", "under-negotiation", "taken")
SIZE_UNITS = ("hectares", "acres", "square-metres", "units")
INVESTMENT = COMMON | {
    "sector": Field("choice", True, choices=INVESTMENT_SECTORS),
    "state": Field("choice", True, "whether it is still open to investors", choices=INVESTMENT_STATES),
    "location": Field("mapping", True, fields=WARD, shared=True),
    "size": Field("mapping", True, fields={"amount": Field("number", True),
                                           "unit": Field("choice", True, choices=SIZE_UNITS)}, shared=True),
    "land_status": Field("text", help="e.g. surveyed, free of claims"),
    "tenure": Field("text", help="e.g. granted right of occupancy, 99 years"),
    "infrastructure": Field("texts", help="roads, power, water nearby"),
    "incentives": Field("texts"),
    "capital": Field("mapping", fields={"amount": Field("number", True), "currency": Field("text", True)},
                     shared=True),
    "contact": Field("mapping", True, fields={"name": Field("text", True), "phone": Field("text"),
                                              "email": Field("email")}),
    "prospectus": a_file(help=FILE),
    "coordinates": Field("mapping", fields={"latitude": Field("number", True, minimum=-90, maximum=90),
                                            "longitude": Field("number", True, minimum=-180, maximum=180)},
                         shared=True),
}


def prepare_investment(meta: dict, check, now) -> None:
    if check.infos.get("prospectus"):
        meta["prospectus_info"] = check.infos["prospectus"]


def investment_data(context, item) -> dict:
    data = {"@type": "Place", "name": item.title}
    place = getattr(item, "coordinates", None)
    if place:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place["latitude"], "longitude": place["longitude"]}
    return data


def investment_row(item, siteurl: str) -> dict:
    location, size = getattr(item, "location", {}) or {}, item.size
    capital, place = getattr(item, "capital", None) or {}, getattr(item, "coordinates", None) or {}
    contact = item.contact
    return {"key": item.key, "title": item.title, "url": f"{siteurl}/{item.url}", "sector": item.sector,
            "state": item.state, "ward": location.get("ward", ""), "village": location.get("village", ""),
            "size": size.get("amount"), "size_unit": size.get("unit"),
            "land_status": getattr(item, "land_status", ""), "tenure": getattr(item, "tenure", ""),
            "capital": capital.get("amount"), "currency": capital.get("currency", ""),
            "contact": contact.get("name", ""), "phone": contact.get("phone", ""), "email": contact.get("email", ""),
            "latitude": place.get("latitude"), "longitude": place.get("longitude")}


def by_state(item) -> tuple:
    state = str(getattr(item, "state", ""))
    rank = INVESTMENT_STATES.index(state) if state in INVESTMENT_STATES else len(INVESTMENT_STATES)
    return (rank, item.title, item.key)


TYPE = ContentType(
    "investments", N_("Investment opportunities"), INVESTMENT,
    "Areas offered to investors. Listings by sector and state; CSV and JSON downloads.",
    130, template="investments/item", listing="typelist", facets=("sector", "state"), order=by_state,
    prepare=prepare_investment, structured=investment_data, rows=investment_row,
    labels={"agriculture": N_("Agriculture"), "livestock": N_("Livestock"), "fisheries": N_("Fisheries"),
            "forestry": N_("Forestry"), "tourism": N_("Tourism"), "industry": N_("Industry"),
            "mining": N_("Mining"), "trade": N_("Trade"), "energy": N_("Energy"),
            "real-estate": N_("Real estate"), "other": N_("Other"), "open": N_("Open"),
            "under-negotiation": N_("Under negotiation"), "taken": N_("Taken"),
            "hectares": N_("hectares"), "acres": N_("acres"), "square-metres": N_("square metres"),
            "units": N_("units")},
    example={"sector": "agriculture", "state": "open", "location": {"ward": "..."},
             "size": {"amount": 1, "unit": "hectares"}, "contact": {"name": "..."}})
