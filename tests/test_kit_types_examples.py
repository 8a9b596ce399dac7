"""Each type's example.md, rendered on its own on the tiny site: it builds, and its page and card show it."""

from __future__ import annotations

import pytest
import yaml

from fixture_site import FILES, apply, staged_build, tiny_site
from kit_types import types  # conftest puts plugins/ on the path


def example_site(folder, name: str):
    """The tiny site with no items but its pages and units, and the type's example as its one item."""
    kind = types()[name]
    content = tiny_site(folder)
    apply(content, {path: None for path in FILES if path.split("/")[0] not in ("pages", "units")})
    file_name = f"{name}.md" if kind.single else "mfano.md"
    apply(content, {f"{name}/{file_name}": kind.file("example.md").read_text(encoding="utf-8")})
    return content


EXAMPLES_DAY = "1795651200"  # 2026-11-26: the examples' open tenders and consultations are open on it


@pytest.mark.parametrize("name", list(types()))
def test_the_example_of_every_type_builds_and_shows(tmp_path, monkeypatch, name):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EXAMPLES_DAY)  # the same listings whatever day the tests run
    kind = types()[name]
    assert kind.file("example.md"), f"{name} has no example.md"
    content = example_site(tmp_path, name)
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    front = yaml.safe_load(kind.file("example.md").read_text(encoding="utf-8").split("---")[1])
    title = str(front.get("title") or front.get("name"))
    site = tmp_path / "output"
    address = f"{name}/" if kind.single else ("mfano/" if name == "pages" else f"{name}/mfano/")
    page = (site / address / "index.html").read_text(encoding="utf-8")
    assert f">{title}</h1>" in page
    if kind.listing:
        listing = (site / name / "index.html").read_text(encoding="utf-8")
        assert f'href="/{name}/mfano/"' in listing, f"{name}/: the example is not listed"
