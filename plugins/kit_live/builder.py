"""One pass of the live builder: the whole site, with the files an edit touches first.

A pass is a whole clean build in this process, into a private staging folder, with three
differences that change no byte of its result:

- unchanged items come from the last pass (`reuse.ItemStore`), and Markdown bodies are
  converted once (`reuse.remember_bodies`); Jinja keeps compiled templates in memory;
- once every item is read and checked, and before anything else is rendered, the files the
  edit touches (`changes.touched`) are rendered straight into the served folder;
- the served folder is then made equal to the staging folder (`sync.sync_tree`), and the
  search index is built after it, in a child process, so it never holds a page back.

A pass that finds a problem publishes nothing and puts back what it rendered early; a
pass that sees a newer save waiting gives up (`writers.Interrupted`) so the next one
starts at once. Because every pass ends as a clean build does, what is served after the
last pass is byte for byte what `make build` writes (tests/test_kit_live.py).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from jinja2 import BytecodeCache
from pelican import Pelican
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins import signals
from pelican.settings import read_settings

from kit_build import pelican_wall as wall
from kit_build.files import files_under
from kit_build import problems
from kit_calendar.kit_calendar import CalendarGenerator
from kit_downloads.kit_downloads import DownloadsGenerator
from kit_listings import ListingsGenerator
from kit_parallel import kit_parallel
from kit_schema import BuildStopped
from kit_search import kit_search
from kit_sitefiles.kit_sitefiles import SiteFilesGenerator
from kit_typelists.kit_typelists import TypeListingsGenerator

from .changes import Touched, items_by_source, touched
from .links import LinkIndex
from .reuse import ItemStore, forget_bodies, forget_unused_bodies, remember_bodies
from .sync import sync_tree
from .writers import EarlyWriter, Interrupted, LiveWriter, restore

ITEM_GENERATORS = (ArticlesGenerator, PagesGenerator)
GATHERING_WRITERS = (ListingsGenerator, TypeListingsGenerator)  # they write through Pelican's writer
GATHERING_FILES = (SiteFilesGenerator, CalendarGenerator, DownloadsGenerator)  # they write files themselves


class TemplatesInMemory(BytecodeCache):
    """Jinja's compiled templates, kept for the life of the process (a template changed is compiled again)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def is_search_file(name: str) -> bool:
    """A file of a search bundle (`pagefind/...` or `<code>/pagefind/...`)."""
    return kit_search.FOLDER in name.split(os.sep)[:2]


@dataclass
class Outcome:
    """How a pass ended ('built', 'stopped' or 'interrupted'), its time and what it changed."""

    state: str
    seconds: float
    early: int = 0
    early_seconds: float = 0.0
    written: int = 0
    removed: int = 0
    message: str = ""


class LiveBuilder:
    """Builds `content` into `output` again and again, each pass as described in the module's docstring."""

    def __init__(self, content: Path, settings_file: Path, output: Path, overrides: dict | None = None) -> None:
        self.content, self.settings_file, self.output = content.resolve(), settings_file.resolve(), output.resolve()
        self.overrides = overrides or {}
        self.staging = Path(tempfile.mkdtemp(prefix="kit-live-"))
        self.store, self.templates, self.links = ItemStore(), TemplatesInMemory(), LinkIndex()
        self.waiting = multiprocessing.RawValue("b", 0)  # set by the watcher; seen by forked workers too
        self.journal: dict[Path, bytes | None] = {}
        self.before: dict = {}
        self.generators: list = []
        self.search_child = 0
        self.early = 0
        self.removers: list[threading.Thread] = []
        remember_bodies()

    def settings(self) -> dict:
        override = {"PATH": str(self.content), "OUTPUT_PATH": str(self.staging), "CACHE_CONTENT": False,
                    "DELETE_OUTPUT_DIRECTORY": True, **self.overrides}
        settings = read_settings(str(self.settings_file), override=override)
        self.search = bool(settings.get("KIT_SEARCH", True))
        settings["KIT_SEARCH"] = False  # built after the pages are served (search_index)
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": self.templates}
        return settings

    def run_pass(self) -> Outcome:
        """One pass (see the module's docstring)."""
        start = self.started = time.monotonic()
        self.early, self.early_seconds = 0, 0.0
        self.stop_search()
        self.empty_staging()
        try:
            pelican = Pelican(self.settings())
            self.connect()
            settings = pelican.settings
            full = self.store.begin(self.content, settings["DEFAULT_LANG"],
                                    [lang["code"] for lang in settings.get("LANGUAGES", [])])
            wall.forget_rendered_bodies()
            pelican.run()
        except BuildStopped as stopped:
            restore(self.journal)
            return Outcome("stopped", time.monotonic() - start, self.early, self.early_seconds, message=str(stopped))
        except (Interrupted, RuntimeError) as error:
            if not self.waiting.value:
                restore(self.journal)
                raise
            return Outcome("interrupted", time.monotonic() - start, self.early, self.early_seconds,
                           message=str(error)[:200])
        except Exception:
            restore(self.journal)  # a fault of the kit itself: the last good site stays served
            raise
        finally:
            self.disconnect()
        changed = {str(path.relative_to(self.output)) for path in self.journal}
        written, removed = sync_tree(self.staging, self.output, kept=is_search_file, changed=changed)
        self.links.update(self.output, changed if self.links.links else files_under(self.output),
                          pelican.settings.get("SITEURL", ""))
        self.journal.clear()
        self.before = items_by_source([g for g in self.generators if isinstance(g, ITEM_GENERATORS)])
        if full:
            forget_unused_bodies()
        if self.search:
            self.start_search(pelican.settings)
        return Outcome("built", time.monotonic() - start, self.early, self.early_seconds, written, removed)

    def empty_staging(self) -> None:
        """Start from an empty staging folder at once: the last pass's files are removed in the background."""
        if not self.staging.exists() or not any(self.staging.iterdir()):
            return
        old = Path(tempfile.mkdtemp(prefix="kit-live-old-"))
        self.staging.rename(old / "site")
        self.staging.mkdir()
        remover = threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True}, daemon=True)
        remover.start()
        self.removers = [thread for thread in self.removers if thread.is_alive()] + [remover]

    # --- the signals of a pass ---------------------------------------------------------------

    def handlers(self) -> tuple:
        return ((signals.generator_init, self.on_generator), (signals.all_generators_finalized, self.on_all_read),
                (signals.get_writer, self.on_writer))

    def connect(self) -> None:
        """Take part in the pass just made: last on each signal, in place of kit_parallel's writer."""
        signals.get_writer.disconnect(kit_parallel.use_shared_writer)
        for signal_, handler in self.handlers():
            signal_.disconnect(handler)
            signal_.connect(handler)

    def disconnect(self) -> None:
        """Leave Pelican's signals as the kit's own steps left them (a plain build may follow)."""
        for signal_, handler in self.handlers():
            signal_.disconnect(handler)
        signals.get_writer.connect(kit_parallel.use_shared_writer)

    def on_generator(self, generator) -> None:
        if isinstance(generator, ITEM_GENERATORS):
            self.store.install(generator)
            generator._kit_prepared = True  # kit_parallel: no pool; bodies are remembered (reuse.remember_bodies)

    def on_all_read(self, generators: list) -> None:
        self.generators = generators

    def on_writer(self, pelican) -> type:
        """Every item is read and checked: write the touched files first, then hand Pelican the whole writer."""
        after = items_by_source([g for g in self.generators if isinstance(g, ITEM_GENERATORS)])
        if self.before:
            self.write_early(touched(self.before, after, self.links), pelican.settings)
        LiveWriter.waiting = staticmethod(lambda: bool(self.waiting.value))
        return LiveWriter

    def write_early(self, touch: Touched, settings: dict) -> None:
        if not touch:
            return
        pages = EarlyWriter(str(self.output), settings, touch.pages, False, self.journal)
        for name in sorted(touch.gone):
            pages.remove(self.output / name)
        for generator in self.generators:
            if isinstance(generator, ITEM_GENERATORS):
                generator.generate_output(pages)
        self.early += len(pages.published)
        if touch.gathering:
            every = settings.get("UNTRANSLATED") == "all-languages"
            self.write_gathering(settings, None if every else touch.languages)
        self.early_seconds = time.monotonic() - self.started

    def write_gathering(self, settings: dict, languages: set[str] | None) -> None:
        """Feeds, calendars and downloads in full (they are quick), then every gathering page of
        `languages` (None: of every language)."""
        everything = EarlyWriter(str(self.output), settings, set(), True, self.journal, languages)
        scratch = Path(tempfile.mkdtemp(prefix="kit-live-early-"))
        try:
            for generator in (g for g in self.generators if isinstance(g, GATHERING_FILES)):
                own, generator.output_path = generator.output_path, str(scratch)
                try:
                    generator.generate_output(everything)
                finally:
                    generator.output_path = own
            for name in sorted(files_under(scratch)):
                everything.publish(self.output / name, (scratch / name).read_bytes())
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        for generator in (g for g in self.generators if isinstance(g, GATHERING_WRITERS)):
            generator.generate_output(everything)
        self.early += len(everything.published)

    # --- the search index ----------------------------------------------------------------------

    def start_search(self, settings: dict) -> None:
        """Index the staging folder in a child process (it may be stopped by the next save)."""
        pid = os.fork()
        if pid:
            try:
                os.setpgid(pid, pid)  # also done by the child: whichever comes first
            except OSError:
                pass
            self.search_child = pid
            return
        status = 1
        try:
            os.setpgid(0, 0)
            problems.clear()
            site = SimpleNamespace(settings={**settings, "KIT_SEARCH": True}, output_path=str(self.staging))
            kit_search.build_index(site)
            found = problems.reported()
            for problem in found:
                print(f"The search index was not updated: {problem}", flush=True)
            if not found:
                sync_tree(self.staging, self.output)
                status = 0
        finally:
            os._exit(status)

    def search_done(self) -> bool:
        """True when no search index is being built (and reap the child that built one)."""
        if not self.search_child:
            return True
        pid, _ = os.waitpid(self.search_child, os.WNOHANG)
        if pid:
            self.search_child = 0
        return pid != 0

    def stop_search(self) -> None:
        """Stop a search index under way: a newer pass will build it."""
        if self.search_child and not self.search_done():
            try:
                os.killpg(self.search_child, signal.SIGTERM)
            except ProcessLookupError:
                pass
            os.waitpid(self.search_child, 0)
            self.search_child = 0

    def close(self) -> None:
        self.stop_search()
        forget_bodies()
        for remover in self.removers:
            remover.join()
        shutil.rmtree(self.staging, ignore_errors=True)
