"""Compile each template once: one bytecode cache shared by every Jinja environment of the kit.

Pelican makes a Jinja environment per generator and again at every build (a livereload
session runs many builds in one process), and each environment compiled the theme's
templates anew. `share_compiled_templates(generator)` gives the generator's environment a
bytecode cache that keeps the compiled code in memory for the whole process and in the
cache folder (`CACHE_PATH/jinja/`) for the next build.

Jinja checks what it finds: the stored code carries the checksum of the template's source
and the versions of Jinja and Python (so an edited template is compiled again). What
Jinja does not check, the options that change the compiled code (delimiters, white space,
autoescape, extensions, ...), is part of the key: `fingerprint(env)`, so environments set
up differently never share code. An environment that already has a bytecode cache of its
own (`JINJA_ENVIRONMENT["bytecode_cache"]`) keeps it.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket

from .files import write_whole

COMPILE_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                   "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                   "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                   "is_async", "autoescape", "finalize", "code_generator_class")


def fingerprint(env: Environment) -> str:
    """What the compiled code of a template depends on beside its source, as a short digest."""
    options = [(name, _stable(getattr(env, name, None))) for name in COMPILE_OPTIONS]
    extensions = sorted(env.extensions)
    text = repr((jinja2.__version__, sys.version, options, extensions))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _stable(value: object) -> object:
    """A value's repr that is the same in every process (functions and classes by qualified name)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(type(value)))}"
    return value


class SharedBytecode(BytecodeCache):
    """Compiled templates of one fingerprint: in memory for the process, and in `folder` when given."""

    def __init__(self, key: str, folder: Path | None) -> None:
        self.key, self.folder, self.memory = key, folder, {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.key}|{name}|{filename}".encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self.memory.get(bucket.key)
        if stored is None and self.folder is not None:
            try:
                stored = (self.folder / f"{bucket.key}.cache").read_bytes()
            except OSError:
                return
        if stored is not None:
            bucket.bytecode_from_string(stored)  # Jinja drops it when the checksum or versions differ

    def dump_bytecode(self, bucket: Bucket) -> None:
        stored = self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            _write_atomically(self.folder / f"{bucket.key}.cache", stored)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (two builds may share a cache folder)."""
    try:
        write_whole(path, data)
    except OSError:
        pass  # a cache that cannot be written only costs a compilation next time


_caches: dict[tuple[str, str], SharedBytecode] = {}


def share_compiled_templates(generator) -> None:
    """Give the generator's environment the process's cache for its fingerprint (after every step that
    adds extensions to it)."""
    env = generator.env
    if env.bytecode_cache is not None:
        return
    cache_path = generator.settings.get("CACHE_PATH")
    folder = Path(cache_path) / "jinja" if cache_path else None
    key = fingerprint(env)
    cache = _caches.get((key, str(folder)))
    if cache is None:
        cache = _caches[(key, str(folder))] = SharedBytecode(key, folder)
    env.bytecode_cache = cache
