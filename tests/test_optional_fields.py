"""Leaving out an optional field never crashes a build: items with only their required fields."""

from __future__ import annotations

from fixture_site import FILES, Case, assert_neutralised


def without(name: str, *fields: str) -> str:
    """The tiny site's item `name` with the listed top-level fields (and their indented lines) left out."""
    kept, skipping = [], False
    for line in FILES[name].splitlines(keepends=True):
        if not line.startswith(" "):
            skipping = line.split(":")[0] in fields
        if not skipping:
            kept.append(line)
    return "".join(kept)


MINIMAL = Case("only required fields", {
    "projects/maji.md": without("projects/maji.md", "spent"),
    "events/2026-12-09-sherehe.md": without("events/2026-12-09-sherehe.md", "summary"),
    "tenders/zabuni.md": without("tenders/zabuni.md", "documents"),
    "investments/shamba.md": without("investments/shamba.md").replace("  phone: \"+255 754 000 120\"\n", ""),
    "galleries/picha.md": without("galleries/picha.md", "photos"),
    "news/2026-11-01-habari.md": without("news/2026-11-01-habari.md", "summary"),
    "units/planning.md": "---\ntitle: Mipango\nfunctions:\n  - Kupanga\n---\n",
}, ())


def test_items_with_only_their_required_fields_build(tmp_path):
    site = assert_neutralised(tmp_path, MINIMAL)
    project = (site / "projects" / "maji" / "index.html").read_text(encoding="utf-8")
    assert "Mradi wa maji" in project and "spent" not in MINIMAL.files["projects/maji.md"]
