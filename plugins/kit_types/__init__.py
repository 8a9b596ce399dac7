"""The content types: one folder each under types/, found by the registry.

`apply_registry()` (a step of kit_build, after kit_identity has loaded the types of
KIT_TYPE_PATHS beside the built-in ones) makes the build use the registry: the sections
that content/site.yaml chooses become Pelican's article and page paths, and the type
folders are searched for templates.
"""

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


__all__ = ["ContentType", "apply_registry", "chosen", "label", "listings", "markdown_guide", "types", "use_paths"]
