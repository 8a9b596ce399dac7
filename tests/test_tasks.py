"""The invoke tasks behind `make`: they load, and the Makefile forwards to each of them."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


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
