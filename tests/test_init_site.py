"""`make init-site`: a new institution's content folder builds at once, in each of its languages.

Three institutions of issue 16 are generated into a temporary folder and built with
the kit: a Persian-only provincial office, a region in Swahili and English, and a
ministry in English and Swahili. Each must build, publish its home page and every
required page in each language, and carry nothing of the demo.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, files_of
from fixture_site import staged_build

from kit_scaffold.init_site import EMBLEM_SVG, EVERY_TYPE, PAGES, InitStopped, default_sections, init_site
from kit_uploads import svg_problem

INSTITUTIONS = {
    "provincial-office": {"name": "اداره‌ی کل استان آزمایشی", "kind": "provincial office", "languages": "fa",
                          "website": "https://www.azmayeshi.ir", "email": "info@azmayeshi.ir",
                          "phone": "+98 21 1234 5678", "timezone": "Asia/Tehran"},
    "region": {"name": "Ofisi ya Mkuu wa Mkoa wa Majaribio", "kind": "region", "languages": "sw,en",
               "website": "https://www.majaribio.go.tz", "email": "ras@majaribio.go.tz",
               "phone": "+255 26 232 1234"},
    "ministry": {"name": "Ministry of Test Affairs", "kind": "ministry", "languages": "sw,en", "default": "en",
                 "website": "https://www.test.go.tz", "email": "ps@test.go.tz", "phone": "+255 26 232 0000"},
}
# Words of the demo institution that no generated page may carry.
DEMO_WORDS = ("Mlimani", "ملیمانی", "mlimanidc", "Lumbe", "Mbuyuni", "Kisanga")
# Where each required page is published, after the language prefix.
ADDRESSES = {"about": "about/index.html", "contact": "contact/index.html", "privacy": "privacy/index.html",
             "accessibility": "accessibility/index.html", "404": "404.html"}


def generate(folder: Path, values: dict[str, str]) -> Path:
    content = folder / "content"
    init_site(values, content, interactive=False)
    return content


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_a_new_institution_builds_in_each_of_its_languages(tmp_path, institution):
    values = INSTITUTIONS[institution]
    content = generate(tmp_path, values)
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    site = tmp_path / "output"
    codes = values["languages"].split(",")
    default = values.get("default", codes[0])
    for code in codes:
        prefix = "" if code == default else f"{code}/"
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'lang="{code}"' in home and values["name"] in home, f"{prefix}index.html"
        for key in PAGES:
            assert (site / prefix / ADDRESSES[key]).is_file(), f"{prefix}{ADDRESSES[key]} is missing"
    for code in {"sw", "en", "fa"} - set(codes):
        assert not (site / code).exists(), f"{code}/ published for a site without {code}"
    published = {path: data.decode("utf-8", "replace") for path, data in files_of(site).items()
                 if path.endswith((".html", ".xml", ".txt", ".json", ".ics", ".yaml"))}
    for path, text in published.items():
        assert not [word for word in DEMO_WORDS if word in text], f"{path} holds the demo's text"
    chosen = default_sections(values["kind"]).split(",")
    unchosen = [f"/{name}/" for name in EVERY_TYPE if name not in chosen]
    assert not [path for path in published if any(segment in f"/{path}" for segment in unchosen)]
    assert (site / chosen[0] / "index.html").is_file()  # a chosen type has its listing, empty for now
    views = [path for path in published if "/page/" in path or "/type/" in path or "/state/" in path
             or "/sector/" in path or path.endswith(("past/index.html", "closed/index.html"))]
    assert views == [], f"empty views of types without items: {views[:5]}"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<section class=\"kit-panel\"" not in home and "<section class=\"kit-home__" not in home  # no empty panel


def test_the_provincial_office_is_persian_only_in_tehran_time(tmp_path):
    content = generate(tmp_path, INSTITUTIONS["provincial-office"])
    identity = (content / "site.yaml").read_text(encoding="utf-8")
    assert "kind: provincial-office" in identity and "timezone: Asia/Tehran" in identity
    assert "- tenders" not in identity and "- news" in identity  # an office that publishes no tenders
    assert sorted(path.name for path in (content / "pages").iterdir()) == sorted(f"{key}.md" for key in PAGES)
    assert "اینجا بنویسید" in (content / "pages" / "about.md").read_text(encoding="utf-8")


def test_nothing_of_the_demo_is_written(tmp_path):
    content = generate(tmp_path, INSTITUTIONS["region"])
    written = {path.relative_to(content).as_posix() for path in content.rglob("*") if path.is_file()}
    assert written == {"site.yaml", "menus.yaml", "images/emblem.svg",
                       *(f"pages/{key}{suffix}.md" for key in PAGES for suffix in ("", ".en"))}


def test_the_emblem_passes_the_svg_allowlist():
    assert svg_problem(EMBLEM_SVG.encode("utf-8")) is None


def test_a_folder_that_is_not_empty_is_not_overwritten(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "notes.md").write_text("the editor's work", encoding="utf-8")
    with pytest.raises(InitStopped, match="is not empty"):
        init_site(INSTITUTIONS["region"], content, interactive=False)
    assert [path.name for path in content.iterdir()] == ["notes.md"]
    init_site(INSTITUTIONS["region"], content, force=True, interactive=False)
    assert not (content / "notes.md").exists() and (content / "site.yaml").is_file()


def test_missing_options_are_listed_when_no_one_can_be_asked(tmp_path):
    values = {"name": "Ofisi", "languages": "sw"}
    with pytest.raises(InitStopped) as stopped:
        init_site(values, tmp_path / "content", interactive=False)
    assert "--kind --website --email --phone" in str(stopped.value)
    assert not (tmp_path / "content").exists()


def test_wrong_values_are_named_and_nothing_is_written(tmp_path):
    values = INSTITUTIONS["region"] | {"kind": "village", "languages": "sw,de", "website": "http://x.go.tz",
                                       "timezone": "Africa/Dar"}
    with pytest.raises(InitStopped) as stopped:
        init_site(values, tmp_path / "content", interactive=False)
    for option in ("--kind", "--languages", "--website", "--timezone"):
        assert option in str(stopped.value)
    assert not (tmp_path / "content").exists()


def test_the_command_runs_with_stdin_closed(tmp_path):
    values = INSTITUTIONS["ministry"]
    options = [f"--{option}={value}" for option, value in values.items()]
    command = [sys.executable, "-m", "invoke", "init-site", *options, f"--target={tmp_path / 'content'}"]
    ran = subprocess.run(command, cwd=ROOT, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0),
                         capture_output=True, text=True, timeout=120)  # file descriptor 0 closed
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "content" / "pages" / "about.sw.md").is_file()  # English is the default
    again = subprocess.run(command[:-1] + [f"--target={tmp_path / 'content'}"], cwd=ROOT, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode != 0 and "is not empty" in again.stderr
    short = [sys.executable, "-m", "invoke", "init-site", "--name=Ofisi", f"--target={tmp_path / 'other'}"]
    missing = subprocess.run(short, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert missing.returncode != 0 and "--kind" in missing.stderr and not (tmp_path / "other").exists()


def test_on_a_terminal_missing_values_are_asked_again_until_valid(tmp_path, capsys):
    from kit_scaffold.init_site import ask

    answers = iter(["Ofisi ya Wilaya", "village", "district", "sw,en", "", "https://www.wilaya.go.tz",
                    "info@wilaya.go.tz", "+255 22 000 0000", "", "news,evnts", ""])
    values = ask({}, read=lambda question: next(answers))
    assert values["kind"] == "district" and values["default"] == "sw"
    assert values["sections"] == default_sections("district") and "did you mean 'events'" in capsys.readouterr().out
    assert values["timezone"] == "Africa/Dar_es_Salaam"
