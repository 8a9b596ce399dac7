"""Work shared among processes gives the same site as one process, and fails like it."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Template

from conftest import build, copy_content, demo_content, files_of
from fixture_site import Case, assert_refused
from bench.corpus import write_corpus
import kit_frontmatter.kit_frontmatter as frontmatter
from kit_build import problems
from kit_parallel.kit_parallel import SharedWriter, _shared_output
from kit_schema import BuildStopped, Problem


def assert_same_site(one: Path, other: Path) -> None:
    first, second = files_of(one), files_of(other)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A small synthetic site: 40 news items in each language and the demo pages."""
    return write_corpus(tmp_path_factory.mktemp("corpus"), 40)


@pytest.mark.parametrize("source", ["demo", "corpus"])
def test_shared_build_is_byte_identical_to_a_single_process_build(source, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # both builds see the same clock
    content = demo_content() if source == "demo" else corpus  # the run's copy: invoke new writes into content/
    single = build(tmp_path / "single", content, KIT_WORKERS=1, KIT_CHECK_LINKS=False)
    shared = build(tmp_path / "shared", content, KIT_WORKERS=3, KIT_CHECK_LINKS=False)
    assert len(list(single.rglob("*.html"))) > (100 if source == "demo" else 200)
    assert_same_site(single, shared)


def test_pool_processes_convert_the_news_bodies_not_the_main_process(corpus, tmp_path, monkeypatch):
    converted_here: list[str] = []
    convert = frontmatter.body_html
    monkeypatch.setattr(frontmatter, "body_html", lambda body, options: converted_here.append(body) or
                        convert(body, options))
    build(tmp_path / "shared", corpus, KIT_WORKERS=2, KIT_CHECK_LINKS=False)
    shared = len(converted_here)
    build(tmp_path / "single", corpus, KIT_WORKERS=1, KIT_CHECK_LINKS=False)
    single = len(converted_here) - shared
    assert single - shared >= 120, "the 120 news bodies were converted by the pool"
    assert frontmatter.PREPARED == {}, "and the reader took every one of them"


def write_with(writer: SharedWriter, names: list[str], share: int, shares: int) -> None:
    writer.share, writer.shares, writer.calls = share, shares, 0
    for name in names:
        writer.write_file(name, Template("{{ output_file }} by {{ who }}"), {"who": share})


def test_a_share_renders_every_nth_file_and_still_sees_every_name(tmp_path):
    problems.clear()
    writer = SharedWriter(str(tmp_path), {"RELATIVE_URLS": False, "PAGINATED_TEMPLATES": {}})
    write_with(writer, ["a.html", "b.html", "c.html", "d.html", "e.html"], share=1, shares=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html", "d.html"]
    assert (tmp_path / "d.html").read_text() == "d.html by 1"
    writer.write_file("c.html", Template("x"), {})  # rendered by the other share, still a clash
    assert [problem.message for problem in problems.reported()] == [
        "its address /c.html is already taken by the site's own page /c.html; give one of them another file name or slug"]


def test_problems_found_in_a_worker_reach_the_main_process(tmp_path):
    problems.clear()
    settings = {"KIT_WORKERS": 2}
    writer = SharedWriter(str(tmp_path), {"RELATIVE_URLS": False, "PAGINATED_TEMPLATES": {}})

    def generate_output(writer):
        problems.report(Problem("news/x.md", 3, "", f"found by share {writer.share}"))
        writer.write_file("a.html", Template("a"), {})
        writer.write_file("b.html", Template("b"), {})

    _shared_output(generate_output, writer, settings)
    assert sorted(p.message for p in problems.reported()) == ["found by share 0", "found by share 1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_a_failing_worker_fails_the_build(tmp_path):
    settings = {"KIT_WORKERS": 2}
    writer = SharedWriter(str(tmp_path), {"RELATIVE_URLS": False, "PAGINATED_TEMPLATES": {}})

    def generate_output(writer):
        if writer.share == 1:
            raise ValueError("a template broke")

    with pytest.raises(RuntimeError, match="ValueError: a template broke"):
        _shared_output(generate_output, writer, settings)


@pytest.mark.parametrize("count", [1, 2])
def test_a_page_written_over_a_listing_stops_the_build(tmp_path, count):
    content = copy_content(tmp_path)
    (content / "pages" / "news.md").write_text("---\ntitle: Habari\n---\nMaandishi\n", encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content, KIT_WORKERS=count)
    assert "content/pages/news.md: slug: its address /news/ is already taken by the site's own page /news/" \
        in str(stopped.value)


COLLISIONS = [
    Case("two news items with one slug", {"news/2026-11-02-habari.md": "---\ntitle: Nyingine\ndate: 2026-11-02\n"
                                          "category: Maji\nslug: 2026-11-01-habari\n---\nMaandishi.\n"},
         ("its address /news/2026-11-01-habari/ is already taken by content/news/2026-11-0",)),
    Case("a page over a listing", {"pages/news.md": "---\ntitle: Habari\n---\nMaandishi.\n"},
         ("content/pages/news.md: slug: its address /news/ is already taken by the site's own page /news/",)),
    Case("a page whose slug names a listing", {"pages/habari.md": "---\ntitle: Habari\nslug: events\n---\nM.\n"},
         ("content/pages/habari.md: slug: its address /events/ is already taken by the site's own page /events/",)),
    Case("an event over the past-events listing", {"events/past.md": "---\ntitle: Zamani\nstart: 2026-01-01\n"
                                                   "venue: Ukumbi\norganiser: Ofisi\n---\nM.\n"},
         ("its address /events/past/ is already taken", "content/events/past.md")),
    Case("two translations with one slug", {"pages/contact.en.md": "---\ntitle: Contact\nslug: about\n---\nUs.\n",
                                            "pages/contact.md": "---\ntitle: Mawasiliano\n---\nSisi.\n"},
         ("its address /en/about/ is already taken by content/pages/about.en.md",)),
]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("case", COLLISIONS, ids=lambda case: case.name)
def test_two_things_at_one_address_name_both_and_write_nothing(tmp_path, case, workers):
    assert_refused(tmp_path, case, KIT_WORKERS=workers)
