"""Index the written site with Pagefind: one bundle per language, published items only.

Pagefind runs once per language, over that language's folders only, and writes
the bundle beside them: `/pagefind/` for the default language at the root,
`/<code>/pagefind/` for the others. One language at a time keeps the memory of a
large site down (Pagefind holds every page it indexes). The theme marks only the
text of items (`data-pagefind-body`), so listings, home pages and the 404 page
are not indexed, and drafts are never written at all. Pagefind's ready-made
interfaces are removed: the kit's own small script on the search page uses the
core API, and nothing else of Pagefind is published.

Pagefind indexes a folded copy of the pages (`folding.py`: Persian yeh and kaf,
no tatweel, short vowels or non-joiner, ASCII digits), and search.js folds the
query the same way. What readers see of a result (its title and excerpt) comes
from a second run over the pages as written: each fragment of the folded bundle
is replaced by the original fragment of the same address. Folding keeps every
word in its place, so the highlighted words are still the ones found.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kit_schema import Problem
from kit_build.problems import report

from .folding import arabic_spellings, fold

FOLDER = "pagefind"
LABEL_END = re.compile(r"(?<!:)</dt>", re.IGNORECASE)  # a label gets a colon unless it has one
CELL_END = re.compile(r"(?<=</dt>)|(?<=</dd>)|(?<=</th>)|(?<=</td>)", re.IGNORECASE)
KEPT_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
KEPT_SUFFIXES = (".pagefind", ".pf_meta")
KEPT_FOLDERS = ("index", "fragment")


def index_site(site: Path, glob: str, destination: Path) -> str | None:
    """Run Pagefind on the pages of `site` that match `glob` into `destination`; None when it worked,
    else its error output."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob,
                             "--output-path", str(destination)], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr or result.stdout)


def separated(html: str) -> str:
    """The page with a break after each label, value and cell: Pagefind reads <dt>, <dd>, <th> and <td>
    as inline, so 'Budget' and 'TZS 2,100' would run together as 'BudgetTZS 2,100' in its excerpts."""
    return CELL_END.sub(" ", LABEL_END.sub(":</dt>", html))


def copy_pages(output: Path, copies: Path) -> None:
    """Write two copies of every HTML page of `output` under `copies`: labels separated (`separated/`),
    and separated then folded (`folded/`)."""
    for page in output.rglob("*.html"):
        text = separated(page.read_text(encoding="utf-8"))
        for folder, copy in (("separated", text), ("folded", fold(text))):
            path = copies / folder / page.relative_to(output)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(copy, encoding="utf-8")


def fragment_url(path: Path) -> str:
    """The address a Pagefind fragment file describes."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd")
    return json.loads(text)["url"]


def restore_fragments(bundle: Path, original: Path) -> None:
    """Give each fragment of `bundle` the bytes of `original`'s fragment of the same address."""
    written = {fragment_url(path): path for path in (original / "fragment").iterdir()}
    for path in (bundle / "fragment").iterdir():
        path.write_bytes(written[fragment_url(path)].read_bytes())


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


def index_language(output: Path, copies: Path, glob: str, bundle: str) -> str | None:
    """One language's bundle: the index of the folded copies with the fragments of the pages as written
    (their labels separated from their values); `copies` holds both copies (`copy_pages`)."""
    original = copies / "original" / bundle
    error = index_site(copies / "folded", glob, output / bundle) or index_site(copies / "separated", glob, original)
    if not error:
        restore_fragments(output / bundle, original)
        remove_unused(output / bundle)
        sort_entry(output / bundle)
    return error


def persian_files(content: Path, codes: list[str], default: str) -> list[Path]:
    """The Markdown files written in Persian: `name.fa.md`, or `name.md` on a Persian-first site."""
    def lang_of(path: Path) -> str:
        suffix = path.stem.rpartition(".")[2] if "." in path.stem else ""
        return suffix if suffix in codes else default
    return sorted(path for path in content.rglob("*.md") if lang_of(path) == "fa")


def arabic_spelling_notice(content: Path, codes: list[str], default: str) -> str:
    """A notice naming the Persian files and lines that use Arabic yeh or kaf, or ''."""
    found = [(path, arabic_spellings(path)) for path in persian_files(content, codes, default)]
    lines = [f"  {path.relative_to(content)}: line{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"
             for path, numbers in found if numbers]
    if not lines:
        return ""
    return ("Notice: these Persian files write Arabic ي or ك where Persian uses ی or ک (search finds "
            "them either way; retyping them with a Persian keyboard is better):\n" + "\n".join(lines))


def build_index(pelican) -> None:
    settings = pelican.settings
    if not settings.get("KIT_SEARCH", True):
        return
    output = Path(pelican.output_path)
    codes = [lang["code"] for lang in settings.get("LANGUAGES", [])] or [settings["DEFAULT_LANG"]]
    with tempfile.TemporaryDirectory(prefix="kit-search-") as temp:
        copies = Path(temp)
        copy_pages(output, copies)
        for glob, bundle in language_runs(output, codes, settings["DEFAULT_LANG"]):
            error = index_language(output, copies, glob, bundle)
            if error:
                report(Problem("output", None, "", f"the search index could not be built: {error.strip()[:500]}"))
                return
    notice = arabic_spelling_notice(Path(settings["PATH"]), codes, settings["DEFAULT_LANG"])
    if notice:
        print(notice)  # printed, not logged: the kit turns logged warnings into problems that stop the build
