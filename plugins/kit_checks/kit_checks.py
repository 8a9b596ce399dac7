"""Check the written site before it can be published: every internal link resolves.

Runs when Pelican has written every file. Each `href`/`src` that points into the
site (a path starting with `/`, or the site's own absolute address) must name a
file of the output, so a reader never meets a missing page in any language,
feed, sitemap page or download. Broken links are problems that stop the build.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kit_schema import Problem
from kit_build.problems import report


REFERENCE = re.compile(r"""\s(href|src|srcset)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def references(html: str) -> list[str]:
    """Every href, src and srcset address of a page (quoted or unquoted), entities decoded."""
    found = []
    for name, *values in REFERENCE.findall(html):
        value = unescape(next((v for v in values if v), ""))
        if name == "srcset":
            found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        elif value:
            found.append(value)
    return found


def internal_path(reference: str, siteurl: str) -> str | None:
    """The site path a reference points to, or None for other sites and schemes."""
    if siteurl and reference.startswith(siteurl + "/"):
        reference = reference[len(siteurl):]
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return unquote(parts.path)


def resolves(files: set[str], path: str) -> bool:
    """True when the site path names a file (a folder address: its index.html)."""
    relative = path.lstrip("/")
    return f"{relative}index.html" in files if path.endswith("/") else relative in files


def broken_links(output: Path, siteurl: str = "") -> list[Problem]:
    """A problem for each internal reference that names no file of `output`."""
    files = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    problems = []
    for page in sorted(output.rglob("*.html")):
        for reference in references(page.read_text(encoding="utf-8")):
            path = internal_path(reference, siteurl)
            if path is not None and not resolves(files, path):
                shown = page.relative_to(output)
                problems.append(Problem(f"output/{shown}", None, "",
                                        f"links to {reference}, which is not part of the site"))
    return problems


def check_output(pelican) -> None:
    if pelican.settings.get("KIT_CHECK_LINKS", True):
        problems = broken_links(Path(pelican.output_path), pelican.settings["SITE_ADDRESS"])
        report(*problems)
