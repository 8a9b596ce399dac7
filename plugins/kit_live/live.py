"""`make livereload`: serve the site and build it again after every save, the touched pages first.

    python -c "...; from kit_live.live import main; main()" CONTENT -s SETTINGS -o OUTPUT [--port N]
        [--no-serve] [-e KEY=VALUE ...]

The first pass builds everything; each later pass starts as soon as a save is noticed. A
save during a pass stops it and starts the next (none is lost). A pass that finds a problem
lists it and keeps the last good site. A change to the theme, plugins or settings file
starts the process again. Each pass that finishes prints Pelican's "Done:" line, then one
starting "Served:" (or "The build stopped", listing the problems).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import traceback
from pathlib import Path

from .builder import LiveBuilder, Outcome
from .serve import start_server
from .watch import needs_restart, start_watching, watched


def extra_setting(text: str) -> tuple[str, object]:
    """KEY=VALUE as Pelican's -e reads it: VALUE as JSON when it is JSON, else as text."""
    key, _, value = text.partition("=")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("-s", "--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("-o", "--output", type=Path, default=Path("output"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="build and watch only")
    parser.add_argument("-e", "--extra-settings", nargs="*", action="extend", default=[], type=extra_setting,
                        metavar="KEY=VALUE", help="settings over those of the settings file, as Pelican's -e")
    return parser.parse_args(argv)


def report(outcome: Outcome) -> None:
    if outcome.state == "stopped":
        print(outcome.message, flush=True)
    elif outcome.state == "interrupted":
        print(f"A newer save came in; building again ({outcome.early} files were written early).", flush=True)
    else:
        print(f"Served: {outcome.early} files first, then the whole site in {outcome.seconds:.2f} s "
              f"({outcome.written} files written, {outcome.removed} removed).", flush=True)


class Loop:
    """Runs a pass whenever something changed, until the process ends or must restart."""

    def __init__(self, builder: LiveBuilder) -> None:
        self.builder, self.saved = builder, threading.Event()
        self.changed: set[Path] = set()
        self.lock = threading.Lock()

    def on_change(self, paths: set[Path]) -> None:
        with self.lock:
            self.changed |= paths
        self.builder.waiting.value = 1
        self.saved.set()

    def run(self) -> None:
        self.run_pass()
        while True:
            self.saved.wait()
            self.saved.clear()
            self.builder.waiting.value = 0
            with self.lock:
                changed, self.changed = self.changed, set()
            if needs_restart(changed, self.builder.content):
                restart(self.builder)
            self.run_pass()

    def run_pass(self) -> None:
        """One pass; a fault of the kit is shown in full, and the loop waits for the next save."""
        try:
            report(self.builder.run_pass())
        except Exception:
            traceback.print_exc()
            print("The build failed inside the kit (above); the last good site is still served. "
                  "Save again to retry.", flush=True)


def restart(builder: LiveBuilder) -> None:
    """Start this process again, so that changed code, templates, catalogs and settings are read anew."""
    print("The theme, plugins or settings changed: starting again.", flush=True)
    builder.close()
    sys.stdout.flush()
    os.execv(sys.executable, sys.orig_argv)


def stop_on_terminate(*ignored) -> None:
    """SIGTERM ends the loop like Ctrl+C, so the staging folder and a search under way are cleaned up."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    signal.signal(signal.SIGTERM, stop_on_terminate)
    builder = LiveBuilder(args.content, args.settings, args.output, dict(args.extra_settings))
    loop = Loop(builder)
    stop = threading.Event()
    start_watching(watched(builder.content, builder.settings_file.parent, builder.settings_file), loop.on_change, stop)
    if not args.no_serve:
        start_server(builder.output, args.port)
        print(f"Serving the site at http://127.0.0.1:{args.port}/ (Ctrl+C stops)", flush=True)
    try:
        loop.run()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        builder.close()
