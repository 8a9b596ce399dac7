"""Measure the edit loop: from saving a file to its new bytes in every output file it touches.

`python bench/edit_loop.py --n 1000 --edits 5` writes the corpus of `bench/run.py`
(corpus.py, N news items in each of sw, en and fa) into a temporary folder and runs the
real `make livereload` command on it (tasks.livereload_command, server included). After
the first build, it edits news items one at a time, as an editor would, and polls the
output files until they hold their new bytes:

- body: one sentence appended to an item; the time until that item's page holds it;
- title: an item's title replaced; the time until every file that held the old title (its
  page, the listing page, and the home page, feeds and sitemap when it is recent) holds its
  final bytes, the slowest file counting. Files the edit changed that did not hold the old
  title are named in the report, not measured. "newest item" edits one of the three newest
  files, which the home page, the first listing page, the sitemap page and the feed show;
- body, during a rebuild: a body edit saved while the pass of the edit before is still
  running (no save may be lost; the latency is shown as measured).

The clock starts when the edited file is closed. Between edits the loop waits until the
whole pass of the previous edit is done. It prints a Markdown table of medians (and the
slowest) and one PASS/FAIL line per budget of issue 20: body under 1.0 s, title (either kind) under
2.0 s. This is a benchmark: nothing here fails on time, it reports.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DEFAULT_LANG, item_lang, read_item, write_corpus

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01, as bench/run.py
BODY_BUDGET, TITLE_BUDGET = 1.0, 2.0
POLL = 0.005  # seconds between two looks at the output files
PASS_TIMEOUT = 600.0  # a pass that takes longer than this is a failure of the loop


@dataclass
class Edit:
    """One measured edit: what, which file, and seconds from save to each output file's final bytes."""

    kind: str
    source: str
    seconds: dict[str, float] = field(default_factory=dict)
    unmeasured: list[str] = field(default_factory=list)

    @property
    def latency(self) -> float:
        return max(self.seconds.values()) if self.seconds else float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_of(path: Path, output: Path) -> Path:
    """The output page of a news item's file: `[<lang>/]news/<slug>/index.html`."""
    lang = item_lang(path)
    slug = read_item(path)[0].get("slug") or path.name.split(".")[0]
    prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
    return output / f"{prefix}news/{slug}/index.html"


class Live:
    """The livereload process on the corpus, and its log."""

    def __init__(self, content: Path, output: Path, log: Path) -> None:
        sys.path.insert(0, str(ROOT))
        import tasks

        self.log_path = log
        command = tasks.livereload_command(content, output, free_port())
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
        with log.open("wb") as printed:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=printed, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def mark(self) -> int:
        """Where the log ends now."""
        return len(self.log_path.read_text(errors="replace"))

    def served_since(self, mark: int) -> bool:
        """True when a whole pass has finished since `mark`."""
        return "Served:" in self.log_path.read_text(errors="replace")[mark:]

    def wait_for_pass(self, mark: int) -> None:
        start = time.monotonic()
        while not self.served_since(mark):
            if self.process.poll() is not None or time.monotonic() - start > PASS_TIMEOUT:
                sys.exit(f"livereload stopped or hung; it printed:\n{self.log_path.read_text(errors='replace')}")
            if "The build stopped" in self.log_path.read_text(errors="replace"):
                sys.exit(f"the build stopped:\n{self.log_path.read_text(errors='replace')}")
            time.sleep(0.05)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def save(path: Path, text: str) -> float:
    """Write the file as an editor's save does; the moment it is closed."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
    return time.monotonic()


def watch_files(paths: list[Path], saved: float, done) -> dict[Path, list[tuple[float, bytes]]]:
    """Every distinct content each file had, with when it was first seen, until `done()`."""
    seen: dict[Path, list[tuple[float, bytes]]] = {path: [] for path in paths}
    while True:
        finished = done()
        for path in paths:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                data = b""
            if not seen[path] or seen[path][-1][1] != data:
                seen[path].append((time.monotonic() - saved, data))
        if finished:
            return seen
        time.sleep(POLL)


def final_times(seen: dict[Path, list[tuple[float, bytes]]], output: Path) -> dict[str, float]:
    """Seconds until each file first held the bytes it ended with (files it did not change are left out)."""
    result = {}
    for path, versions in seen.items():
        final = versions[-1][1]
        if len(versions) > 1:
            result[path.relative_to(output).as_posix()] = next(when for when, data in versions if data == final)
    return result


def snapshot(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*")
            if p.is_file() and "pagefind" not in p.parts}


def holding(output: Path, text: bytes) -> list[Path]:
    """The pages, feeds and sitemaps of `output` whose bytes contain `text`."""
    return [p for p in output.rglob("*") if p.suffix in (".html", ".xml", ".atom") and text in p.read_bytes()]


class Bench:
    """The corpus, the running loop and the edits made to it."""

    def __init__(self, work: Path, n: int) -> None:
        self.content = write_corpus(work, n)
        self.output = work / "output"
        self.live = Live(self.content, self.output, work / "livereload.log")
        self.items = sorted((self.content / "news").glob("*.md"))
        self.rng = random.Random(n)
        self.count = 0

    def body_edit(self, during_rebuild: bool = False) -> Edit:
        path = self.rng.choice(self.items)
        self.count += 1
        marker = f"Marker{self.count}x{self.rng.randrange(10**6)}"
        page = page_of(path, self.output)
        if during_rebuild:  # an edit of another item first, and this one while its pass runs
            other = self.rng.choice(self.items)
            save(other, other.read_text(encoding="utf-8") + "\nKabla.\n")
            self._wait_until_pass_started()
        mark = self.live.mark()
        saved = save(path, path.read_text(encoding="utf-8") + f"\n{marker}\n")
        seen = watch_files([page], saved, lambda: marker.encode() in _read(page))
        self.live.wait_for_pass(mark)
        return Edit("body, during a rebuild" if during_rebuild else "body", path.name,
                    {page.relative_to(self.output).as_posix(): seen[page][-1][0]})

    def _wait_until_pass_started(self) -> None:
        """Give the pass of the first save time to get into its rendering."""
        time.sleep(1.5)

    def title_edit(self, newest: bool = False) -> Edit:
        """A title replaced; `newest`: of the newest item, which the home page and the feeds show too."""
        path = self.items[-1 - self.count % 3] if newest else self.rng.choice(self.items)
        self.count += 1
        front, _ = read_item(path)
        old = html.escape(str(front["title"]), quote=False).encode()
        new_title = f"Kichwa kipya {self.count} {self.rng.randrange(10**6)}"
        candidates = holding(self.output, old)
        before = snapshot(self.output)
        mark = self.live.mark()
        text = path.read_text(encoding="utf-8")
        new_text = re.sub(r"^title: .*$", f'title: "{new_title}"', text, count=1, flags=re.MULTILINE)
        saved = save(path, new_text)
        seen = watch_files(candidates, saved, lambda: self.live.served_since(mark))
        after = snapshot(self.output)
        changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
        times = final_times(seen, self.output)
        return Edit("title, newest item" if newest else "title", path.name, times, sorted(changed - set(times)))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def row(name: str, edits: list[Edit], budget: float | None) -> str:
    values = [edit.latency for edit in edits]
    files = statistics.median(len(edit.seconds) for edit in edits)
    shown = f"{budget:.1f}" if budget else "—"
    return (f"| {name} | {len(edits)} | {statistics.median(values):.2f} | {max(values):.2f} | {files:g} | {shown} |")


def report(groups: dict[str, list[Edit]], n: int, first_build: float) -> str:
    lines = [f"Edit loop on the corpus of bench/run.py --n {n} ({3 * n} news items and the demo's pages), "
             f"`make livereload` (first build {first_build:.1f} s):", "",
             "| edit | edits | median s | slowest s | files measured (median) | budget s |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    budgets = {"body": BODY_BUDGET, "title": TITLE_BUDGET, "title, newest item": TITLE_BUDGET}
    lines += [row(name, edits, budgets.get(name)) for name, edits in groups.items() if edits]
    lines.append("")
    for name, budget in budgets.items():
        if groups.get(name):
            median = statistics.median(edit.latency for edit in groups[name])
            verdict = "PASS" if median <= budget else "FAIL"
            lines.append(f"{verdict}: {name} edit reaches every file it changes in {median:.2f} s "
                         f"(median; budget {budget:.1f} s)")
    unmeasured = sorted({name for edits in groups.values() for edit in edits for name in edit.unmeasured})
    if unmeasured:
        lines.append(f"Not measured (changed, but held no old title): {', '.join(unmeasured[:10])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="news items per language")
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kit-edit-loop-"))
    bench = None
    try:
        start = time.monotonic()
        bench = Bench(work, args.n)
        bench.live.wait_for_pass(0)
        first = time.monotonic() - start
        groups: dict[str, list[Edit]] = {"body": [], "title": [], "title, newest item": [],
                                         "body, during a rebuild": []}
        for number in range(args.edits):
            print(f"edit {number + 1} of {args.edits}", file=sys.stderr)
            groups["body"].append(bench.body_edit())
            groups["title"].append(bench.title_edit())
            groups["title, newest item"].append(bench.title_edit(newest=True))
            groups["body, during a rebuild"].append(bench.body_edit(during_rebuild=True))
        print(report(groups, args.n, first))
    finally:
        if bench is not None:
            bench.live.stop()
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
