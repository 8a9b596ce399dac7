"""Every use the kit makes of Pelican's internals, in one place.

Pelican's public plugin interface is its signals, its `Generator` and `BaseReader`
classes to subclass (with a generator's `settings`, `context` and Jinja `env`, and the
readers' `reader_classes`, which Pelican's plugin documentation shows), and its
settings. Everything else the kit needs (a private method of the writer, how
generators call it, the body of a content object, the wording of a log message, the
items the live builder keeps between runs) is reached only through the functions and classes below.
Each names what it relies on and the Pelican version it was checked against, so an
upgrade of Pelican means reading this one file; a test fails while the installed
Pelican is not `PELICAN_CHECKED`.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Callable, TextIO

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.writers import Writer
from kit_schema import Problem, display_path
from kit_schema.kit_schema import UNREADABLE
from .problems import report

PELICAN_CHECKED = "4.12.0"  # every "checked against" below
PELICAN_ALT_WARNINGS = ("Empty alt attribute for image %s in %s", "Other images have empty alt attributes")

_being_processed: list[Content | None] = [None]  # the item Pelican is working on, named in its warnings


# --- The writer -------------------------------------------------------------------------------

class KitWriter(Writer):
    """Pelican's writer with one hook, `open_file()`, in front of every file it writes.

    Relies on (checked against Pelican 4.12.0): `Writer.write_file()` and `write_feed()`
    open each output file through the private `Writer._open_w(filename, encoding,
    override)`, which raises FileOverwriteFailedError for a file already in the private
    set `Writer._written_files`; and Pelican's generators pass the item being written as
    the keyword `article=` or `page=` of `write_file()`.
    """

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        _being_processed[0] = written_item(kwargs)  # its warnings name it
        try:
            super().write_file(name, template, context, *args, **kwargs)
        finally:
            _being_processed[0] = None

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> TextIO:
        file = self.open_file(filename, encoding, override)
        if _page_watchers and filename.endswith(".html") and getattr(file, "name", None) == filename:
            return _WatchedPage(file, filename)  # type: ignore[return-value]
        return file

    def open_file(self, filename: str, encoding: str, override: bool) -> TextIO:
        """Open one output file; a subclass may decide otherwise. Pelican's own check by default."""
        return super()._open_w(filename, encoding, override)

    def is_written(self, filename: str) -> bool:
        """Whether this writer has already written (or counted as written) `filename`."""
        return filename in self._written_files

    def count_as_written(self, filename: str) -> None:
        """Count `filename` as written, so that writing it again is a clash, without writing it."""
        self._written_files.add(filename)


_page_watchers: list[Callable[[str, str], None]] = []  # told of each page written, in any process


def watch_pages(watcher: Callable[[str, str], None] | None) -> None:
    """From now on, call `watcher(filename, text)` once each HTML page is written whole (None: stop).

    Relies on (checked against Pelican 4.12.0): `Writer.write_file()` renders a page, then
    writes all of it with `with self._open_w(path, ...) as f: f.write(output)`."""
    _page_watchers.clear()
    if watcher is not None:
        _page_watchers.append(watcher)


class _WatchedPage:
    """An open page that, once closed without error, hands the text written to it to the watchers."""

    def __init__(self, file: TextIO, filename: str) -> None:
        self.file, self.filename, self.parts = file, filename, []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.file.write(text)

    def __enter__(self) -> "_WatchedPage":
        return self

    def __exit__(self, error_type, error, trace) -> None:
        self.file.close()
        if error_type is None:
            for watcher in _page_watchers:
                watcher(self.filename, "".join(self.parts))


def written_item(write_file_kwargs: dict) -> Content | None:
    """The item a call of `write_file()` writes, if any.

    Relies on (checked against Pelican 4.12.0): ArticlesGenerator and PagesGenerator pass
    it as `article=` or `page=`; the kit's own generators pass neither.
    """
    return write_file_kwargs.get("article") or write_file_kwargs.get("page")


# --- The generators ---------------------------------------------------------------------------

def wrap_output(generator: Generator, wrapper: Callable[[Callable[[Writer], None], Writer], None]) -> None:
    """Make Pelican call `wrapper(original generate_output, writer)` for this generator.

    Relies on (checked against Pelican 4.12.0): `Pelican.run()` calls
    `generator.generate_output(writer)` on each generator instance after
    `all_generators_finalized`, so an attribute of the instance replaces the method.
    """
    original = generator.generate_output
    generator.generate_output = lambda writer: wrapper(original, writer)


def files_to_read(generator: ArticlesGenerator | PagesGenerator) -> list[str]:
    """The absolute paths of the files this generator will read, less those in Pelican's content cache.

    Relies on (checked against Pelican 4.12.0): `generate_context()` reads
    `get_files(settings[ARTICLE_PATHS], exclude=settings[ARTICLE_EXCLUDES])` (PAGE_* for
    pages), relative to `generator.path`, and skips a file for which
    `generator.readers.get_cached_data(path)` holds content.
    """
    kind = "ARTICLE" if isinstance(generator, ArticlesGenerator) else "PAGE"
    settings = generator.settings
    names = generator.get_files(settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, name)) for name in names]
    return [path for path in paths if generator.readers.get_cached_data(path, None) is None]


def published_items(generator: Generator) -> list[Content]:
    """The items of an articles or pages generator that kit_links indexes, in all languages.

    Relies on (checked against Pelican 4.12.0): after `generate_context()`, ArticlesGenerator
    keeps its published items in `articles` and `translations`, PagesGenerator in `pages` and
    `translations`, hidden pages in `hidden_pages` and `hidden_translations`; drafts are
    elsewhere. kit_links.collect calls it.
    """
    names = ("articles", "translations", "pages", "hidden_pages", "hidden_translations")
    return [item for name in names for item in getattr(generator, name, [])]


# --- Content objects --------------------------------------------------------------------------

def body_html(content: Content) -> str | None:
    """The HTML body of an item as its reader gave it, before Pelican replaces its links.

    Relies on (checked against Pelican 4.12.0): `Content._content` holds the reader's
    body, and `Content.get_content()` (behind `.content`) reads it at each use.
    """
    return getattr(content, "_content", None)


def replace_body_html(content: Content, html: str) -> None:
    """Give an item a new HTML body, which Pelican's link replacement then works on (see body_html)."""
    content._content = html


# --- Pelican's log ----------------------------------------------------------------------------

class _PelicanWarnings(logging.Handler):
    """Reports every warning Pelican logs as a problem, so none goes unnoticed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().split("\n")[0]
        if message.startswith("Unable to find"):
            return  # kit_frontmatter reports each broken {filename} link with its line
        if message.startswith("Could not process") and record.args:
            report(Problem(f"content/{record.args[0]}", None, "", UNREADABLE))
            return
        report(Problem(_source_of(record) or "content", None, "", message))


def _source_of(record: logging.LogRecord) -> str | None:
    """The content file a warning is about: an item among its arguments, or the one being processed."""
    arguments = record.args if isinstance(record.args, tuple) else ()
    item = next((arg for arg in arguments if isinstance(arg, Content)), None) or _being_processed[0]
    if item is None or not item.source_path:
        return None
    return display_path(item.source_path, item.settings.get("PATH", "content"))


def collect_pelican_warnings() -> None:
    """Report each warning Pelican logs from now on (once, however often this is called).

    Relies on (checked against Pelican 4.12.0): Pelican logs through loggers under
    `pelican`; a file it cannot read is logged as "Could not process <path relative to
    the content folder>"; a link it cannot resolve as "Unable to find ..."; and messages
    about one item either pass the item (a Content) as an argument (`Skipping %s`,
    `Unknown status`) or are logged while it is built (content_object_init comes at the
    end of Content.__init__, and is_valid() follows) or written (see KitWriter).
    """
    root = logging.getLogger("pelican")
    for handler in [h for h in root.handlers if isinstance(h, _PelicanWarnings)]:
        root.removeHandler(handler)
    root.addHandler(_PelicanWarnings())


def note_item(content: Content) -> None:
    """The item just built is the one Pelican's next warnings are about (until the next file)."""
    _being_processed[0] = content


def note_no_item(*sender: Any, **ignored: Any) -> None:
    """No item is being processed: a new file is about to be read, or the generator is done."""
    _being_processed[0] = None


class _WithoutPelicanAltWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in PELICAN_ALT_WARNINGS


_ALT_WARNING_FILTER = _WithoutPelicanAltWarning()


def quiet_pelican_alt_warnings(quiet: bool) -> None:
    """Silence (or not) Pelican's own warnings about images with empty alt text.

    Relies on (checked against Pelican 4.12.0): the Markdown reader logs them on the
    `pelican.readers` logger with exactly the formats in PELICAN_ALT_WARNINGS.
    """
    logger = logging.getLogger("pelican.readers")
    logger.removeFilter(_ALT_WARNING_FILTER)
    if quiet:
        logger.addFilter(_ALT_WARNING_FILTER)


# --- The live builder (kit_live) --------------------------------------------------------------

def serve_kept_items(generator: ArticlesGenerator | PagesGenerator, kept: Callable[[str], Content | None],
                     keep: Callable[[str, Content], None]) -> None:
    """Let the generator take an item from `kept(path)` instead of reading its file, and hand each
    item it reads to `keep(path, item)`; paths are absolute.

    Relies on (checked against Pelican 4.12.0): `generate_context()` of ArticlesGenerator and
    PagesGenerator asks `self.get_cached_data(name, None)` for each file (its name relative to
    `generator.path`) before reading it, uses what it returns as the item, and calls
    `self.cache_data(name, item)` after reading a valid one; instance attributes replace the
    methods of FileStampDataCacher, which Pelican's own content cache uses.
    """
    def absolute(name: str) -> str:
        return os.path.abspath(os.path.join(generator.path, name))

    generator.get_cached_data = lambda name, default=None: kept(absolute(name)) or default
    generator.cache_data = lambda name, item: keep(absolute(name), item)


def rebind_item(content: Content, context: dict, settings: dict) -> None:
    """Make an item read in an earlier run part of this run: its links resolve against this run's items.

    Relies on (checked against Pelican 4.12.0): a Content keeps the context of the generator that
    made it in `_context` (its `{filename}` links are looked up in `_context["generated_content"]`
    and `["static_content"]` when `content` is read) and the settings in `settings`.
    """
    content._context = context
    content.settings = settings


def forget_rendered_bodies() -> None:
    """Forget the bodies and summaries Pelican has worked out (with their links) in earlier runs.

    Relies on (checked against Pelican 4.12.0): `Content.get_content` and `Content.get_summary`
    are `pelican.utils.memoized`, whose one `cache` dict (per method, for every item) keeps each
    result by (item, siteurl) for the life of the process.
    """
    for method in (Content.get_content, Content.get_summary):
        method.cache.clear()
