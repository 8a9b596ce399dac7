"""Notice every save under the watched folders, and say whether it needs a fresh process.

A background thread waits for changes (watchfiles, the library Pelican's autoreload uses)
and hands each batch to `on_change`. A change to the theme, the kit's plugins or the
settings file restarts the process (`needs_restart`): modules, catalogs and settings are
then all read again. Everything else (content, site.yaml, menus, static files) is a pass.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

import watchfiles

DEBOUNCE_MS, STEP_MS = 200, 20  # a save is handed on 20 ms after the file system is quiet


def watched(content: Path, project: Path, settings_file: Path) -> list[Path]:
    """The folders and files to watch: content/, theme/, plugins/ and the settings (those that exist)."""
    paths = [content, project / "theme", project / "plugins", settings_file]
    return [path for path in paths if path.exists()]


def needs_restart(changed: set[Path], content: Path) -> bool:
    """True when a changed file is code, templates, catalogs or settings rather than content."""
    return any(not path.is_relative_to(content) for path in changed)


def start_watching(paths: list[Path], on_change: Callable[[set[Path]], None],
                   stop: threading.Event) -> threading.Thread:
    """Call `on_change(paths)` from a daemon thread for every batch of changes until `stop` is set."""
    def run() -> None:
        for changes in watchfiles.watch(*paths, debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop,
                                        raise_interrupt=False):
            on_change({Path(name) for _, name in changes})

    thread = threading.Thread(target=run, name="kit-live-watch", daemon=True)
    thread.start()
    return thread
