"""Index the written site with Pagefind: one bundle per language, published items only.

Pagefind runs once per language, over that language's folders only, and writes
the bundle beside them: `/pagefind/` for the default language at the root,
`/<code>/pagefind/` for the others. A run per language keeps the memory of a
large site down (Pagefind holds every page it indexes); as many runs go at once
as the build has workers (`KIT_WORKERS`). The theme marks only the
text of items (`data-pagefind-body`), so listings, home pages and the 404 page
are not indexed (only the marked pages are copied for Pagefind), and drafts are
never written at all. Pagefind's ready-made
interfaces are removed: the kit's own small script on the search page uses the
core API, and nothing else of Pagefind is published.

Pagefind indexes a folded copy of the pages (`folding.py`: Persian yeh and kaf,
no tatweel, short vowels or non-joiner, ASCII digits), and search.js folds the
query the same way. What readers see of a result (its title and excerpt) comes
from a second run over the pages as written: each fragment of the folded bundle
is replaced by the original fragment of the same address. A fragment depends on
its page alone, so the second run reads only the pages that folding changed
(none, in most Swahili and English sites). Folding keeps every
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from kit_schema import Problem
from kit_build.problems import report
from kit_parallel.kit_parallel import workers

from .folding import arabic_spellings, fold

FOLDER = "pagefind"
CELL_END = re.compile(r"</(dt|dd|th|td)>", re.IGNORECASE)  # each is followed by a space, a label by a colon
STYLE = re.compile(r"(<style\b[^<>]*>).*?(</style>)", re.IGNORECASE | re.DOTALL)  # Pagefind reads no CSS
MARKED = re.compile(r"<[a-z][^<>]*\sdata-pagefind-body[\s=/>]", re.IGNORECASE)  # an element Pagefind indexes
KEPT_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
KEPT_SUFFIXES = (".pagefind", ".pf_meta")
KEPT_FOLDERS = ("index", "fragment")


def index_site(site: Path, glob: str, destination: Path) -> str | None:
    """Run Pagefind on the pages of `site` that match `glob` into `destination`; None when it worked,
    else its error output."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob,
                             "--output-path", str(destination)], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr or result.stdout)


def _separate(tag: re.Match) -> str:
    if tag.group(1).lower() == "dt" and not tag.string.endswith(":", 0, tag.start()):
        return ":</dt> "
    return tag.group() + " "


def separated(html: str) -> str:
    """The page with a break after each label, value and cell: Pagefind reads <dt>, <dd>, <th> and <td>
    as inline, so 'Budget' and 'TZS 2,100' would run together as 'BudgetTZS 2,100' in its excerpts.
    A label also gets a colon unless it ends with one."""
    return CELL_END.sub(_separate, html)


def indexed_pages(pages: list[Path]) -> Iterator[tuple[Path, str]]:
    """The pages Pagefind indexes, each with its text: those with an element marked
    `data-pagefind-body`, or every page when none is marked (Pagefind's own rule, applied here so
    that only they are copied). One page at a time, each read once unless none is marked."""
    marked = False
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if MARKED.search(text):
            marked = True
            yield page, text
    if not marked:
        yield from ((page, page.read_text(encoding="utf-8")) for page in pages)


def copy_pages(output: Path, pages: Iterable[tuple[Path, str]], copies: Path) -> bool:
    """Write every page of `pages` (in `output`, with its text) under `copies`, without the inlined
    stylesheet (half of a page, which Pagefind does not read): separated then folded in `folded/`, and
    separated in `separated/` when folding changes it. Whether folding changed any page."""
    changed = False
    for page, text in pages:
        text = separated(STYLE.sub(r"\1\2", text))
        folded = fold(text)
        for folder, copy in (("folded", folded),) + ((("separated", text),) if folded != text else ()):
            path = copies / folder / page.relative_to(output)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(copy, encoding="utf-8")
        changed = changed or folded != text
    return changed


def fragment_url(path: Path) -> str:
    """The address a Pagefind fragment file describes."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd")
    return json.loads(text)["url"]


def restore_fragments(bundle: Path, original: Path) -> None:
    """Give each fragment of `bundle` the bytes of `original`'s fragment of the same address, where
    `original` has one (it holds only the pages that folding changed; the others are already right)."""
    written = {fragment_url(path): path for path in (original / "fragment").iterdir()}
    for path in (bundle / "fragment").iterdir():
        found = written.pop(fragment_url(path), None)
        if found is not None:
            path.write_bytes(found.read_bytes())
    if written:
        raise RuntimeError(f"fragments without a page in the index: {sorted(written)[:3]}")


class Run(NamedTuple):
    """One language's Pagefind run: the glob of its pages, its bundle folder, and its pages."""

    glob: str
    bundle: str
    pages: list[Path]


def language_runs(output: Path, codes: list[str], default: str) -> list[Run]:
    """One run for each language: the default one owns every top folder but the others'."""
    others = [code for code in codes if code != default]
    pages: dict[str, list[Path]] = {}
    for page in sorted(output.rglob("*.html")):
        parts = page.relative_to(output).parts
        if len(parts) > 1 and parts[0] != FOLDER:
            pages.setdefault(parts[0] if parts[0] in others else default, []).append(page)
    runs = [Run(f"{code}/**/*.html", f"{code}/{FOLDER}", pages.get(code, [])) for code in others]
    roots = sorted(path.name for path in output.iterdir() if path.is_dir() and path.name not in others
                   and path.name != FOLDER)
    if roots:
        glob = "{" + ",".join(roots) + "}/**/*.html" if len(roots) > 1 else f"{roots[0]}/**/*.html"
        runs.insert(0, Run(glob, FOLDER, pages.get(default, [])))
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


def finish_bundle(folder: Path, original: Path | None) -> None:
    """The published bundle: fragments as written, Pagefind's interfaces removed, entry sorted."""
    if original is not None:
        restore_fragments(folder, original)
    remove_unused(folder)
    sort_entry(folder)


def index_languages(output: Path, runs: list[Run], copies: Path, processes: int) -> str | None:
    """Every language's bundle: the index of the folded copies, with the fragments of the pages as
    written (labels separated from values) from a second run over the pages that folding changed.
    Pagefind runs `processes` at a time, each started as soon as its pages are copied; None when all
    worked, else the first error."""
    originals: dict[str, Path | None] = {}
    with ThreadPoolExecutor(processes) as pool:
        started = []
        for run in runs:
            changed = copy_pages(output, indexed_pages(run.pages), copies)
            started.append(pool.submit(index_site, copies / "folded", run.glob, output / run.bundle))
            originals[run.bundle] = copies / "original" / run.bundle if changed else None
            if changed:
                started.append(pool.submit(index_site, copies / "separated", run.glob, originals[run.bundle]))
        error = next((result for result in (job.result() for job in started) if result), None)
    if error is None:
        for bundle, original in originals.items():
            finish_bundle(output / bundle, original)
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
    runs = language_runs(output, codes, settings["DEFAULT_LANG"])
    with tempfile.TemporaryDirectory(prefix="kit-search-") as temp:
        error = index_languages(output, runs, Path(temp), workers(settings))  # as many Pagefind runs at once
    if error:
        report(Problem("output", None, "", f"the search index could not be built: {error.strip()[:500]}"))
        return
    notice = arabic_spelling_notice(Path(settings["PATH"]), codes, settings["DEFAULT_LANG"])
    if notice:
        print(notice)  # printed, not logged: the kit turns logged warnings into problems that stop the build
