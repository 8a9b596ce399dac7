"""Check the written site before it can be published: every internal link resolves.

Runs when Pelican has written every file. Each `href`/`src` that points into the
site (a path starting with `/`, or the site's own absolute address) must name a
file of the output, so a reader never meets a missing page in any language,
feed, sitemap page or download. Broken links are problems that stop the build.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican import signals
from kit_schema import Problem

LINK_ATTRIBUTES = ("href", "src")


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found += [value for name, value in attrs if name in LINK_ATTRIBUTES and value]


def references(html: str) -> list[str]:
    """Every href and src of a page."""
    parser = _References()
    parser.feed(html)
    return parser.found


def internal_path(reference: str, siteurl: str) -> str | None:
    """The site path a reference points to, or None for other sites and schemes."""
    if siteurl and reference.startswith(siteurl + "/"):
        reference = reference[len(siteurl):]
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return unquote(parts.path)


def resolves(output: Path, path: str) -> bool:
    target = output / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def broken_links(output: Path, siteurl: str = "") -> list[Problem]:
    """A problem for each internal reference that names no file of `output`."""
    problems = []
    for page in sorted(output.rglob("*.html")):
        for reference in references(page.read_text(encoding="utf-8")):
            path = internal_path(reference, siteurl)
            if path is not None and not resolves(output, path):
                shown = page.relative_to(output)
                problems.append(Problem(f"output/{shown}", None, "",
                                        f"links to {reference}, which is not part of the site"))
    return problems


def check_output(pelican) -> None:
    if pelican.settings.get("KIT_CHECK_LINKS", True):
        problems = broken_links(Path(pelican.output_path), pelican.settings["SITE_ADDRESS"])
        pelican.settings.setdefault("KIT_PROBLEMS", []).extend(problems)


def register() -> None:
    # finalized: every page is written; kit_schema stops the build on what this finds.
    signals.finalized.connect(check_output)
