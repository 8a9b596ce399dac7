"""The registry: a content type is one folder, and everything else derives from it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from fixture_site import apply, staged_build, tiny_site

TYPE_PY = '''"""A register of complaints, added to a site as one folder."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import COMMON, a_unit
from kit_types.registry import ContentType

TYPE = ContentType(
    "complaints", N_("Complaints register"),
    COMMON | {"received": Field("date", True, "the day it came in"), "unit": a_unit("the unit that answers")},
    "Complaints received and how they were answered.",
    200, template="complaints/item", listing="typelist", order=lambda item: (item.key,),
    noun="complaint", example={"received": "{date}", "unit": "planning"})
'''
ITEM_HTML = '''{% extends "typed_item.html" %}
{% block facts %}<p class="kit-complaint">{{ page.received }} · {{ page.unit }}</p>{% endblock %}
'''
CARD_HTML = '''{%- macro meta(item) -%}{{ item.received }}{%- endmacro %}
{%- macro extra(item) %}{% endmacro %}
'''
STYLE_CSS = ".kit-complaint { font-weight: 700; }\n"
COMPLAINT = "---\ntitle: Maji hayatoki\nreceived: 2026-11-02\nunit: planning\n---\nMaji hayatoki tangu juzi.\n"


@pytest.fixture
def complaints_type(tmp_path) -> Path:
    """A folder of site types holding one type, complaints, and the registry restored afterwards."""
    from kit_types import use_paths

    folder = tmp_path / "types" / "complaints"
    folder.mkdir(parents=True)
    for name, text in {"type.py": TYPE_PY, "item.html": ITEM_HTML, "card.html": CARD_HTML,
                       "style.css": STYLE_CSS}.items():
        (folder / name).write_text(text, encoding="utf-8")
    yield folder.parent
    use_paths([])


def test_a_type_added_as_one_folder_gets_pages_listing_css_sitemap_menu_scaffold_and_docs(tmp_path, complaints_type):
    from kit_scaffold import write_item
    from kit_types import markdown_guide, use_paths

    content = tiny_site(tmp_path)
    menus = (content / "menus.yaml").read_text(encoding="utf-8")
    apply(content, {"complaints/bomba.md": COMPLAINT,
                    "menus.yaml": menus + "  - label: {sw: Malalamiko, en: Complaints}\n    link: complaints/\n"})
    outcome = staged_build(content, tmp_path / "output", KIT_TYPE_PATHS=[str(complaints_type)])
    assert outcome.code == 0, outcome.message
    site = tmp_path / "output"
    item = (site / "complaints" / "bomba" / "index.html").read_text(encoding="utf-8")
    assert '<p class="kit-complaint">' in item and "Maji hayatoki tangu juzi." in item
    assert ".kit-complaint{font-weight:700}" in item  # its style.css, inlined after the theme's rules
    listing = (site / "complaints" / "index.html").read_text(encoding="utf-8")
    assert 'href="/complaints/bomba/"' in listing and "kit-card--complaints" in listing
    assert (site / "en" / "complaints" / "index.html").is_file()
    assert 'href="/complaints/"' in (site / "index.html").read_text(encoding="utf-8")  # the menu reference
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/complaints/bomba/</loc>" in sitemap and "/complaints/</loc>" in sitemap
    use_paths([str(complaints_type)])
    assert "## Complaints register (`content/complaints/`)" in markdown_guide()
    assert ("| `unit` | yes | text | the unit that answers; a file name in `content/units/`; shared |"
            in markdown_guide())
    written = write_item(content, "complaints", "Barabara mbovu", "", datetime.datetime(2026, 11, 20, 9, 0))
    assert written.name == "barabara-mbovu.md"
    assert staged_build(content, tmp_path / "output", KIT_TYPE_PATHS=[str(complaints_type)]).code == 0


def test_a_rule_declared_on_a_field_of_an_added_type_is_checked(tmp_path, complaints_type):
    content = tiny_site(tmp_path)
    apply(content, {"complaints/bomba.md": COMPLAINT.replace("unit: planning", "unit: planing")})
    outcome = staged_build(content, tmp_path / "output", KIT_TYPE_PATHS=[str(complaints_type)])
    assert outcome.code != 0
    assert ("content/complaints/bomba.md:4: unit: 'planing' is not a unit of this site; did you mean 'planning'?"
            in outcome.message)


def test_without_the_folder_the_same_content_is_named_not_published(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"complaints/bomba.md": COMPLAINT})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0 and "content/complaints: 'complaints' is not a content folder" in outcome.message


def test_every_built_in_type_has_its_files_and_a_title_the_catalogs_translate():
    from kit_i18n import translate
    from kit_types import types

    for name, kind in types().items():
        assert kind.path.name == name and (kind.path / "type.py").is_file()
        if kind.template.startswith(f"{name}/"):
            assert kind.file("item.html"), f"{name}: no item.html"
        if kind.listing == "typelist":
            assert kind.file("card.html"), f"{name}: a typelist needs card.html"
        if kind.home:
            assert kind.file("home.html"), f"{name}: a home panel needs home.html"
        assert translate("sw", kind.title) != kind.title, f"{name}: '{kind.title}' has no Swahili translation"
