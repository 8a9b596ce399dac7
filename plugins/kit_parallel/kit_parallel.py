"""Use every core for the two slow phases of a build: Markdown and page rendering.

`KIT_WORKERS` processes (default: the cores this process may use) share them:

- Reading: when a generator reads its first file, a pool of forked processes
  starts converting the Markdown bodies of its files that are not in Pelican's
  content cache, in reading order. The reader takes the prepared HTML
  (kit_frontmatter's `PREPARED`) instead of converting again; front matter is
  still read and checked in the main process, meanwhile.
- Writing: the generators in `SHARED_GENERATORS` write only through Pelican's
  writer. Each of their `generate_output` runs in every worker at once and each
  worker renders only its share of the files (every n-th call to the writer);
  the main process renders the first share, then waits for the others. The
  other shares still pass through the main process's writer unrendered, so
  Pelican's check against two items writing one file still sees every file.

A worker's warnings come back to the main process, so the build still stops on
them, and a worker that fails fails the build. `KIT_WORKERS = 1` gives the plain
single-process build; the output is byte-identical either way (tested).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import traceback
from functools import partial
from typing import Any, Callable

from pelican.generators import ArticlesGenerator, PagesGenerator
from kit_build.pelican_wall import KitWriter, files_to_read, wrap_output, written_item
from kit_build.problems import report, reported
from kit_schema import Problem, display_path
from kit_frontmatter.kit_frontmatter import PREPARED, file_body_html
from kit_listings import ListingsGenerator

SHARED_GENERATORS = (ArticlesGenerator, PagesGenerator, ListingsGenerator)  # they write only through the writer
CHUNK = 32  # files per task handed to a pool process


def workers(settings: dict) -> int:
    """How many processes share the work (at least 1)."""
    if not hasattr(os, "fork"):
        return 1
    wanted = settings.get("KIT_WORKERS")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, int(wanted) if wanted else cores)


class _NothingToRender:
    """Stands in for the template of a file another worker renders."""

    def render(self, context: dict) -> str:
        return ""


class SharedWriter(KitWriter):
    """Pelican's writer, rendering only every `shares`-th file from number `share`.

    Two things written to one address (two items, or an item over a listing) are a
    problem naming both, instead of Pelican's FileOverwriteFailedError."""

    share, shares, calls, skipping = 0, 1, 0, False
    writing = ""  # who the file being written belongs to, as an editor would name it

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        mine = self.calls % self.shares == self.share
        self.calls += 1
        self.skipping, self.writing = not mine, _owner(name, kwargs, self.settings)
        try:
            super().write_file(name, template if mine else _NothingToRender(), context, *args, **kwargs)
        finally:
            self.skipping = False

    def write_feed(self, *args, **kwargs):
        return super().write_feed(*args, **kwargs) if self.share == 0 else None

    def open_file(self, filename, encoding, override):
        owners = self.__dict__.setdefault("owners", {})
        if self.is_written(filename) and not override:
            report(_collision(filename, owners, self.writing, self))
            return open(os.devnull, "w", encoding=encoding)
        owners[filename] = self.writing
        if not self.skipping:
            return super().open_file(filename, encoding, override)
        self.count_as_written(filename)
        return open(os.devnull, "w", encoding=encoding)


def _owner(name: str, kwargs: dict, settings: dict) -> str:
    """The content file a write comes from, or the kit's own page at `name`."""
    item = written_item(kwargs)
    if item is not None and getattr(item, "source_path", None):
        return display_path(item.source_path, settings["PATH"])
    return f"the site's own page /{name.removesuffix('index.html')}"


def _collision(filename: str, owners: dict, writer_now: str, writer: KitWriter) -> Problem:
    address = "/" + os.path.relpath(filename, writer.output_path).removesuffix("index.html")
    first = owners.get(filename, "another page")
    path = writer_now if writer_now.startswith(("content", "..")) else first
    other = first if path == writer_now else writer_now
    return Problem(path, None, "slug", f"its address {address} is already taken by {other}; give one of them "
                   "another file name or slug")


class _Bodies:
    """Bodies converted by a pool of processes in the order the generator reads its files, each handed
    to the reader (into PREPARED) just before the reader reaches it, so that the main process reads
    front matter while the pool converts the bodies further on."""

    def __init__(self, paths: list[str], options: dict, count: int) -> None:
        self.paths, self.handed = paths, 0
        self.pool = multiprocessing.get_context("fork").Pool(count)
        self.results = self.pool.imap(partial(file_body_html, options=options), paths, chunksize=CHUNK)

    def hand_over_next(self) -> None:
        """Put the next file's body in PREPARED (waiting for it); the pool ends after the last one."""
        if self.handed < len(self.paths):
            PREPARED[self.paths[self.handed]] = next(self.results)
            self.handed += 1
        if self.handed == len(self.paths):
            self.close()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


_converting: list[_Bodies] = []  # the pool of the generator being read, if any


def prepare_bodies(generator) -> None:
    """Before each file the generator reads: start converting its Markdown bodies in a pool (at its
    first file), then hand the reader the body of the file it is about to read.

    Pelican sends this signal just before reading each file not in its content cache, in the order of
    `files_to_read()`, so the n-th signal is about the n-th path. Were the order ever different, the
    reader would find no prepared body for a file and convert it itself: slower, never wrong."""
    if not getattr(generator, "_kit_prepared", False):
        generator._kit_prepared = True
        close_pools()
        PREPARED.clear()  # nothing from an earlier build in this process
        count = workers(generator.settings)
        paths = [path for path in files_to_read(generator) if path.endswith((".md", ".markdown"))]
        if count < 2 or len(paths) < 2 * CHUNK:
            return
        _converting.append(_Bodies(paths, generator.settings["MARKDOWN"], count))
    if _converting:
        _converting[-1].hand_over_next()


def close_pools() -> None:
    """End any pool still converting (all of its files are read by now)."""
    while _converting:
        _converting.pop().close()


def share_output(generators: list) -> None:
    """Let the listed generators render their pages in every worker."""
    close_pools()
    for generator in generators:
        if isinstance(generator, SHARED_GENERATORS) and workers(generator.settings) > 1:
            wrap_output(generator, partial(_shared_output, settings=generator.settings))


def _shared_output(generate_output: Callable, writer: Any, settings: dict) -> None:
    if not isinstance(writer, SharedWriter):
        return generate_output(writer)
    count = workers(settings)
    children = [_start_worker(generate_output, writer, share, count) for share in range(1, count)]
    failures = []
    try:
        _run_share(generate_output, writer, 0, count)
    finally:  # the workers end and are waited for, even when this process's share failed
        for pid, reader in children:
            failure, found = _collect(pid, reader)
            report(*found)
            failures += [failure] if failure else []
    if failures:
        raise RuntimeError("a worker process of the build failed:\n" + "\n".join(failures))


def _run_share(generate_output: Callable, writer: SharedWriter, share: int, count: int) -> None:
    writer.share, writer.shares, writer.calls = share, count, 0
    try:
        generate_output(writer)
    finally:
        writer.share, writer.shares, writer.calls = 0, 1, 0


def _start_worker(generate_output: Callable, writer: SharedWriter, share: int, count: int) -> tuple[int, int]:
    """Fork a worker that renders share number `share`; (pid, pipe to read its report)."""
    reader, sender = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(sender)
        return pid, reader
    os.close(reader)
    known, failure = len(reported()), None  # the worker reports into its own copy of the list
    try:
        _run_share(generate_output, writer, share, count)
    except BaseException:  # the parent reports it; a worker must never return into Pelican
        failure = traceback.format_exc()
    with os.fdopen(sender, "wb") as pipe:
        pickle.dump((failure, reported()[known:]), pipe)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _collect(pid: int, reader: int) -> tuple[str | None, list]:
    """The failure (or None) and the problems a worker reported."""
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return f"worker {pid} ended without a report (exit status {status})", []
    return pickle.loads(data)


def use_shared_writer(pelican) -> type[KitWriter]:
    return SharedWriter
