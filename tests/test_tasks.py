"""The invoke tasks behind `make`: they load, and the Makefile forwards to each of them."""

import re
import subprocess
import sys

from conftest import ROOT


def test_every_make_target_is_an_invoke_task():
    listed = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    tasks = set(re.findall(r"^\s+([\w-]+)", listed.stdout, re.M))
    targets = re.search(r"^TASKS := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    assert set(targets) <= tasks, set(targets) - tasks
    assert {"build", "serve", "livereload", "clean", "test", "new", "publish"} <= tasks


def test_a_failed_build_keeps_the_previous_site(tmp_path):
    """build_site swaps the new site in only when the build succeeded."""
    sys.path.insert(0, str(ROOT))
    import tasks

    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site", encoding="utf-8")
    broken = tmp_path / "content"
    broken.mkdir()
    original = tasks.CONTENT
    tasks.CONTENT = broken  # no site.yaml: the build must stop
    try:
        try:
            tasks.build_site("pelicanconf.py", output)
        except SystemExit as stopped:
            assert "Nothing was written to output/" in str(stopped)
        else:
            raise AssertionError("the build of an empty content folder should stop")
    finally:
        tasks.CONTENT = original
    assert (output / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (tmp_path / "output.new").exists()
