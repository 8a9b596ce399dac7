"""Benchmark the kit's build against Hugo and plain Pelican on one synthetic corpus.

`python bench/run.py --n N --runs R [--scale] [--keep]` writes a corpus of N news
items in each of sw, en and fa (see corpus.py) into a temporary folder, then,
R times: builds it with the kit from nothing (cold): with development settings,
with and without its search index, and with the production settings
(`publishconf.py`: absolute addresses, minified pages) with search, without and
with the precompressed `.gz`/`.br` copies; appends a sentence to one item and
builds again with Pelican's content cache (warm); builds the same Markdown with
Hugo (hugo_site.py), with Hugo and
then Pagefind on Hugo's output (what a Hugo site with search runs), and with
plain Pelican and its default theme (plain_site.py). Each build is a child
process; its wall time, CPU time (user + sys, its own and its children's) and
peak memory (max RSS) come from `os.wait4`. It prints a Markdown table of the
medians and the budget checks (PASS/FAIL, never an exit status: this is a
benchmark, not a test). `--scale` also builds the kit cold at 4N to check that
the build time grows linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import append_sentence, write_corpus
from bench.hugo_site import write_hugo_site
from bench.plain_site import SETTINGS_FILE, overrides, write_plain_site

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
HUGO = Path("/usr/bin/hugo")
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01: builds never depend on the clock
COLD_BUDGET, MEMORY_BUDGET_MB, GROWTH_BUDGET = 1.25, 1024.0, 4.4  # cold: kit with search / (Hugo + Pagefind)


@dataclass(frozen=True)
class Sample:
    """One build: seconds of wall and CPU time, and peak resident memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Result:
    """Every sample of one variant, and what it built."""

    name: str
    n: int
    documents: int
    samples: list[Sample] = field(default_factory=list)

    def median(self, metric: str) -> float:
        return statistics.median(getattr(sample, metric) for sample in self.samples)


def python() -> str:
    return str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))


def ensure_hugo() -> str:
    """The hugo binary; installs Debian's package when it is missing and we are root."""
    found = str(HUGO) if HUGO.exists() else shutil.which("hugo")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("Hugo is missing: run `sudo apt-get install -y hugo`, then run the benchmark again.")
    print("Installing Hugo (apt-get install -y hugo)...", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq", "hugo"]
    if subprocess.run(install, env=env, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(install, env=env, check=True)
    return str(HUGO) if HUGO.exists() else shutil.which("hugo") or sys.exit("Hugo could not be installed.")


def measure(command: list[str], cwd: Path, log: Path) -> Sample:
    """Run one build as a child process and take its times and peak memory from wait4."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    with log.open("wb") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"Build failed (exit {child.returncode}): {' '.join(command)}\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def kit_command(kit: Path, content: Path, output: Path, cache: Path, load_cache: bool,
                search: bool = True, production: bool = False, precompress: bool = False) -> list[str]:
    """The kit's build: `pelicanconf.py`, or `publishconf.py` with or without its precompressed copies."""
    settings = kit / ("publishconf.py" if production else "pelicanconf.py")
    extra = [f"KIT_PRECOMPRESS={json.dumps(precompress)}"] if production else []
    return [python(), "-m", "pelican", str(content), "-s", str(settings), "-o", str(output), "-q",
            "-e", "CACHE_CONTENT=true", f"LOAD_CONTENT_CACHE={json.dumps(load_cache)}",
            f"CACHE_PATH={json.dumps(str(cache))}", "KIT_CHECK_LINKS=false", f"KIT_SEARCH={json.dumps(search)}",
            *extra]


def hugo_command(hugo: str, site: Path, output: Path) -> list[str]:
    return [hugo, "--source", str(site), "--destination", str(output), "--quiet"]


def hugo_pagefind_command(hugo: str, site: Path, output: Path) -> list[str]:
    """Hugo, then Pagefind (the kit's pinned pagefind[bin]) over every page Hugo wrote, in one shell."""
    pagefind = shlex.join([python(), "-m", "pagefind", "--site", str(output), "--silent"])
    return ["sh", "-c", f"{shlex.join(hugo_command(hugo, site, output))} && {pagefind}"]


def plain_command(root: Path, output: Path) -> list[str]:
    return [python(), "-m", "pelican", str(root / "content"), "-s", str(root / SETTINGS_FILE),
            "-o", str(output), "-q", "-e", *overrides()]


def fresh(path: Path) -> Path:
    """An empty place for a build's output or cache (removed before timing)."""
    shutil.rmtree(path, ignore_errors=True)
    return path


def documents(content: Path) -> int:
    return sum(1 for _ in content.rglob("*.md"))


def html_files(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


@dataclass
class Bench:
    """The temporary folder of one benchmark and the sites written into it."""

    work: Path
    n: int
    hugo: str
    kit: Path = ROOT
    corpus: Path = field(init=False)
    hugo_site: Path = field(init=False)
    plain_root: Path = field(init=False)

    def prepare(self) -> None:
        self.corpus = write_corpus(self.work / "corpus", self.n, self.kit / "content")
        self.hugo_site = write_hugo_site(self.corpus, self.work / "hugo")
        self.plain_root = self.work / "plain"
        write_plain_site(self.corpus, self.plain_root)

    def build(self, name: str, command: list[str], cwd: Path | None = None) -> Sample:
        sample = measure(command, cwd or self.kit, self.work / f"{name}.log")
        print(f"  {name}: {sample.wall:.2f} s wall, {sample.cpu:.2f} s CPU, {sample.peak_mb:.0f} MB",
              file=sys.stderr)
        return sample

    def kit_cold(self, content: Path, name: str = "kit-cold", search: bool = True, production: bool = False,
                 precompress: bool = False) -> Sample:
        cache = fresh(self.work / f"{name}-cache")
        output = fresh(self.work / f"{name}-out")
        return self.build(name, kit_command(self.kit, content, output, cache, False, search, production, precompress))

    def kit_warm(self) -> Sample:
        """Edit one item, then rebuild with the cache the last cold build left."""
        append_sentence(min((self.corpus / "news").glob("*.md")))
        output = fresh(self.work / "kit-warm-out")
        cache = self.work / "kit-cold-cache"
        return self.build("kit-warm", kit_command(self.kit, self.corpus, output, cache, True))

    def hugo_build(self) -> Sample:
        return self.build("hugo", hugo_command(self.hugo, self.hugo_site, fresh(self.work / "hugo-out")))

    def hugo_pagefind_build(self) -> Sample:
        output = fresh(self.work / "hugo-pagefind-out")
        return self.build("hugo-pagefind", hugo_pagefind_command(self.hugo, self.hugo_site, output))

    def plain_build(self) -> Sample:
        output = fresh(self.work / "plain-out")
        return self.build("pelican", plain_command(self.plain_root, output), self.plain_root)


def pelican_summary(log: Path) -> str:
    """Pelican's own count of what it built ('Processed N articles, M drafts...')."""
    text = " ".join(log.read_text(encoding="utf-8", errors="replace").split())
    found = re.search(r"Processed (.*?) in [0-9.]+ seconds", text)
    return found.group(1) if found else "no summary in the log"


def version_of(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).strip().split("\n")[0]


KIT_PRODUCTION, KIT_PRECOMPRESSED = ("kit production cold, with search (minified, no precompression)",
                                     "kit production cold, with search and precompression")
KIT_COLD, KIT_NO_SEARCH, KIT_WARM, HUGO_COLD, HUGO_PAGEFIND, PELICAN = (
    "kit cold, with search (development settings)", "kit cold, no search (development settings)",
    "kit warm (1 item edited)", "Hugo (cold)", "Hugo, then Pagefind on its output", "Pelican, default theme (cold)")


def main_results(bench: Bench, runs: int) -> dict[str, Result]:
    """Every variant, interleaved run by run; by name."""
    n, kit_docs, hugo_docs = bench.n, documents(bench.corpus), documents(bench.hugo_site / "content")
    results = {KIT_PRODUCTION: Result(KIT_PRODUCTION, n, kit_docs),
               KIT_PRECOMPRESSED: Result(KIT_PRECOMPRESSED, n, kit_docs),
               KIT_COLD: Result(KIT_COLD, n, kit_docs), KIT_NO_SEARCH: Result(KIT_NO_SEARCH, n, kit_docs),
               KIT_WARM: Result(KIT_WARM, n, kit_docs), HUGO_COLD: Result(HUGO_COLD, n, hugo_docs),
               HUGO_PAGEFIND: Result(HUGO_PAGEFIND, n, hugo_docs),
               PELICAN: Result(PELICAN, n, documents(bench.plain_root / "content"))}
    steps = (lambda: bench.kit_cold(bench.corpus, "kit-production", production=True),
             lambda: bench.kit_cold(bench.corpus, "kit-precompressed", production=True, precompress=True),
             lambda: bench.kit_cold(bench.corpus), lambda: bench.kit_cold(bench.corpus, "kit-nosearch", False),
             bench.kit_warm, bench.hugo_build, bench.hugo_pagefind_build, bench.plain_build)
    for run in range(1, runs + 1):
        print(f"run {run}/{runs} at N={n}", file=sys.stderr)
        for result, step in zip(results.values(), steps):
            result.samples.append(step())
    return results


def scale_result(bench: Bench, runs: int) -> Result:
    """The kit cold at 4N, on its own corpus."""
    content = write_corpus(bench.work / "corpus-4n", 4 * bench.n, bench.kit / "content")
    result = Result("kit cold (4N)", 4 * bench.n, documents(content))
    for run in range(1, runs + 1):
        print(f"run {run}/{runs} at 4N={4 * bench.n}", file=sys.stderr)
        result.samples.append(bench.kit_cold(content, "kit-cold-4n"))
    return result


def table(results: list[Result], hugo: Result, hugo_pagefind: Result) -> str:
    lines = ["| variant | N per language | documents | wall s (median) | CPU s | peak MB | ratio to Hugo wall "
             "| ratio to Hugo + Pagefind wall |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for result in results:
        wall = result.median("wall")
        lines.append(f"| {result.name} | {result.n} | {result.documents} | {wall:.2f} | "
                     f"{result.median('cpu'):.2f} | {result.median('peak_mb'):.0f} | {wall / hugo.median('wall'):.2f}× "
                     f"| {wall / hugo_pagefind.median('wall'):.2f}× |")
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def ratio_line(kit: Result, base: Result, budget: float | None) -> str:
    """The wall-time ratio of two variants, against a budget when there is one; the CPU-time ratio beside it."""
    wall, base_wall = kit.median("wall"), base.median("wall")
    ratios = f"{wall / base_wall:.2f}×; CPU time {kit.median('cpu') / base.median('cpu'):.2f}×"
    if budget is None:
        return f"- {kit.name} / {base.name}: {wall:.2f} s / {base_wall:.2f} s ({ratios}; reported, no budget)"
    return (f"- {kit.name} ≤ {budget} × ({base.name}): {wall:.2f} s vs {budget} × {base_wall:.2f} s = "
            f"{budget * base_wall:.2f} s ({ratios}) → {verdict(wall <= budget * base_wall)}")


def growth_line(cold: Result, scaled: Result | None) -> str:
    if scaled is None:
        return f"- linear growth ≤ {GROWTH_BUDGET}: not measured (run with --scale)"
    growth = scaled.median("wall") / cold.median("wall")
    cpu = scaled.median("cpu") / cold.median("cpu")
    return (f"- linear growth ≤ {GROWTH_BUDGET}: kit cold at 4N / at N = {scaled.median('wall'):.2f} s / "
            f"{cold.median('wall'):.2f} s = {growth:.2f} (CPU time {cpu:.2f}) → {verdict(growth <= GROWTH_BUDGET)}")


def budget_lines(results: dict[str, Result], scaled: Result | None) -> list[str]:
    """One line per budget with its numbers, marked PASS or FAIL, and the kit without search against Hugo."""
    kits = [results[name] for name in (KIT_PRODUCTION, KIT_PRECOMPRESSED, KIT_COLD, KIT_NO_SEARCH, KIT_WARM)]
    peak = max(sample.peak_mb for result in kits + ([scaled] if scaled else []) for sample in result.samples)
    return [ratio_line(results[KIT_PRODUCTION], results[HUGO_PAGEFIND], COLD_BUDGET),
            ratio_line(results[KIT_PRECOMPRESSED], results[HUGO_PAGEFIND], None),
            ratio_line(results[KIT_COLD], results[HUGO_PAGEFIND], None),
            ratio_line(results[KIT_NO_SEARCH], results[HUGO_COLD], None),
            f"- peak memory ≤ {MEMORY_BUDGET_MB:.0f} MB: highest kit build {peak:.0f} MB → "
            f"{verdict(peak <= MEMORY_BUDGET_MB)}", growth_line(results[KIT_COLD], scaled)]


def kit_revision(kit: Path) -> str:
    """The kit's commit, and whether files differ from it (the kit changes often)."""
    if not (kit / ".git").exists():
        return f"{kit} (not a git checkout)"
    commit = version_of(["git", "-C", str(kit), "rev-parse", "--short", "HEAD"])
    changed = version_of(["git", "-C", str(kit), "status", "--porcelain", "--untracked-files=no"])
    return f"commit {commit}{' with uncommitted changes' if changed else ''}"


def report(bench: Bench, results: dict[str, Result], scaled: Result | None, runs: int) -> None:
    bases = results[HUGO_COLD], results[HUGO_PAGEFIND]
    print(f"\n## Build benchmark: N = {bench.n} news items per language, {runs} run(s), medians\n")
    print(f"Kit: {kit_revision(bench.kit)}.")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs (load average now {load}); {version_of([python(), '-m', 'pelican', '--version'])} (Pelican); "
          f"{version_of([bench.hugo, 'version'])}\n")
    print(table(list(results.values()), *bases))
    outputs = {"kit": "kit-warm-out", "Hugo": "hugo-out", "Pelican": "plain-out"}
    print("\nHTML files written by the last run: "
          + ", ".join(f"{name} {html_files(bench.work / folder)}" for name, folder in outputs.items()))
    print(f"Kit (last cold build): {pelican_summary(bench.work / 'kit-cold.log')}")
    if scaled is not None:
        print(f"\n### Growth: kit cold at N and 4N\n\n{table([results[KIT_COLD], scaled], *bases)}")
    print("\n### Budgets\n")
    print("\n".join(budget_lines(results, scaled)))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="news items per language (default 100)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build; medians are shown (default 3)")
    parser.add_argument("--scale", action="store_true", help="also build the kit cold at 4N")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--kit", type=Path, default=ROOT,
                        help="the kit to measure: a folder with pelicanconf.py and content/ (default: this one)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bench = Bench(Path(tempfile.mkdtemp(prefix="kit-bench-")), args.n, ensure_hugo(), args.kit.resolve())
    try:
        bench.prepare()
        results = main_results(bench, args.runs)
        scaled = scale_result(bench, args.runs) if args.scale else None
        report(bench, results, scaled, args.runs)
    finally:
        if args.keep:
            print(f"\nKept {bench.work}", file=sys.stderr)
        else:
            shutil.rmtree(bench.work, ignore_errors=True)


if __name__ == "__main__":
    main()
