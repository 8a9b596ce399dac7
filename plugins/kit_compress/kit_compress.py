"""Minify every page and write each text file also as `.gz` and `.br`.

Runs last among the writers, when every file of the site is in place. Servers
such as nginx (`gzip_static`, `brotli_static`) then send the precompressed file
without compressing on each request. Both encodings are byte-reproducible:
gzip is written with no name and a zero timestamp. `KIT_MINIFY` and
`KIT_PRECOMPRESS` switch the two steps (on in publishconf.py).
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli
import minify_html

TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".txt", ".svg", ".json", ".ics", ".csv", ".webmanifest"}
MIN_BYTES = 256  # smaller files gain nothing from compression


def minify_page(html: str) -> str:
    """The page without needless white space; tags and quotes stay valid HTML."""
    return minify_html.minify(html, minify_css=True, keep_html_and_head_opening_tags=True,
                              keep_closing_tags=True)


def compress_file(path: Path) -> None:
    """Write `path.gz` and `path.br` beside `path`."""
    data = path.read_bytes()
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                         compresslevel=9, mtime=0) as packed:
        packed.write(data)
    Path(f"{path}.br").write_bytes(brotli.compress(data, quality=11))


def _minify_file(path: Path) -> None:
    path.write_text(minify_page(path.read_text(encoding="utf-8")), encoding="utf-8")


def _in_parallel(function, paths: list[Path]) -> None:
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) < 50 or workers == 1:
        for path in paths:
            function(path)
        return
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(function, paths, chunksize=32))


def process_output(pelican) -> None:
    output, settings = Path(pelican.output_path), pelican.settings
    if settings.get("KIT_MINIFY"):
        _in_parallel(_minify_file, sorted(output.rglob("*.html")))
    if settings.get("KIT_PRECOMPRESS"):
        texts = [p for p in sorted(output.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES
                 and p.stat().st_size >= MIN_BYTES]
        _in_parallel(compress_file, texts)
