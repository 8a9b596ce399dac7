"""Page weight of the production build, per page kind and language, with Lighthouse.

`invoke bench-weight` runs this. It builds the demo site with publishconf.py
(or takes `--site`), serves it with the kit's nginx configuration on a loopback
port, and prints two tables:

1. bytes per page: HTML raw / gzip / brotli, what the first render needs (the
   page and any stylesheet it links; the kit's stylesheet is inlined), everything
   the page loads (gzip, images included) and the number of requests;
2. Lighthouse mobile scores (default mobile throttling, Debian's Chromium) for
   performance, accessibility, best practices and SEO; `--lighthouse-runs N` gives
   the median of N runs per page, in interleaved rounds, and lists each run's
   performance score.

`--search WORDS` also measures what a first search downloads on each language's search
page: `sw=maji,en=water,fa=آب` gives each language its own word, a bare word is used
in every language.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kit_audit import chromium, sample_pages  # noqa: E402
from kit_identity import languages_of, load_identity  # noqa: E402
from kit_serving import running_nginx, serving_settings  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ASSET = re.compile(r'(?:href|src)=([^\s>]+?\.(?:css|js|svg|png|jpe?g|webp|avif))[\s>]')


def build(content: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(output), "-q"]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def served_size(site: Path, path: Path, encoding: str) -> int:
    packed = path.with_name(path.name + encoding)
    return (packed if packed.exists() else path).stat().st_size


def local(site: Path, url: str) -> Path:
    return site / re.sub(r"^https?://[^/]+/", "", url).lstrip("/")


def page_kind(path: str, codes: list[str]) -> str:
    parts = [part for part in path.strip("/").split("/") if part and part not in codes]
    if not parts:
        return "home"
    if parts[0] == "404.html":
        return "404"
    return parts[0] + ("" if len(parts) == 1 else " item")


def weight_row(site: Path, path: str, codes: list[str]) -> dict:
    page = local(site, path) / "index.html" if path.endswith("/") else local(site, path)
    html = page.read_text(encoding="utf-8")
    assets = [local(site, url) for url in ASSET.findall(html) if "pagefind" not in url]
    blocking = [a for a in assets if a.suffix == ".css"]
    html_gzip = served_size(site, page, ".gz")
    return {"kind": page_kind(path, codes), "path": path, "raw": page.stat().st_size,
            "gzip": html_gzip, "brotli": served_size(site, page, ".br"),
            "first_render": html_gzip + sum(served_size(site, a, ".gz") for a in blocking),
            "total": html_gzip + sum(served_size(site, a, ".gz") for a in set(assets)),
            "requests": 1 + len(set(assets))}


def lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's four category scores (0-100) for one address, mobile defaults."""
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    result = subprocess.run(["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
                             "--disable-full-page-screenshot",  # a picture for the report; scores do not use it
                             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                            capture_output=True, text=True, env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"))
    report = json.loads(result.stdout)
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def settled(values: list[int], runs: int) -> bool:
    """True when `values` already fix the median of `runs` values: one value fills more than half."""
    return Counter(values).most_common(1)[0][1] > runs // 2


def medians_fixed(done: list[dict[str, int]], runs: int) -> bool:
    """True when the runs in `done` already fix the median of `runs` runs in every category."""
    return bool(done) and all(settled([run[name] for run in done], runs) for name in CATEGORIES)


def lighthouse_runs(urls: list[str], runs: int) -> dict[str, list[dict[str, int]]]:
    """Each address's Lighthouse runs, as many as fix the median of `runs` runs.

    Single runs vary with the machine's load, and a slow minute would spoil every run of the
    page measured in it. So runs are interleaved: each round runs every address once, in
    order, before the next round starts. An address leaves the rounds as soon as further runs
    could not change any of its medians (for three runs: when the first two agree)."""
    results: dict[str, list[dict[str, int]]] = {url: [] for url in urls}
    for round_number in range(1, runs + 1):
        pending = [url for url in urls if not medians_fixed(results[url], runs)]
        print(f"Lighthouse round {round_number} of at most {runs}: {len(pending)} of {len(urls)} pages",
              file=sys.stderr, flush=True)
        for url in pending:
            results[url].append(lighthouse(url))
    return results


def medians(done: list[dict[str, int]]) -> dict[str, int]:
    """Each category's median score over the runs in `done`."""
    return {name: round(statistics.median(run[name] for run in done)) for name in CATEGORIES}


def search_words(spec: str, codes: list[str]) -> dict[str, str]:
    """The word to search for in each language: `sw=maji,en=water`, or one bare word for every language."""
    if spec and "=" not in spec:
        return {code: spec for code in codes}
    items = [item for item in spec.split(",") if item]
    if any("=" not in item for item in items):
        raise SystemExit(f"--search: give every language as code=word, e.g. sw=maji,en=water (got '{spec}')")
    pairs = dict(item.split("=", 1) for item in items)
    unknown = set(pairs) - set(codes)
    if unknown:
        raise SystemExit(f"--search: no language {', '.join(sorted(unknown))} on this site (it has {', '.join(codes)})")
    return {code: pairs[code] for code in codes if code in pairs}


def first_search_bytes(base: str, prefix: str, word: str) -> tuple[int, int]:
    """(bytes, requests) the search page downloads for its first search, after the page itself."""
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}{prefix}search/")
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(f"{base}{prefix}search/?q={quote(word)}")
        page.wait_for_selector(".kit-results__item, .js-search-status:not(:empty)", timeout=20000)
        page.wait_for_load_state("networkidle")
        loaded = [r for r in requests if "/pagefind/" in r.url or r.url.endswith(".js")]
        return sum(r.sizes()["responseBodySize"] for r in loaded), len(loaded)


def print_weights(rows: list[dict]) -> None:
    print("| page kind | lang | HTML raw | HTML gzip | HTML brotli | first render (gzip) | total (gzip) | requests |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['kind']} | {row['lang']} | {row['raw']:,} | {row['gzip']:,} | {row['brotli']:,} | "
              f"{row['first_render']:,} | {row['total']:,} | {row['requests']} |")


def print_scores(rows: list[dict]) -> None:
    print("| page kind | lang | address | performance | accessibility | best practices | SEO | performance runs |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    for row in rows:
        scores, runs = medians(row["runs"]), " ".join(str(run["performance"]) for run in row["runs"])
        print(f"| {row['kind']} | {row['lang']} | {row['path']} | " + " | ".join(str(scores[c]) for c in CATEGORIES)
              + f" | {runs} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing production build (default: build one)")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--search", help="words for a first search: 'sw=maji,en=water', or one word for all")
    parser.add_argument("--kinds", help="comma-separated page kinds for Lighthouse (default: every kind)")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page; the table shows medians")
    args = parser.parse_args(argv)
    identity, _ = load_identity(args.content)
    languages = languages_of(identity)
    codes, default = [lang["code"] for lang in languages], identity["languages"]["default"]
    with tempfile.TemporaryDirectory() as temp:
        site = args.site or Path(temp) / "output"
        if args.site is None:
            build(args.content, site)
        paths = sample_pages(site, codes, default)
        rows = [weight_row(site, path, codes) | {"lang": next(c for c in codes if path.startswith(f"/{c}/"))
                                                 if any(path.startswith(f"/{c}/") for c in codes) else default}
                for path in paths]
        print_weights(rows)
        nginx_folder = Path(temp) / "nginx"
        nginx_folder.mkdir()
        with running_nginx(serving_settings(identity, ROOT / "theme"), site, nginx_folder) as port:
            base = f"http://127.0.0.1:{port}"
            words = search_words(args.search or "", codes)
            for code, word in words.items():
                prefix = "/" if code == default else f"/{code}/"
                size, count = first_search_bytes(base, prefix, word)
                print(f"\nfirst search for '{word}' on {prefix}search/: {size:,} bytes in {count} requests")
            if not args.no_lighthouse:
                print()
                kinds = set(args.kinds.split(",")) if args.kinds else None
                chosen = [row for row in rows if kinds is None or row["kind"] in kinds]
                runs = lighthouse_runs([base + row["path"] for row in chosen], args.lighthouse_runs)
                print_scores([row | {"runs": runs[base + row["path"]]} for row in chosen])


if __name__ == "__main__":
    main()
