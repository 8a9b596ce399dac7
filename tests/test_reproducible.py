"""Two builds of the same sources, in separate processes, are byte-identical."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, demo_content, files_of
from fixture_site import tiny_site


def build_in_process_of_its_own(output: Path, content: Path, *settings: str, **env: str) -> dict[str, bytes]:
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
               "-o", str(output), "-q"] + (["-e", *settings] if settings else [])
    result = subprocess.run(command, cwd=ROOT, env=dict(os.environ, **env), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return files_of(output)


def test_two_builds_are_byte_identical(tmp_path, demo_site):
    """The demo (built first by `demo_site`, so the shared image cache holds its photos), twice."""
    first = build_in_process_of_its_own(tmp_path / "a", demo_content(), PYTHONHASHSEED="1")
    second = build_in_process_of_its_own(tmp_path / "b", demo_content(), PYTHONHASHSEED="2", TZ="Asia/Tehran")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_source_date_epoch_sets_the_copyright_year(tmp_path):
    files = build_in_process_of_its_own(tmp_path / "c", tiny_site(tmp_path), "KIT_SEARCH=false", "KIT_WORKERS=1",
                                        f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}",
                                        SOURCE_DATE_EPOCH="1893456000")  # 2030-01-01
    assert "&copy; 2030 " in files["index.html"].decode()
