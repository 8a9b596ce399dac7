"""Shared helpers: the kit's plugins on sys.path, and real builds into tmp folders.

The tests may run in several processes at once (pytest-xdist: `make test` runs one per
core, each test file in one process, so a module's fixtures are made once). The demo site
and its production build are still built once per run: the first process that needs one
builds it into the run's shared folder while holding a lock, and the others wait and read
the same files. The demo content is copied once when the run
starts, so a test that adds a file to content/ for a moment (`invoke new`) never reaches
a build or a copy made by another process.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

SNAPSHOT = "KIT_TEST_DEMO_CONTENT"  # environment variable: the run's copy of content/, made by the first process


def demo_content() -> Path:
    """The demo content as it was when the run started (content/ itself outside pytest)."""
    return Path(os.environ.get(SNAPSHOT) or ROOT / "content")


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get(SNAPSHOT):
        return  # an xdist worker: the controller made the copy and passed it in the environment
    folder = Path(tempfile.mkdtemp(prefix="kit-demo-content-"))
    os.environ[SNAPSHOT] = str(shutil.copytree(ROOT / "content", folder / "content", symlinks=True))
    config.add_cleanup(lambda: (shutil.rmtree(folder, ignore_errors=True), os.environ.pop(SNAPSHOT, None)))


_BEFORE_SHARED_CACHE: list[Callable[[], object]] = []  # the demo build, before any build that shares cache/


def build(output: Path, content: Path | None = None, settings_file: str = "pelicanconf.py",
          **overrides) -> Path:
    """Build `content` (default: the demo) with the kit's settings into `output`, in this process.

    Without a CACHE_PATH the build shares the project's image cache; the demo is built first
    (once per run), so the demo's photos are already there and no two processes encode
    the same photo into it at the same time.
    """
    if "CACHE_PATH" not in overrides:
        for first in _BEFORE_SHARED_CACHE:
            first()
    return _build(output, content or demo_content(), settings_file, **overrides)


def _build(output: Path, content: Path, settings_file: str, **overrides) -> Path:
    settings = read_settings(str(ROOT / settings_file),
                             override={"PATH": str(content), "OUTPUT_PATH": str(output), **overrides})
    Pelican(settings).run()
    return output


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def copy_content(destination: Path) -> Path:
    """A private copy of the demo content that a test may break."""
    return Path(shutil.copytree(demo_content(), destination / "content"))


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The run's folder that every test process sees: the parent of an xdist worker's own."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (made if missing) against the run's other processes."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(factory: pytest.TempPathFactory, name: str, settings_file: str) -> Path:
    """The demo built with `settings_file` into the run's shared folder, by the first process that asks."""
    folder = shared_folder(factory)
    output, done = folder / name / "output", folder / f"{name}.built"
    with locked(folder / f"{name}.lock"):
        if not done.exists():  # a build that failed in another process is tried again here
            shutil.rmtree(folder / name, ignore_errors=True)
            _build(output, demo_content(), settings_file)
            done.touch()
    return output


@pytest.fixture(scope="session", autouse=True)
def _demo_before_shared_cache(tmp_path_factory):
    """Lets `build` build the demo first, only when a test builds with the shared image cache."""
    _BEFORE_SHARED_CACHE.append(lambda: built_once(tmp_path_factory, "demo", "pelicanconf.py"))
    yield
    _BEFORE_SHARED_CACHE.clear()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo site, built once for the whole test run."""
    return built_once(tmp_path_factory, "demo", "pelicanconf.py")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process (Playwright's sync API allows one at a time)."""
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
def production_site(demo_site, tmp_path_factory) -> Path:
    """The demo site built with publishconf.py: minified, precompressed, absolute addresses.

    Built after the demo, whose build fills the shared image cache."""
    return built_once(tmp_path_factory, "production", "publishconf.py")
