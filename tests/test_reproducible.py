"""Two builds of the same sources, in separate processes, are byte-identical."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, files_of


def build_in_process_of_its_own(output: Path, **env: str) -> dict[str, bytes]:
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"),
               "-o", str(output), "-q"]
    result = subprocess.run(command, cwd=ROOT, env=dict(os.environ, **env), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return files_of(output)


def test_two_builds_are_byte_identical(tmp_path):
    first = build_in_process_of_its_own(tmp_path / "a", PYTHONHASHSEED="1")
    second = build_in_process_of_its_own(tmp_path / "b", PYTHONHASHSEED="2", TZ="Asia/Tehran")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_source_date_epoch_sets_the_copyright_year(tmp_path):
    files = build_in_process_of_its_own(tmp_path / "c", SOURCE_DATE_EPOCH="1893456000")  # 2030-01-01
    assert "&copy; 2030 " in files["index.html"].decode()
