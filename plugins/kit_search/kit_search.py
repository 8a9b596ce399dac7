"""Index the written site with Pagefind: one bundle per language, published items only.

Pagefind runs once per language, over that language's folders only, and writes
the bundle beside them: `/pagefind/` for the default language at the root,
`/<code>/pagefind/` for the others. One language at a time keeps the memory of a
large site down (Pagefind holds every page it indexes). The theme marks only the
text of items (`data-pagefind-body`), so listings, home pages and the 404 page
are not indexed, and drafts are never written at all. Pagefind's ready-made
interfaces are removed: the kit's own small script on the search page uses the
core API, and nothing else of Pagefind is published.
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


def index_site(output: Path, glob: str, bundle: str) -> str | None:
    """Run Pagefind on the pages of `output` that match `glob`; None when it worked, else its error output."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--glob", glob,
                             "--output-subdir", bundle], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr or result.stdout)


def language_runs(output: Path, codes: list[str], default: str) -> list[tuple[str, str]]:
    """(glob, bundle folder) for each language: the default one owns every top folder but the others'."""
    others = [code for code in codes if code != default]
    runs = [(f"{code}/**/*.html", f"{code}/{FOLDER}") for code in others]
    roots = sorted(path.name for path in output.iterdir() if path.is_dir() and path.name not in others
                   and path.name != FOLDER)
    if roots:
        runs.insert(0, ("{" + ",".join(roots) + "}/**/*.html" if len(roots) > 1 else f"{roots[0]}/**/*.html",
                        FOLDER))
    return runs


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
    settings = pelican.settings
    if not settings.get("KIT_SEARCH", True):
        return
    output = Path(pelican.output_path)
    codes = [lang["code"] for lang in settings.get("LANGUAGES", [])] or [settings["DEFAULT_LANG"]]
    for glob, bundle in language_runs(output, codes, settings["DEFAULT_LANG"]):
        error = index_site(output, glob, bundle)
        if error:
            settings.setdefault("KIT_PROBLEMS", []).append(
                Problem("output", None, "", f"the search index could not be built: {error.strip()[:500]}"))
            return
        remove_unused(output / bundle)
        sort_entry(output / bundle)


def register() -> None:
    # finalized: every page is written; index them before compression and checks.
    signals.finalized.connect(build_index)
