"""Serve the output folder at http://127.0.0.1:PORT/ from a background thread (the standard library's server)."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the standard library's name)
        return


def start_server(folder: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """Serve `folder` until the process ends."""
    folder.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer((host, port), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, name="kit-live-serve", daemon=True).start()
    return server
