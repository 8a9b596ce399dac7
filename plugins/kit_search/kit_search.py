"""Index the written site with Pagefind: one index per language, published items only.

Pagefind reads each page's `<html lang>` and builds one index per language; the
theme marks only the text of items (`data-pagefind-body`), so listings, home
pages and the 404 page are not indexed, and drafts are never written at all.
Pagefind's ready-made interfaces are removed: the kit's own small script on the
search page uses the core API, and nothing else of Pagefind is published.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from pelican import signals
from kit_schema import Problem

FOLDER = "pagefind"
KEPT_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
KEPT_SUFFIXES = (".pagefind", ".pf_meta")
KEPT_FOLDERS = ("index", "fragment")


def index_site(output: Path) -> str | None:
    """Run Pagefind on `output`; None when it worked, else its error output."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", FOLDER],
                            capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr or result.stdout)


def remove_unused(folder: Path) -> None:
    """Delete Pagefind's bundled interfaces, which the kit does not load."""
    for path in folder.iterdir():
        kept = path.name in KEPT_FILES or path.name.endswith(KEPT_SUFFIXES) or path.name in KEPT_FOLDERS
        if not kept:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def sort_entry(folder: Path) -> None:
    """Pagefind lists languages in a random order; sort them so builds are identical."""
    entry = folder / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
                     encoding="utf-8")


def build_index(pelican) -> None:
    if not pelican.settings.get("KIT_SEARCH", True):
        return
    output = Path(pelican.output_path)
    error = index_site(output)
    if error:
        pelican.settings.setdefault("KIT_PROBLEMS", []).append(
            Problem("output", None, "", f"the search index could not be built: {error.strip()[:500]}"))
        return
    remove_unused(output / FOLDER)
    sort_entry(output / FOLDER)


def register() -> None:
    # finalized: every page is written; index them before compression and checks.
    signals.finalized.connect(build_index)
