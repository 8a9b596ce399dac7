"""Items of the last pass, served again while nothing they were read from has changed.

Reading a file (front matter checks, Markdown, the type's preparation) is most of the work
before a page can be written. An item is served again when its own bytes, and the bytes of
the original it takes shared fields from (kit_frontmatter.shared), are those it was read
from, and nothing else it may depend on has changed: the list of content files (links and
references are checked against it) and every file that is not Markdown (site.yaml,
menus.yaml, static files, which rules such as `a_file()` describe). A change to any of those
reads every file again. An item whose reading reported a problem is never kept, so its
problem is reported by every pass.

The Markdown of a body is kept by its text as well (`remember_bodies()`), so a pass that
reads every file again still converts only the bodies that changed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit_build import pelican_wall as wall
from kit_build.problems import reported
from kit_frontmatter import kit_frontmatter
from kit_frontmatter.shared import original_of
from kit_images.kit_images import OUTPUTS

MARKDOWN = (".md", ".markdown")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_state(content: Path) -> tuple[str, dict[str, str]]:
    """(fingerprint of everything but Markdown bodies, sha256 of each Markdown file by absolute path)."""
    outline, markdown = hashlib.sha256(), {}
    for folder, _, names in sorted(os.walk(content)):
        for name in sorted(names):
            path = Path(folder) / name
            if name.endswith(MARKDOWN):
                markdown[str(path)] = digest(path)
                outline.update(f"{path}\0".encode())
            else:
                outline.update(f"{path}\0{digest(path)}\0".encode())
    return outline.hexdigest(), markdown


@dataclass
class Kept:
    """One item, the key it was read under, and the derived images its reading asked for."""

    key: tuple
    item: Any
    images: dict = field(default_factory=dict)


class ItemStore:
    """The items of the last pass by source path, and the keys of the files of this pass."""

    def __init__(self) -> None:
        self.kept: dict[str, Kept] = {}
        self.outline = ""
        self.keys: dict[str, tuple] = {}
        self._marks: dict[str, tuple[int, set]] = {}

    def begin(self, content: Path, default_lang: str, languages: list[str]) -> bool:
        """A pass starts: work out each file's key; forget every item when anything else changed
        (then True: every file is read again)."""
        outline, hashes = tree_state(content)
        full = outline != self.outline
        if full:
            self.kept.clear()
            self.outline = outline
        self.keys = {}
        for path, own in hashes.items():
            original = original_of(Path(path), default_lang, languages)
            self.keys[path] = (own, str(original), hashes.get(str(original)))
        self.kept = {path: kept for path, kept in self.kept.items() if path in self.keys}
        return full

    def install(self, generator) -> None:
        """Serve the generator's unchanged items from this store (see kit_build.pelican_wall)."""
        wall.serve_kept_items(generator, lambda path: self._serve(path, generator),
                              lambda path, item: self._keep(path, item, generator.settings))

    def _serve(self, path: str, generator) -> Any:
        kept = self.kept.get(path)
        if kept is not None and kept.key == self.keys.get(path):
            generator.settings.setdefault(OUTPUTS, {}).update(kept.images)
            wall.rebind_item(kept.item, generator.context, generator.settings)
            return kept.item
        self._marks[path] = (len(reported()), set(generator.settings.get(OUTPUTS, {})))
        return None

    def _keep(self, path: str, item: Any, settings: dict) -> None:
        problems, images_before = self._marks.pop(path, (len(reported()), set()))
        if len(reported()) > problems or path not in self.keys:
            self.kept.pop(path, None)
            return
        outputs = settings.get(OUTPUTS, {})
        images = {name: outputs[name] for name in set(outputs) - images_before}
        self.kept[path] = Kept(self.keys[path], item, images)


_BODIES: dict[tuple[str, str], str] = {}
_USED: set[tuple[str, str]] = set()


def remember_bodies() -> None:
    """Convert each distinct Markdown body once in this process (kit_frontmatter.body_html)."""
    convert = kit_frontmatter.body_html
    if getattr(convert, "remembers", False):
        return

    def body_html(body: str, options: dict) -> str:
        key = (body, repr(sorted(options.items())))
        _USED.add(key)
        if key not in _BODIES:
            _BODIES[key] = convert(body, options)
        return _BODIES[key]

    body_html.remembers = True
    body_html.original = convert
    kit_frontmatter.body_html = body_html


def forget_bodies() -> None:
    """Convert every body anew again, as a plain build does (the live builder is closed)."""
    kit_frontmatter.body_html = getattr(kit_frontmatter.body_html, "original", kit_frontmatter.body_html)
    _BODIES.clear()
    _USED.clear()


def forget_unused_bodies() -> None:
    """Keep only the bodies used since the last call: call it after a pass that read every file,
    so the memory stays that of one site and the bodies edited since."""
    for key in set(_BODIES) - _USED:
        del _BODIES[key]
    _USED.clear()
