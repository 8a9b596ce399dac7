"""Shared helpers: the kit's plugins on sys.path, and real builds into tmp folders."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402


def build(output: Path, content: Path = ROOT / "content", settings_file: str = "pelicanconf.py",
          **overrides) -> Path:
    """Build `content` with the kit's settings into `output`, in this process."""
    settings = read_settings(str(ROOT / settings_file),
                             override={"PATH": str(content), "OUTPUT_PATH": str(output), **overrides})
    Pelican(settings).run()
    return output


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def copy_content(destination: Path) -> Path:
    """A private copy of the demo content that a test may break."""
    return Path(shutil.copytree(ROOT / "content", destination / "content"))


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo site, built once for the whole test run."""
    return build(tmp_path_factory.mktemp("demo") / "output")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (Playwright's sync API allows one at a time)."""
    from kit_audit import chromium

    with chromium() as shared:
        yield shared


@pytest.fixture(scope="session")
def browser_on_demo(demo_site, browser):
    """(base address, Chromium) with the demo site served on 127.0.0.1."""
    from kit_audit import serve

    with serve(demo_site) as base:
        yield base, browser


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The demo site built with publishconf.py: minified, precompressed, absolute addresses."""
    return build(tmp_path_factory.mktemp("production") / "output", settings_file="publishconf.py")
