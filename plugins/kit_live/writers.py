"""The two writers of a live pass: the early one, straight into the served folder, and the whole one.

`EarlyWriter` renders only the files a change touches (`wanted`, or every file of the
`languages` named when `everything`) and puts each straight into the served folder, replacing a file only when its
bytes change and never showing a half-written one. It remembers what each file held before
(`journal`), so a pass that then stops on a problem can put the served folder back.

`LiveWriter` is kit_parallel's shared writer that gives up as soon as a newer save is
waiting (`Interrupted`), in the main process and in every worker, so the next pass starts
at once instead of after the whole site.
"""

from __future__ import annotations

import io
from pathlib import Path

from kit_build.files import write_whole
from kit_build.pelican_wall import KitWriter
from kit_parallel.kit_parallel import SharedWriter


class Interrupted(Exception):
    """A newer save is waiting: this pass stops, the next one starts."""


def replace_bytes(path: Path, data: bytes) -> bool:
    """Give `path` these bytes through a rename (readers never see half a file); False when it had them."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_whole(path, data)
    return True


class _Publishing(io.StringIO):
    """The text of one page; on close it replaces the served file when its bytes changed."""

    def __init__(self, path: Path, writer: EarlyWriter) -> None:
        super().__init__()
        self.path, self.writer = path, writer

    def close(self) -> None:
        if not self.closed:
            self.writer.publish(self.path, self.getvalue().encode("utf-8"))
        super().close()


class EarlyWriter(KitWriter):
    """Renders the wanted files only, straight into the served folder (see the module's docstring)."""

    def __init__(self, output_path: str, settings: dict, wanted: set[str], everything: bool,
                 journal: dict[Path, bytes | None], languages: set[str] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.wanted, self.everything, self.journal, self.languages = wanted, everything, journal, languages
        self.published: list[Path] = []

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Render `name` when it is wanted; a gathering page (kit_listings, kit_typelists) names its
        language as `lang_code`."""
        in_language = self.languages is None or kwargs.get("lang_code") in self.languages
        if (self.everything and in_language) or name in self.wanted:
            super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs) -> None:
        return None  # the kit writes no Pelican feed (kit_sitefiles writes its own)

    def open_file(self, filename: str, encoding: str, override: bool) -> io.StringIO:
        return _Publishing(Path(filename), self)

    def publish(self, path: Path, data: bytes) -> None:
        self.note(path)
        if replace_bytes(path, data):
            self.published.append(path)

    def remove(self, path: Path) -> None:
        """Take a page that is no longer built out of the served folder."""
        self.note(path)
        if path.is_file():
            path.unlink()
            self.published.append(path)

    def note(self, path: Path) -> None:
        """Remember what `path` held before this pass touched it (see restore)."""
        if path not in self.journal:
            self.journal[path] = path.read_bytes() if path.is_file() else None


def restore(journal: dict[Path, bytes | None]) -> None:
    """Put back what the early writers replaced (a pass stopped on a problem after them)."""
    for path, data in journal.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            replace_bytes(path, data)
    journal.clear()


class LiveWriter(SharedWriter):
    """kit_parallel's writer, stopping when `waiting()` says a newer save is waiting."""

    waiting = staticmethod(lambda: False)

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        if self.waiting():
            raise Interrupted(name)
        super().write_file(name, template, context, *args, **kwargs)
