"""The editor's files from the npm package, at the version the lock file pins.

`npm ci` installs `@sveltia/cms` and the two fonts of its interface (Material Symbols
for its icons, Source Sans 3 for its text) into `node_modules/` from package-lock.json.
The build copies the bundle under a name carrying its version, and the fonts beside a
small stylesheet that names them, so the editor never fetches a font from a CDN (the
bundle's own @font-face rules name cdn.jsdelivr.net; the page's Content-Security-Policy
blocks those and the local faces are used). Nothing here downloads anything: when the
package is missing or is not the locked version, `missing()` says what to run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "@sveltia/cms"
BUNDLE = "dist/sveltia-cms.js"
FONTS = {  # family -> (package, file in it, weights)
    "Material Symbols Outlined": ("@fontsource-variable/material-symbols-outlined",
                                  "files/material-symbols-outlined-latin-wght-normal.woff2", "100 700"),
    "Source Sans 3": ("@fontsource-variable/source-sans-3", "files/source-sans-3-latin-wght-normal.woff2", "200 900"),
}
INSTALL = ("install Node.js 20 or later and npm (Debian: sudo apt-get install nodejs npm), then run "
           "`npm ci` in the project folder")


@dataclass(frozen=True)
class Bundle:
    """The installed editor: its version and the files to publish under /admin/ (name -> source)."""

    version: str
    files: dict[str, Path]

    @property
    def script(self) -> str:
        return f"sveltia-cms-{self.version}.js"


def locked_version(project: Path, package: str) -> str | None:
    """The version package-lock.json pins for `package`, or None."""
    lock = project / "package-lock.json"
    if not lock.is_file():
        return None
    entry = json.loads(lock.read_text(encoding="utf-8")).get("packages", {}).get(f"node_modules/{package}", {})
    return entry.get("version")


def modules(project: Path) -> Path:
    """Where the packages are installed: node_modules/ of `project`, or the folder named by the
    environment variable KIT_ADMIN_MODULES (`invoke publish` builds an export of a commit, which
    has none, with the checkout's)."""
    return Path(os.environ.get("KIT_ADMIN_MODULES") or project / "node_modules")


def installed_version(project: Path, package: str) -> str | None:
    manifest = modules(project) / package / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8")).get("version") if manifest.is_file() else None


def missing(project: Path) -> str | None:
    """Why the editor cannot be built from `project`, with what to do; None when it can."""
    for package in (PACKAGE, *(source[0] for source in FONTS.values())):
        locked, installed = locked_version(project, package), installed_version(project, package)
        if locked is None:
            return f"package-lock.json does not pin {package}; restore the kit's package.json and package-lock.json"
        if installed != locked:
            found = f"version {installed} is installed" if installed else "it is not installed"
            return f"{package} {locked} is needed but {found}: {INSTALL}"
    return None


def bundle(project: Path) -> Bundle:
    """The files of the installed editor (call `missing()` first)."""
    folder = modules(project)
    version = installed_version(project, PACKAGE)
    files = {f"sveltia-cms-{version}.js": folder / PACKAGE / BUNDLE}
    files |= {f"fonts/{Path(name).name}": folder / package / name for package, name, _ in FONTS.values()}
    return Bundle(version, files)


def fonts_css() -> str:
    """@font-face rules for the local fonts (no unicode-range, so they serve when the CDN's faces fail)."""
    rules = [f"@font-face{{font-family:'{family}';font-style:normal;font-display:block;font-weight:{weights};"
             f"src:url(fonts/{Path(name).name}) format('woff2-variations')}}"
             for family, (_, name, weights) in FONTS.items()]
    return "\n".join(rules) + "\n"
