"""The live builder (plugins/kit_live): the touched files first, and then exactly a clean build.

The main test is randomised with a fixed seed: sequences of edits (add, edit a body, edit a
title, change a date, rename, delete, add a translation, edit a field the translations
share) are made to the tiny fixture site, one live pass after each, and the served folder
is compared byte for byte with a clean build of the same content. Other tests check what is
written first, that a problem keeps the last good site, and the real `livereload` command
with saves that land during a pass.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kit_schema import BuildStopped, Problem

from conftest import ROOT, build, files_of
from fixture_site import FAST, tiny_site, write
from kit_live.builder import LiveBuilder
from kit_live.sync import sync_tree

EPOCH = "1798761600"  # 2027-01-01: every item of the fixture is in the past
LIVE = {"KIT_SEARCH": False, "KIT_WORKERS": 2, "KIT_CHECK_LINKS": True}
NEWS = "news/2026-11-01-habari"


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture
def live(tmp_path):
    """(builder, content, served folder) on a fresh tiny site; the builder is closed afterwards."""
    content = tiny_site(tmp_path)
    builder = LiveBuilder(content, ROOT / "pelicanconf.py", tmp_path / "served", dict(LIVE))
    yield builder, content, tmp_path / "served"
    builder.close()


def clean_build(content: Path, folder: Path, **settings) -> dict[str, bytes] | None:
    """The files of a clean build of `content` (None when it stops on a problem)."""
    shutil.rmtree(folder, ignore_errors=True)
    try:
        build(folder, content, **{**FAST, "CACHE_PATH": str(folder.parent / "clean-cache"), **settings})
    except BuildStopped:
        return None
    return files_of(folder)


# --- the edits of the randomised sequences ----------------------------------------------------

def news_files(content: Path) -> list[Path]:
    return sorted((content / "news").glob("*.md"))


def markdown_files(content: Path) -> list[Path]:
    return sorted(path for path in content.rglob("*.md"))


def replace_field(path: Path, name: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^{name}: .*$", text, flags=re.MULTILINE):
        text = re.sub(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.MULTILINE)
    else:
        text = text.replace("---\n", f"---\n{name}: {value}\n", 1)
    path.write_text(text, encoding="utf-8")


def random_date(rng: random.Random) -> str:
    return f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def add_item(content: Path, rng: random.Random, number: int) -> str:
    date = random_date(rng)
    path = content / "news" / f"{date}-mpya-{number}.md"
    write(path, f"---\ntitle: Habari mpya {number}\ndate: {date}\ncategory: Maji\nsummary: Muhtasari {number}\n---\n"
                f"Maandishi ya habari {number}.\n")
    return f"add {path.name}"


def edit_body(content: Path, rng: random.Random, number: int) -> str:
    path = rng.choice(markdown_files(content))
    path.write_text(path.read_text(encoding="utf-8") + f"\nNeno la {number}.\n", encoding="utf-8")
    return f"body {path.name}"


def edit_title(content: Path, rng: random.Random, number: int) -> str:
    path = rng.choice(markdown_files(content))
    replace_field(path, "title", f"Kichwa {number}")
    return f"title {path.name}"


def change_date(content: Path, rng: random.Random, number: int) -> str:
    originals = [path for path in news_files(content) if path.name.count(".") == 1]
    path = rng.choice(originals)  # a date in an original is shared by translations that leave it out
    replace_field(path, "date", random_date(rng))
    return f"date {path.name}"


def language_files(path: Path) -> list[Path]:
    """An item's file and its translations (`key.md`, `key.en.md`)."""
    return sorted(path.parent.glob(f"{path.name.split('.')[0]}.*md"))


def rename(content: Path, rng: random.Random, number: int) -> str:
    """A new file name for an item, in every language (a translation follows its original's name)."""
    path = rng.choice(news_files(content))
    key = path.name.split(".")[0]
    for version in language_files(path):
        version.rename(version.with_name(version.name.replace(key, f"{key}-{number}", 1)))
    return f"rename {key} {key}-{number}"


def delete(content: Path, rng: random.Random, number: int) -> str:
    """Delete a translation, or an item with its translations (which take their date from it)."""
    files = news_files(content)
    if len(files) < 2:
        return add_item(content, rng, number)
    path = rng.choice(files)
    gone = [path] if path.name.count(".") > 1 else language_files(path)
    for version in gone:
        version.unlink()
    return f"delete {' '.join(version.name for version in gone)}"


def add_translation(content: Path, rng: random.Random, number: int) -> str:
    lonely = [path for path in news_files(content) if path.name.count(".") == 1
              and not path.with_name(path.name.replace(".md", ".en.md")).exists()]
    if not lonely:
        return add_item(content, rng, number)
    path = rng.choice(lonely).with_suffix(".en.md")  # only its words: the date comes from the original
    write(path, f"---\ntitle: News {number}\ncategory: Water\nsummary: Summary {number}\n---\nText {number}.\n")
    return f"translate {path.name}"


def edit_shared(content: Path, rng: random.Random, number: int) -> str:
    path = content / "projects" / "maji.md"
    replace_field(path, "progress", str(rng.randint(0, 100)))
    return "shared progress projects/maji.md"


def edit_identity(content: Path, rng: random.Random, number: int) -> str:
    path = content / "site.yaml"  # every page shows it: every file is read again
    text = re.sub(r'phone: ".*"', f'phone: "+255 23 260 {rng.randint(1000, 9999)}"', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return "identity site.yaml"


EDITS = [add_item, edit_body, edit_title, change_date, rename, delete, add_translation, edit_shared, edit_identity]


@pytest.mark.parametrize("seed", [20, 21])
def test_after_any_sequence_of_edits_the_served_site_is_a_clean_build(live, tmp_path, seed):
    builder, content, served = live
    rng = random.Random(seed)
    add_translation(content, rng, 0)  # the sequences start with a translation that shares the date
    edits, compared = [], 0
    assert builder.run_pass().state == "built"
    plan = EDITS + [rng.choice(EDITS) for _ in range(10)]  # every kind of edit at least once
    rng.shuffle(plan)
    for number in range(1, len(plan) + 1):
        edits.append(plan[number - 1](content, rng, number))
        if rng.random() < 0.3:  # now and then a second save before the pass
            edits.append(rng.choice(EDITS)(content, rng, number))
        outcome = builder.run_pass()
        clean = clean_build(content, tmp_path / "clean")
        if clean is None:
            assert outcome.state == "stopped", edits
            continue
        assert outcome.state == "built", (edits, outcome.message)
        served_files = files_of(served)
        assert sorted(served_files) == sorted(clean), edits
        assert [name for name in clean if served_files[name] != clean[name]] == [], edits
        compared += 1
    assert compared >= 10, edits  # a sequence that mostly stops would prove little


def test_the_search_index_follows_and_equals_a_clean_build(live, tmp_path):
    builder, content, served = live
    builder.overrides["KIT_SEARCH"] = True
    assert builder.run_pass().state == "built"
    edit_title(content, random.Random(1), 1)
    assert builder.run_pass().state == "built"
    deadline = time.monotonic() + 120
    while not builder.search_done():
        assert time.monotonic() < deadline, "the search index was not built"
        time.sleep(0.05)
    clean = clean_build(content, tmp_path / "clean", KIT_SEARCH=True)
    served_files = files_of(served)
    assert any(name.startswith("pagefind/") for name in clean)
    assert sorted(served_files) == sorted(clean)
    assert [name for name in clean if served_files[name] != clean[name]] == []


# --- what comes first --------------------------------------------------------------------------

def test_a_body_edit_writes_only_its_page_first(live):
    builder, content, served = live
    assert builder.run_pass().state == "built"
    item = content / f"{NEWS}.md"
    item.write_text(item.read_text(encoding="utf-8") + "\nNenoJipya.\n", encoding="utf-8")
    builder.write_gathering = lambda *args: pytest.fail("a body edit rendered the listings early")
    outcome = builder.run_pass()
    assert (outcome.state, outcome.early) == ("built", 1)
    assert "NenoJipya" in (served / NEWS / "index.html").read_text(encoding="utf-8")


def test_a_title_edit_writes_the_pages_that_show_it_first(live, tmp_path):
    builder, content, served = live
    assert builder.run_pass().state == "built"
    before = files_of(served)
    replace_field(content / f"{NEWS}.md", "title", "Kichwa Kipya Kabisa")
    early: list[set[str]] = []
    whole = builder.write_early

    def noted(touch, settings):
        whole(touch, settings)
        early.append({name for name, data in files_of(served).items() if before.get(name) != data})

    builder.write_early = noted
    assert builder.run_pass().state == "built"
    changed = {name for name, data in files_of(served).items() if before.get(name) != data}
    assert {f"{NEWS}/index.html", "news/index.html", "index.html", "sitemap/index.html"} <= changed
    assert any(name.startswith("feeds/") for name in changed)
    assert early == [changed]  # every file the edit changed was written before the rest of the site


def test_a_deleted_item_leaves_its_page_and_listings(live):
    builder, content, served = live
    assert builder.run_pass().state == "built"
    assert "Habari ya majaribio" in (served / "news" / "index.html").read_text(encoding="utf-8")
    (content / f"{NEWS}.md").unlink()
    early = []
    whole = builder.write_early
    builder.write_early = lambda touch, settings: (whole(touch, settings), early.append(
        ((served / NEWS / "index.html").exists(), (served / "news" / "index.html").read_text(encoding="utf-8"))))
    assert builder.run_pass().state == "built"
    assert early[0][0] is False and "Habari ya majaribio" not in early[0][1]  # gone before the rest of the site
    assert not (served / NEWS).exists()
    assert "Habari ya majaribio" not in (served / "news" / "index.html").read_text(encoding="utf-8")


def test_a_problem_keeps_the_last_good_site(live):
    builder, content, served = live
    assert builder.run_pass().state == "built"
    good = files_of(served)
    item = content / f"{NEWS}.md"
    item.write_text(item.read_text(encoding="utf-8") + "\n[kiungo]({filename}/news/hakuna.md)\n", encoding="utf-8")
    outcome = builder.run_pass()
    assert outcome.state == "stopped" and "news/2026-11-01-habari.md" in outcome.message
    assert files_of(served) == good


def test_a_problem_found_after_the_early_files_puts_them_back(live, monkeypatch):
    """The link check runs on the whole site, after the early files: they go back as they were."""
    from kit_checks import kit_checks

    builder, content, served = live
    assert builder.run_pass().state == "built"
    good = files_of(served)
    replace_field(content / f"{NEWS}.md", "title", "Kichwa kingine")
    monkeypatch.setattr(kit_checks, "broken_links",
                        lambda output, siteurl="": [Problem("output/x.html", None, "", "links to /y/")])
    outcome = builder.run_pass()
    assert outcome.state == "stopped" and outcome.early > 0
    assert files_of(served) == good


def test_sync_writes_only_what_differs_and_removes_the_rest(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    write(source / "a.html", "same")
    write(source / "b" / "c.html", "new")
    write(target / "a.html", "same")
    write(target / "b" / "c.html", "old")
    write(target / "gone" / "d.html", "x")
    write(target / "pagefind" / "kept.js", "index")
    unchanged = (target / "a.html").stat().st_mtime_ns
    assert sync_tree(source, target, kept=lambda name: name.startswith("pagefind")) == (1, 1)
    assert files_of(target) == {"a.html": b"same", "b/c.html": b"new", "pagefind/kept.js": b"index"}
    assert (target / "a.html").stat().st_mtime_ns == unchanged
    assert not (target / "gone").exists()


# --- the real command --------------------------------------------------------------------------

def served_lines(log: Path) -> int:
    return log.read_text(errors="replace").count("Served:")


def test_no_save_is_lost_when_saves_land_during_a_pass(tmp_path):
    """Saves made one after another, while passes run, all end up in the served site, which
    equals a clean build; a content folder without files/ works (only content/ is watched, as a whole)."""
    sys.path.insert(0, str(ROOT))
    import tasks

    content = tiny_site(tmp_path)
    shutil.rmtree(content / "files")  # images/ holds the emblem, which site.yaml requires
    for name in ("tenders/zabuni.md", "publications/ripoti.md"):  # they name files of files/
        (content / name).unlink()
    output = tmp_path / "served"
    log = tmp_path / "live.log"
    command = tasks.livereload_command(content, output, 0) + ["--no-serve", "-e", "KIT_SEARCH=false"]
    with log.open("wb") as printed:
        process = subprocess.Popen(command, cwd=ROOT, stdout=printed, stderr=subprocess.STDOUT,
                                   start_new_session=True, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    try:
        wait(lambda: served_lines(log) >= 1, log)
        time.sleep(0.5)  # the watcher is running
        rng = random.Random(7)
        for number in range(12):
            rng.choice(EDITS[:5])(content, rng, number)
            time.sleep(rng.choice((0.01, 0.05, 0.2)))
        last = content / f"{NEWS}-last.md"
        write(last, "---\ntitle: Ya mwisho\ndate: 2026-01-05\ncategory: Maji\nsummary: Mwisho\n---\nMwisho kabisa.\n")
        wait(lambda: (output / f"{NEWS}-last" / "index.html").exists(), log)
        count = served_lines(log)
        wait(lambda: quiet(log, count), log)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    printed = log.read_text(errors="replace")
    assert "Traceback" not in printed and "The build stopped" not in printed, printed
    clean = clean_build(content, tmp_path / "clean")
    assert clean is not None
    assert files_of(output) == clean


def quiet(log: Path, count: int) -> bool:
    """True when no pass has started or finished for a second (after `count` finished ones)."""
    size = log.stat().st_size
    time.sleep(1.0)
    return log.stat().st_size == size and served_lines(log) >= count


def wait(condition, log: Path, seconds: float = 120) -> None:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            printed = log.read_text(errors="replace")
            raise AssertionError(f"not within {seconds} s; the live builder printed:\n{printed}")
        time.sleep(0.05)


def test_pages_that_link_to_an_edited_item_are_written_first(live):
    """A page that links to the item (here the About page) is among the early files of a title edit."""
    builder, content, served = live
    about = content / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Habari]({filename}/news/2026-11-01-habari.md)\n",
                     encoding="utf-8")
    assert builder.run_pass().state == "built"
    replace_field(content / f"{NEWS}.md", "title", "Kichwa Kipya")
    early: list = []
    whole = builder.write_early
    builder.write_early = lambda touch, settings: (early.append(set(touch.pages)), whole(touch, settings))
    assert builder.run_pass().state == "built"
    assert "about/index.html" in early[0] and f"{NEWS}/index.html" in early[0]


def test_the_link_index_follows_the_pages_written(tmp_path):
    from kit_live.links import LinkIndex, address

    assert address("/news/a/", "") == "news/a/"
    assert address("https://www.example.go.tz/news/a/", "https://www.example.go.tz") == "news/a/"
    assert address("https://elsewhere.org/news/a/", "") == "" and address("//cdn/x", "") == ""
    write(tmp_path / "x.html", '<a href="/news/a/">A</a> <a href="/news/b/#top">B</a>')
    write(tmp_path / "y.html", '<a href="/news/a/">A</a>')
    index = LinkIndex()
    index.update(tmp_path, ["x.html", "y.html"])
    assert index.pages_linking(["news/a/"]) == {"x.html", "y.html"}
    assert index.pages_linking(["news/b/"]) == {"x.html"}
    write(tmp_path / "x.html", "<p>no links</p>")
    (tmp_path / "y.html").unlink()
    index.update(tmp_path, ["x.html", "y.html"])
    assert index.pages_linking(["news/a/", "news/b/"]) == set()
