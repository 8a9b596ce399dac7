"""Index the written site with Pagefind: one bundle per language, published items only.

Pagefind runs once per language, over that language's folders only, and writes
the bundle beside them: `/pagefind/` for the default language at the root,
`/<code>/pagefind/` for the others. A run per language keeps the memory of a
large site down (Pagefind holds every page it indexes); as many runs go at once
as the build has workers (`KIT_WORKERS`). The theme marks only the
text of items (`data-pagefind-body`), so listings, home pages and the 404 page
are not indexed, and drafts are never written at all. Pagefind reads copies of
the marked pages, made while the pages are written (`copies.py`: the marked
element only, labels apart from values). Pagefind's ready-made
interfaces are removed: the kit's own small script on the search page uses the
core API, and nothing else of Pagefind is published.

Pagefind indexes a folded copy of the pages (`folding.py`: Persian yeh and kaf,
no tatweel, short vowels or non-joiner, ASCII digits), and search.js folds the
query the same way. What readers see of a result (its title and excerpt) comes
from a second run over the pages as written (the changed copies get their
unfolded text back, in place): each fragment of the folded bundle is replaced by
the original fragment of the same address. A language where folding changes no
page (most Swahili and English sites) has no second run. Folding keeps every
word in its place, so the highlighted words are still the ones found.
"""

from __future__ import annotations

import atexit
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from kit_schema import Problem
from kit_build.files import files_under
from kit_build.pelican_wall import published_items, watch_pages
from kit_build.problems import report
from kit_parallel.kit_parallel import workers

from .copies import SEPARATED, PageCopies, copy_pages, indexed_pages
from .folding import arabic_spellings

FOLDER = "pagefind"
PAGES = "pages"  # the copies Pagefind reads, in the work folder of a build's index
KEPT_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
KEPT_SUFFIXES = (".pagefind", ".pf_meta")
KEPT_FOLDERS = ("index", "fragment")


def index_site(site: Path, glob: str, destination: Path) -> str | None:
    """Run Pagefind on the pages of `site` that match `glob` into `destination`; None when it worked,
    else its error output."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob,
                             "--output-path", str(destination)], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr or result.stdout)


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


def prepare_run(output: Path, run: Run, copies: Path, written: set[str]) -> list[str]:
    """Make sure `copies` holds the run's pages as Pagefind reads them: the writer's copies (`written`),
    else (none of the language's pages is marked, or no writer of this build wrote them) copies of
    the pages on disk. The pages whose copies folding changed, relative to `output`."""
    relative = [os.path.relpath(page, output) for page in run.pages]
    if written.isdisjoint(relative):
        copy_pages(output, indexed_pages(run.pages), copies)
        written = files_under(copies)
    return [path for path in relative if path + SEPARATED in written]


def put_back_separated(copies: Path, changed: list[str]) -> None:
    """Give each changed page's folded copy the separated text kept beside it. The files are rewritten
    where they are, so their folders list them in the same order."""
    for path in changed:
        (copies / path).write_text((copies / f"{path}{SEPARATED}").read_text(encoding="utf-8"), encoding="utf-8")


def index_languages(output: Path, runs: list[Run], work: Path, processes: int) -> str | None:
    """Every language's bundle: the index of the folded copies (in `work`/pages), with the fragments
    of the pages as written (labels separated from values) from a second run over the language's pages
    once its changed pages hold their separated text again. Pagefind runs `processes` at a time,
    languages with a second run first. None when all worked, else the first error."""
    copies, written = work / PAGES, files_under(work / PAGES)
    changed = {run.bundle: prepare_run(output, run, copies, written) for run in runs}
    order = sorted(runs, key=lambda run: not changed[run.bundle])
    errors: list[str] = []
    with ThreadPoolExecutor(processes) as pool:
        first = [pool.submit(index_site, copies, run.glob, output / run.bundle) for run in order]
        for run, started in zip(order, first):
            error = started.result()
            original = work / "original" / run.bundle if changed[run.bundle] else None
            if error is None and original is not None:
                put_back_separated(copies, changed[run.bundle])
                error = pool.submit(index_site, copies, run.glob, original).result()
            if error is not None:
                errors.append(error)
            elif not errors:
                finish_bundle(output / run.bundle, original)
    return errors[0] if errors else None


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


_copies: list[PageCopies] = []  # where the pages being written are copied, during a build with search


def marked_pages(generators: list) -> list[str]:
    """Where the pages of every item will be written (the pages the theme marks for Pagefind are
    among them), relative to the output."""
    return [item.save_as for generator in generators for item in published_items(generator)
            if getattr(item, "save_as", "")]


def start_copies(generators: list) -> None:
    """Before any page is written: copy each page Pagefind will read as the writer writes it, into
    folders made beforehand in order."""
    for copies in _copies:
        shutil.rmtree(copies.folder.parent, ignore_errors=True)  # left by a build that stopped before its index
    _copies.clear()
    settings = generators[0].settings if generators else {}
    if settings.get("KIT_SEARCH", True) and generators:
        work = Path(tempfile.mkdtemp(prefix="kit-search-"))
        atexit.register(shutil.rmtree, work, True)  # however the build ends
        _copies.append(PageCopies(work / PAGES, Path(generators[0].output_path)))
        _copies[0].make_folders(marked_pages(generators))
    watch_pages(_copies[0].note_page if _copies else None)


def work_folder(output: Path) -> Path:
    """The folder of the copies made while the pages of `output` were written (in `PAGES`), or a
    new empty one; no page written from now on is copied."""
    watch_pages(None)
    made = [copies.folder.parent for copies in _copies if copies.output == os.path.abspath(output)]
    _copies.clear()
    return made[0] if made else Path(tempfile.mkdtemp(prefix="kit-search-"))


def build_index(pelican) -> None:
    settings, output = pelican.settings, Path(pelican.output_path)
    work = work_folder(output)
    try:
        if not settings.get("KIT_SEARCH", True):
            return
        codes = [lang["code"] for lang in settings.get("LANGUAGES", [])] or [settings["DEFAULT_LANG"]]
        runs = language_runs(output, codes, settings["DEFAULT_LANG"])
        error = index_languages(output, runs, work, workers(settings))  # as many Pagefind runs at once
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if error:
        report(Problem("output", None, "", f"the search index could not be built: {error.strip()[:500]}"))
        return
    notice = arabic_spelling_notice(Path(settings["PATH"]), codes, settings["DEFAULT_LANG"])
    if notice:
        print(notice)  # printed, not logged: the kit turns logged warnings into problems that stop the build
