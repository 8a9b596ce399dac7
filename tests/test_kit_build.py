"""The build's steps in their written order, its one list of problems, and the wall around Pelican."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican import Pelican
from pelican.plugins import signals
from pelican.settings import read_settings

from conftest import ROOT
from fixture_site import FAST, staged_build, tiny_site, write
from kit_build import problems
from kit_build.steps import STEPS, connect_steps
from kit_checks import kit_checks
from kit_compress import kit_compress
from kit_schema import BuildStopped, Problem

STALE = Problem("content/news/gone.md", 4, "title", "left over from an earlier build")


def test_reported_problems_are_listed_by_the_stop_then_forgotten():
    problems.clear()
    problems.report(Problem("content/a.md", 2, "date", "not a date"), Problem("content/b.md", None, "", "unreadable"))
    assert [str(p) for p in problems.reported()] == ["content/a.md:2: date: not a date", "content/b.md: unreadable"]
    with pytest.raises(BuildStopped) as stopped:
        problems.stop_on_problems()
    assert str(stopped.value) == ("The build stopped: 2 problem(s) to fix. Nothing was published.\n"
                                  "  - content/a.md:2: date: not a date\n  - content/b.md: unreadable")
    assert problems.reported() == []
    problems.stop_on_problems()  # nothing reported: the build goes on


def test_a_build_starts_without_the_problems_left_by_the_last_one(tmp_path):
    content = tiny_site(tmp_path)
    problems.report(STALE)  # as a build that failed on an error, not on its problems, leaves them
    assert staged_build(content, tmp_path / "out").code == 0
    assert (tmp_path / "out" / "index.html").is_file()
    assert problems.reported() == []


def test_one_pelican_run_again_stops_on_a_mistake_then_builds_once_it_is_fixed(tmp_path):
    content = tiny_site(tmp_path)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache"), **FAST})
    pelican = Pelican(settings)  # livereload runs one Pelican again after each change
    mistake = write(content / "pages" / "kosa.md", "---\ntitle: Kosa\nsumary: neno\n---\nM.\n")
    with pytest.raises(BuildStopped, match="content/pages/kosa.md:3: sumary: unknown field"):
        pelican.run()
    mistake.write_text("---\ntitle: Kosa\nsummary: neno\n---\nM.\n", encoding="utf-8")
    pelican.run()
    assert (tmp_path / "out" / "kosa" / "index.html").is_file()


def test_a_warning_of_pelican_names_the_file_it_is_about(tmp_path):
    content = tiny_site(tmp_path)
    write(content / "pages" / "kiungo.md", "---\ntitle: Kiungo\n---\n[Picha]({filename}/images/picha/tanki.jpg)\n")
    write(content / "pages" / "alama.md", "---\ntitle: Alama\n---\n[Kuhusu]({bogus}/pages/about.md)\n")
    message = staged_build(content, tmp_path / "out").message
    assert "content/pages/kiungo.md: {filename} used for linking to static content" in message
    assert "content/pages/alama.md: Replacement Indicator 'bogus' not recognized" in message


def test_the_steps_run_in_the_written_order_whoever_connected_first():
    signals.finalized.connect(problems.stop_on_problems)  # as a plugin listed early used to
    signals.finalized.connect(kit_checks.check_output)
    signals.finalized.connect(kit_compress.process_output)
    connect_steps()
    for signal in {step.signal for step in STEPS}:
        written = [step.handler for step in STEPS if step.signal is signal]
        connected = [receiver for receiver in signal.receivers_for(object()) if receiver in written]
        assert connected == written, signal.name
    finalized = [step.handler.__name__ for step in STEPS if step.signal is signals.finalized]
    assert finalized[-4:] == ["process_output", "check_output", "write_admin", "stop_on_problems"]


def test_the_hashed_assets_are_compressed_and_a_broken_link_stops_the_build(tmp_path):
    content = tiny_site(tmp_path)
    assert staged_build(content, tmp_path / "out", KIT_PRECOMPRESS=True).code == 0
    css = sorted(path.name for path in (tmp_path / "out" / "theme" / "css").iterdir())
    assert [name for name in css if not name.startswith("kit.")] == []
    hashed = [name for name in css if name.endswith(".css") and name != "kit.css"]
    assert hashed and {f"{hashed[0]}.gz", f"{hashed[0]}.br"} <= set(css)  # compressed after the renaming
    assert "kit.css" not in css and "kit.css.gz" not in css
    write(content / "pages" / "ramani.md", "---\ntitle: Ramani\n---\n[Ramani](/ramani-ya-kata/)\n")
    outcome = staged_build(content, tmp_path / "broken", KIT_PRECOMPRESS=True)
    assert outcome.code != 0
    assert "output/ramani/index.html: links to /ramani-ya-kata/, which is not part of the site" in outcome.message
    assert not Path(tmp_path / "broken").exists()


def test_the_wall_lists_the_items_pelican_read(tmp_path):
    from kit_build.pelican_wall import published_items

    content = tiny_site(tmp_path)
    seen: dict[str, list[str]] = {}

    def keep(generator) -> None:
        seen[type(generator).__name__] = sorted(item.source_path[len(str(content)) + 1:]
                                                for item in published_items(generator))

    signals.article_generator_finalized.connect(keep)
    signals.page_generator_finalized.connect(keep)
    try:
        assert staged_build(content, tmp_path / "out").code == 0
    finally:
        signals.article_generator_finalized.disconnect(keep)
        signals.page_generator_finalized.disconnect(keep)
    assert seen["ArticlesGenerator"] == ["news/2026-11-01-habari.md"]
    assert {"pages/about.md", "pages/about.en.md", "units/planning.md"} <= set(seen["PagesGenerator"])


def test_the_installed_pelican_is_the_one_the_wall_was_checked_against():
    import pelican
    from kit_build.pelican_wall import PELICAN_CHECKED

    assert pelican.__version__ == PELICAN_CHECKED, "read plugins/kit_build/pelican_wall.py against the new Pelican"
