"""Which content types a site publishes and which panels its home page shows.

`sections:` in content/site.yaml lists the type folders the institution uses;
left out, every type of the registry is published (what a district council
needs). `home:` lists the home page's panels in order: a chosen type that has a
panel (news, announcements, events...) or `quick-links`; left out, the panels of
`DEFAULT_HOME` that the chosen types allow. Each name is checked against the
registry, with "did you mean".
"""

from __future__ import annotations

from kit_schema import Problem, did_you_mean

QUICK_LINKS = "quick-links"
DEFAULT_HOME = ("news", "profile", QUICK_LINKS, "announcements", "press-releases", "events", "tenders",
                "publications")
SECTIONS_HELP = "the content folders this site publishes, one per line, e.g. news, events, tenders"
HOME_HELP = "the home page's panels in order: chosen sections with a panel, and quick-links"


def listed(identity: dict, name: str) -> list[str]:
    """The names under `name:` (the schema names a value that is not a list)."""
    value = identity.get(name)
    return [str(entry) for entry in value] if isinstance(value, list) else []


def _where(lines: dict[str, int], name: str, number: int) -> int | None:
    return lines.get(f"{name}.{number}") or lines.get(name)


def section_problems(identity: dict, lines: dict[str, int], shown: str) -> list[Problem]:
    """A problem for each section that is not a content type, and each home panel that cannot be shown."""
    from kit_types import types

    registry = types()
    problems = [Problem(shown, _where(lines, "sections", number), f"sections.{number}",
                        f"'{name}' is not a content type{did_you_mean(str(name), registry)}; expected one of: "
                        f"{', '.join(registry)}")
                for number, name in enumerate(listed(identity, "sections")) if name not in registry]
    chosen = chosen_sections(identity)
    panels = [name for name, kind in registry.items() if kind.home]
    for number, name in enumerate(listed(identity, "home")):
        if name == QUICK_LINKS or (name in panels and (chosen is None or name in chosen)):
            continue
        if name in panels:
            reason = f"'{name}' is not among the sections; add it to sections, or remove it from home"
        else:
            reason = (f"'{name}' has no home-page panel{did_you_mean(name, panels + [QUICK_LINKS])}; expected one "
                      f"of: {', '.join(panels + [QUICK_LINKS])}")
        problems.append(Problem(shown, _where(lines, "home", number), f"home.{number}", reason))
    return problems


def chosen_sections(identity: dict) -> tuple[str, ...] | None:
    """The chosen type folders, or None for every type."""
    sections = listed(identity, "sections")
    return tuple(sections) if sections else None


def home_panels(identity: dict) -> list[str]:
    """The home page's panels in order, of the chosen types only."""
    from kit_types import types

    chosen = chosen_sections(identity)
    return [name for name in listed(identity, "home") or DEFAULT_HOME
            if name == QUICK_LINKS or (chosen is None or name in chosen) and types().get(name) and types()[name].home]
