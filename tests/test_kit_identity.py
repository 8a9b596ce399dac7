"""The identity and menus: checked data, and plain errors that stop the build."""

from pathlib import Path

import pytest
import yaml

from conftest import build, copy_content
from kit_identity import languages_of, load_identity, load_menus
from kit_schema import BuildStopped


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_demo_identity_is_valid_and_gives_languages(tmp_path):
    content = copy_content(tmp_path)
    identity, problems = load_identity(content)
    assert problems == []
    assert [lang["code"] for lang in languages_of(identity)] == ["sw", "en", "fa"]
    assert languages_of(identity)[2]["dir"] == "rtl"
    menus, problems = load_menus(content, ("sw", "en", "fa"))
    assert problems == [] and menus["main"][0]["link"] == "/"


def test_missing_required_field_names_file_field_and_expectation(tmp_path):
    content = copy_content(tmp_path)
    edit_yaml(content / "site.yaml", lambda d: d["contact"].pop("email"))
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    message = str(stopped.value)
    assert "content/site.yaml" in message
    assert "contact.email: is missing; expected an e-mail address" in message
    assert not (tmp_path / "out" / "index.html").exists()


def test_malformed_yaml_gives_the_line(tmp_path):
    content = copy_content(tmp_path)
    path = content / "site.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "    en Mlimani District Council: : :"
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = load_identity(content)[1]
    assert problem.path == "content/site.yaml" and problem.line == 6
    assert "not valid YAML" in problem.message


def test_all_identity_problems_are_listed_together(tmp_path):
    content = copy_content(tmp_path)

    def break_it(data):
        data["institution"]["kind"] = "distric"
        data["contact"]["emial"] = data["contact"].pop("email")
        data["languages"]["default"] = "de"

    edit_yaml(content / "site.yaml", break_it)
    problems = [str(p) for p in load_identity(content)[1]]
    assert any("institution.kind: 'distric' is not allowed; did you mean 'district'?" in p for p in problems)
    assert any("contact.emial: unknown field; did you mean 'email'?" in p for p in problems)
    assert any("'de' is not among the available languages" in p for p in problems)


def test_a_menu_link_to_nowhere_stops_the_build(tmp_path):
    content = copy_content(tmp_path)
    edit_yaml(content / "menus.yaml", lambda d: d["main"][1].update(link="pages/abuot"))
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert "content/menus.yaml:" in str(stopped.value)
    assert "'pages/abuot' is not a page of this site; did you mean 'pages/about'?" in str(stopped.value)
