"""The content types: one folder each under types/, found by the registry.

`register()` makes the build use the registry: the types of KIT_TYPE_PATHS join
the built-in ones, the sections that content/site.yaml chooses become Pelican's
article and page paths, and the type folders are searched for templates.
"""

from pelican import signals

from .guide import markdown_guide
from .registry import ContentType, chosen, label, listings, types, use_paths


def apply_registry(pelican) -> None:
    """Pelican's paths and template folders from the registry and the chosen sections."""
    settings = pelican.settings
    sections = chosen(settings)
    settings["ARTICLE_PATHS"] = [name for name, kind in sections.items() if kind.article]
    settings["PAGE_PATHS"] = [name for name, kind in sections.items() if not kind.article]
    roots = sorted({str(kind.path.parent) for kind in types().values()})
    settings["THEME_TEMPLATES_OVERRIDES"] = [*settings.get("THEME_TEMPLATES_OVERRIDES", []),
                                             *(root for root in roots
                                               if root not in settings.get("THEME_TEMPLATES_OVERRIDES", []))]


def register() -> None:
    # initialized: after kit_identity has loaded the types and read the sections, before any generator is made.
    signals.initialized.connect(apply_registry)


__all__ = ["ContentType", "apply_registry", "chosen", "label", "listings", "markdown_guide", "register", "use_paths",
           "types"]
