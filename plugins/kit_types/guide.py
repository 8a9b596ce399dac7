"""docs/content-types.md, written from the registry; a test keeps the file up to date."""

from __future__ import annotations

from kit_frontmatter.shared import is_shared
from kit_schema import Field
from .registry import types

INTRO = ("Each folder under `content/` holds one kind of item. Its fields are checked when the site is built; "
         "a mistake stops the build with the file, line, field and what to write instead. "
         "`make new KIND=<folder> TITLE=\"...\"` writes a new file with every required field. "
         "A site publishes the types that `sections:` in `content/site.yaml` lists (every type when it lists "
         "none). Each type is one folder of `plugins/kit_types/types/`; see docs/architecture.md. "
         "A field marked *shared* does not change with the language: a translation that leaves it out takes "
         "the original's, and one that writes another value stops the build (unless it is marked *may differ*); "
         "in a shared list of documents or photos, a translation writes its own titles and captions for the same "
         "files. `make new FROM=content/<folder>/<file>.md LANG_CODE=en` starts a translation with only the "
         "fields to translate.")


def _rule(spec: Field) -> str:
    """The rules declared on a field, in words."""
    rules = []
    if spec.minimum is not None or spec.maximum is not None:
        rules.append(f"from {spec.minimum:g} to {spec.maximum:g}")
    if spec.not_before:
        rules.append(f"not before `{spec.not_before}`")
    if spec.refers:
        rules.append(f"a file name in `content/{spec.refers}/`")
    if spec.under:
        rules.append(f"must exist under `content/{spec.under}/`")
    if is_shared(spec):
        rules.append("shared, may differ" if spec.may_differ else "shared")
    return "; ".join(rules)


def _field_row(name: str, spec: Field, prefix: str = "") -> list[str]:
    """Rows of the guide's table for one field and what it contains."""
    listed = ", ".join(f"`{c}`" for c in spec.choices)
    what = {"choice": "one of: " + listed, "texts": "a list, each one of: " + listed}.get(spec.kind, spec.kind) \
        if spec.choices else spec.kind
    notes = "; ".join(part for part in (spec.help, _rule(spec)) if part)
    rows = [f"| `{prefix}{name}` | {'yes' if spec.required else ''} | {what} | {notes} |"]
    for inner, inner_spec in spec.fields.items():
        joiner = "[]." if spec.kind in ("mappings", "texts_or_groups") else "."
        rows += _field_row(inner, inner_spec, f"{prefix}{name}{joiner}")
    return rows


def markdown_guide() -> str:
    """The whole guide: one section per type, in the registry's order."""
    lines = ["# Content types", "",
             "<!-- Generated from the type folders in plugins/kit_types/types/ by "
             "`.venv/bin/python plugins/kit_types/write_docs.py`; do not edit by hand. -->", "", INTRO, ""]
    for kind in types().values():
        lines += [f"## {kind.title} (`content/{kind.folder}/`)", "", kind.description, ""]
        if kind.facets:
            lines += ["Listings per value of: " + ", ".join(f"`{f}`" for f in kind.facets) + ".", ""]
        lines += ["| Field | Required | What to write | Notes |", "| --- | --- | --- | --- |"]
        for name, spec in kind.schema.items():
            lines += _field_row(name, spec)
        lines.append("")
    return "\n".join(lines)
