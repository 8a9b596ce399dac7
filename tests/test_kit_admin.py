"""kit_admin: /admin/ is generated from the registry, validates against the CMS's schema, and leaks nowhere.

Each rule is checked on the tiny fixture site built into a temp folder, with the
`editor:` section added to its site.yaml; the schema is the one shipped in the
installed npm package (node_modules/@sveltia/cms/schema/sveltia-cms.json).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, build, files_of
from fixture_site import FAST, staged_build, tiny_site, write
from kit_admin.bundle import missing
from kit_admin.widgets import editor_field
from kit_schema import Field
from kit_types import types

SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
EDITOR = "editor:\n  backend: github\n  repo: majaribio/tovuti\n  branch: main\n"
WIDGETS = {"string", "text", "markdown", "datetime", "select", "number", "boolean", "list", "object", "image",
           "file", "relation"}


def with_editor(folder: Path, editor: str = EDITOR) -> Path:
    content = tiny_site(folder)
    write(content / "site.yaml", (content / "site.yaml").read_text(encoding="utf-8") + editor)
    return content


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("admin")
    return build(folder / "out", with_editor(folder), CACHE_PATH=str(folder / "cache"), **FAST)


@pytest.fixture(scope="module")
def config(admin_site) -> dict:
    return yaml.safe_load((admin_site / "admin" / "config.yml").read_text(encoding="utf-8"))


def schema_errors(config: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(config)]


def every_field(fields: list[dict]):
    for field in fields:
        yield field
        yield from every_field(field.get("fields", []))


def test_the_configuration_validates_against_the_cms_schema(config):
    assert schema_errors(config) == []
    broken = copy.deepcopy(config)
    broken["i18n"]["structure"] = "one_file_per_language"
    broken["collections"][0]["fields"][0]["pattern"] = 5
    assert len(schema_errors(broken)) == 2, "the schema finds mistakes, so the check above can fail"


def test_every_chosen_type_is_a_collection_in_the_kit_s_layout(config):
    collections = {collection["name"]: collection for collection in config["collections"]}
    assert list(collections) == [*types(), "site"]
    news = collections["news"]
    assert (news["folder"], news["i18n"], news["create"]) == ("content/news", True, True)
    assert news["slug"] == "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
    assert collections["pages"]["slug"] == "{{slug}}"
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["sw", "en"], "default_locale": "sw",
                              "omit_default_locale_from_file_path": True, "initial_locales": "all"}
    for collection in config["collections"]:
        for field in every_field(collection.get("fields", []) + sum((f["fields"] for f in collection.get(
                "files", [])), [])):
            assert field["widget"] in WIDGETS, (collection["name"], field)


def test_fields_mirror_the_registry(config):
    news = {field["name"]: field for field in config["collections"][0]["fields"]}
    assert "lang" not in news and "key" not in news, "taken from the file name"
    assert news["title"] | {} == {"name": "title", "label": "Title", "widget": "string", "i18n": True,
                                  "required": True}
    assert (news["date"]["widget"], news["date"]["i18n"], news["date"]["required"]) == ("datetime", "duplicate", True)
    assert [option["value"] for option in news["status"]["options"]] == ["published", "draft", "hidden"]
    assert news["campaigns"] | {} == news["campaigns"] | {"widget": "relation", "collection": "campaigns",
                                                          "multiple": True}
    assert news["body"]["widget"] == "markdown"
    tenders = {field["name"]: field for field in config["collections"][[c["name"] for c in config["collections"]]
                                                                       .index("tenders")]["fields"]}
    document = {field["name"]: field for field in tenders["documents"]["fields"]}
    assert (tenders["documents"]["widget"], tenders["documents"]["i18n"]) == ("list", "duplicate")
    assert document["file"] | {} == document["file"] | {"widget": "file", "media_folder": "/content/files",
                                                        "public_folder": "/files", "required": True}


def test_kinds_and_rules_become_widgets_and_checks():
    labels, chosen, codes = {"water": "Water"}, {"units"}, ["sw", "en", "fa"]
    assert editor_field("progress", Field("number", minimum=0, maximum=100), labels, chosen, codes) == {
        "name": "progress", "label": "Progress", "widget": "number", "value_type": "float", "min": 0, "max": 100,
        "i18n": "duplicate", "required": False}
    assert editor_field("email", Field("email", True), labels, chosen, codes)["pattern"][0].startswith("^[^@")
    assert editor_field("sector", Field("choice", True, choices=("water",)), labels, chosen, codes)["options"] == [
        {"label": "Water", "value": "water"}]
    assert editor_field("unit", Field("text", True, refers="units"), labels, chosen, codes)["widget"] == "relation"
    assert editor_field("unit", Field("text", True, refers="units"), labels, set(), codes)["widget"] == "string"
    photo = editor_field("photo", Field("text", under="images"), labels, chosen, codes)
    assert (photo["widget"], photo["i18n"]) == ("image", "duplicate")
    name = editor_field("name", Field("translated", True), labels, chosen, codes, translatable=False)
    assert "i18n" not in name and [(f["name"], f["required"]) for f in name["fields"]] == [
        ("sw", True), ("en", False), ("fa", False)]


def test_media_go_where_the_kit_expects_them_within_its_limits(config):
    assert (config["media_folder"], config["public_folder"]) == ("content/images", "/images")
    assert config["media_libraries"]["default"]["config"]["max_file_size"] == 20_000_000
    assert config["media_libraries"]["stock_assets"] is False
    assert config["output"] == {"omit_empty_optional_fields": True}


def test_the_backend_comes_from_site_yaml(config, tmp_path):
    assert (config["backend"], config["publish_mode"]) == (
        {"name": "github", "repo": "majaribio/tovuti", "branch": "main"}, "simple")
    gitlab = "editor:\n  backend: gitlab\n  repo: tamisemi/mlimani/tovuti\n  api_root: https://git.go.tz/api/v4\n" \
             "  workflow: true\n"
    site = build(tmp_path / "out", with_editor(tmp_path, gitlab), CACHE_PATH=str(tmp_path / "cache"), **FAST)
    written = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert (written["backend"], written["publish_mode"]) == ({
        "name": "gitlab", "repo": "tamisemi/mlimani/tovuti", "branch": "main", "api_root": "https://git.go.tz/api/v4"},
        "editorial_workflow")
    assert "connect-src 'self' blob: data: https://git.go.tz;" in (site / "admin" / "index.html").read_text()
    assert "connect-src 'self' blob: data: https://git.go.tz;" in (site / "_headers").read_text()


@pytest.mark.parametrize("editor, expected", [
    ("  backend: gitea\n  repo: a/b\n  workflow: true\n", "editor.workflow: gitea has no review workflow"),
    ("  backend: github\n  repo: just-a-name\n", "editor.repo: 'just-a-name' is not a repository"),
    ("  backend: gitea\n  repo: a/b\n  api_root: http://git.example.go.tz/api/v1\n", "editor.api_root: "),
    ("  backend: bitbucket\n  repo: a/b\n", "editor.backend"),
])
def test_a_mistake_in_editor_stops_the_build_naming_the_field(tmp_path, editor, expected):
    outcome = staged_build(with_editor(tmp_path, "editor:\n" + editor), tmp_path / "out")
    assert outcome.code != 0 and "content/site.yaml" in outcome.message and expected in outcome.message, outcome


def test_citizens_pages_are_the_same_with_or_without_the_editor(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # both builds at one moment
    sites = [build(tmp_path / name / "out", content(tmp_path / name), CACHE_PATH=str(tmp_path / "cache"), **FAST)
             for name, content in (("with", with_editor), ("without", tiny_site))]
    with_admin, without = map(files_of, sites)
    assert {path for path in with_admin if path.startswith("admin/")} == {
        "admin/index.html", "admin/config.yml", "admin/fonts.css", "admin/sveltia-cms-0.221.1.js",
        "admin/fonts/material-symbols-outlined-latin-wght-normal.woff2",
        "admin/fonts/source-sans-3-latin-wght-normal.woff2"}
    changed = sorted(path for path in with_admin.keys() | without.keys()
                     if not path.startswith("admin/") and with_admin.get(path) != without.get(path))
    assert changed == ["_headers"], "only the hosts' header rules gain /admin/"
    for path, data in with_admin.items():
        if not path.startswith("admin/") and path != "_headers":
            assert b"/admin" not in data and b"sveltia" not in data.lower(), path


def test_the_editor_s_page_is_kept_out_of_search_engines(admin_site):
    page = (admin_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "cdn" not in page.lower() and 'src="sveltia-cms-0.221.1.js"' in page
    assert b"admin" not in (admin_site / "sitemap.xml").read_bytes()
    headers = (admin_site / "_headers").read_text(encoding="utf-8")
    assert "/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'self'" in headers
    assert "X-Robots-Tag: noindex, nofollow" in headers


def test_without_the_npm_package_the_build_says_so_and_leaves_admin_out(tmp_path, capfd, monkeypatch):
    monkeypatch.delenv("KIT_ADMIN_MODULES", raising=False)  # `invoke test` names the checkout's
    project = tmp_path / "project"
    write(project / "package-lock.json", (ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert "@sveltia/cms 0.221.1 is needed but it is not installed" in missing(project)
    site = build(tmp_path / "out", with_editor(tmp_path), CACHE_PATH=str(tmp_path / "cache"),
                 KIT_ADMIN_PROJECT=str(project), **FAST)
    assert not (site / "admin").exists()
    said = capfd.readouterr().err
    assert "The browser editor was left out of this build (no /admin/)" in said and "npm ci" in said
    assert missing(ROOT) is None, "the kit's own node_modules holds the locked versions (run `npm ci`)"
    monkeypatch.setenv("KIT_ADMIN_MODULES", str(ROOT / "node_modules"))
    assert missing(project) is None, "a publish's export uses the checkout's packages, checked against its lock"
