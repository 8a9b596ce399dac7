"""The invoke tasks behind `make`: they load, and the Makefile forwards to each of them."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from fixture_site import pdf, tiny_site, write


def test_every_make_target_is_an_invoke_task():
    listed = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    tasks = set(re.findall(r"^\s+([\w-]+)", listed.stdout, re.M))
    targets = re.search(r"^TASKS := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    assert set(targets) <= tasks, set(targets) - tasks
    assert {"build", "serve", "livereload", "clean", "test", "new", "publish"} <= tasks


def project_without_content(folder: Path) -> Path:
    """A project folder with the kit's settings, theme and plugins (links) and an empty content folder."""
    for name in ("pelicanconf.py", "publishconf.py", "theme", "plugins"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "content").mkdir()
    return folder / "content"


def test_a_failed_build_keeps_the_previous_site(tmp_path, capfd):
    """build_site builds the given content folder and swaps the new site in only when the build succeeded."""
    sys.path.insert(0, str(ROOT))
    import tasks

    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site", encoding="utf-8")
    with pytest.raises(SystemExit, match="Nothing was written to output/"):
        tasks.build_site("pelicanconf.py", output, project_without_content(tmp_path))  # no site.yaml
    assert "content/site.yaml" in capfd.readouterr().err
    assert (output / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (tmp_path / "output.new").exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], log: Path, what: str, seconds: float = 60,
               again: Callable[[], object] | None = None) -> None:
    """Poll `condition` after `again` (a save), which is repeated every 5 s: a save made before
    the watcher has started is not seen (issue 20's edit loop, not this test's subject)."""
    if again is not None:
        again()
    start = last = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"{what} within {seconds} s; livereload printed:\n{log.read_text(errors='replace')}")
        if again is not None and time.monotonic() - last > 5:
            again()
            last = time.monotonic()
        time.sleep(0.2)


def page_holds(page: Path, word: str) -> bool:
    try:
        return word in page.read_text(encoding="utf-8")
    except FileNotFoundError:  # the rebuild has emptied the output folder and not yet written the page
        return False


def test_livereload_rebuilds_a_content_folder_without_files(tmp_path):
    """A content folder without files/ made Pelican's old autoreload stop every rebuild (issue 20);
    the live builder (plugins/kit_live) watches the content folder as a whole.

    The real `livereload` command (server included) runs on the tiny site without files/: it builds,
    an edit to a news item reaches its page, and a files/ folder made while it runs is published.
    """
    sys.path.insert(0, str(ROOT))
    import tasks

    content = tiny_site(tmp_path)
    shutil.rmtree(content / "files")
    for name in ("tenders/zabuni.md", "publications/ripoti.md"):  # they link to files/
        (content / name).unlink()
    item = content / "news" / "2026-11-01-habari.md"
    output = tmp_path / "output"
    page = output / "news" / "2026-11-01-habari" / "index.html"
    command = tasks.livereload_command(content, output, free_port()) + ["-e", "KIT_SEARCH=false", "KIT_WORKERS=1"]
    log = tmp_path / "livereload.log"
    with log.open("wb") as printed:
        process = subprocess.Popen(command, cwd=ROOT, stdout=printed, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        builds = lambda count: lambda: log.read_text(errors="replace").count("Done:") >= count  # noqa: E731
        wait_until(builds(1), log, "no first build")
        edited = item.read_text(encoding="utf-8") + "\nNenoJipya.\n"
        wait_until(lambda: page_holds(page, "NenoJipya"), log, "the edit did not reach the page",
                   again=lambda: item.write_text(edited, encoding="utf-8"))
        wait_until(builds(2), log, "the rebuild did not finish")
        published = output / "files" / "ramani.pdf"
        wait_until(published.is_file, log, "files/ made during livereload was not published",
                   again=lambda: write(content / "files" / "ramani.pdf", pdf()))
        assert page_holds(page, "NenoJipya")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    printed = log.read_text(errors="replace")
    assert "Unable to watch" not in printed and "The build stopped" not in printed, printed
