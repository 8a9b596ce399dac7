"""Unit tests of the declarative YAML checks."""

import pytest

from kit_schema import BuildStopped, Field, check, load_yaml, parse_date

SCHEMA = {
    "title": Field("text", True),
    "email": Field("email"),
    "status": Field("choice", choices=("published", "draft")),
    "head": Field("mapping", fields={"name": Field("text", True)}),
}


def problems_of(text: str):
    data, lines, problems = load_yaml(text, "x.yaml")
    return problems or check(data, SCHEMA, "x.yaml", lines)


def test_valid_data_has_no_problem():
    assert problems_of("title: Habari\nemail: a@b.go.tz\nhead:\n  name: Juma\n") == []


def test_every_problem_is_reported_with_line_and_field():
    problems = problems_of("emial: a@b.go.tz\nstatus: publised\nhead:\n  title: x\n")
    rendered = [str(p) for p in problems]
    assert "x.yaml:1: emial: unknown field; did you mean 'email'?" in rendered
    assert any(r.startswith("x.yaml:2: status: 'publised' is not allowed; did you mean 'published'?")
               for r in rendered)
    assert any(r.startswith("x.yaml:4: head.title: unknown field") for r in rendered)
    assert any("title: is missing; expected a line of text" in r for r in rendered)
    assert any("head.name: is missing" in r for r in rendered)
    assert len(problems) == 5


def test_bad_email_names_what_is_expected():
    [problem] = problems_of("title: t\nemail: not-an-address\n")
    assert problem.line == 2 and "an e-mail address" in problem.message


def test_invalid_yaml_gives_its_line():
    [problem] = problems_of("title: t\n  bad: : indentation\n")
    assert problem.line == 2 and "not valid YAML" in problem.message


def test_dates_accept_editor_forms():
    assert parse_date("2026-11-10 09:30").hour == 9
    assert parse_date("2026-11-10").day == 10
    assert parse_date("10/11/2026") is None


def test_a_build_run_again_by_livereload_starts_clean_and_checks_every_file_again(tmp_path):
    """livereload runs one Pelican several times: a fixed mistake no longer stops it, a new one does."""
    from pelican import Pelican
    from pelican.settings import read_settings
    from conftest import ROOT
    from fixture_site import FAST, apply, good_site

    content, _ = good_site(tmp_path)
    settings = read_settings(str(ROOT / "pelicanconf.py"),
                             override={"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), **FAST})
    pelican = Pelican(settings)
    item = "---\ntitle: Habari\ndate: 2026-11-02\ncategory: Maji\n{field}: fupi\n---\nMaandishi.\n"
    apply(content, {"news/2026-11-02-habari.md": item.format(field="sumary")})
    with pytest.raises(BuildStopped, match="sumary: unknown field"):
        pelican.run()
    apply(content, {"news/2026-11-02-habari.md": item.format(field="summary")})
    pelican.run()
    assert (tmp_path / "out" / "news" / "2026-11-02-habari" / "index.html").is_file()
    apply(content, {"newz/2026-11-03-nyingine.md": item.format(field="summary")})
    with pytest.raises(BuildStopped, match="'newz' is not a content folder"):
        pelican.run()
