"""Make the served folder hold exactly what a finished pass wrote, touching only what differs.

Each file whose bytes differ is replaced through a rename (see writers.replace_bytes), each
file the pass did not write is removed, and folders left empty go too. Files are compared by
size first, then by bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from kit_build.files import files_under

from .writers import replace_bytes


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()
    except FileNotFoundError:
        return False


def sync_tree(source: Path, target: Path, kept: Callable[[str], bool] = lambda name: False,
              changed: set[str] | None = None) -> tuple[int, int]:
    """Make `target` equal `source`, leaving alone the files of `target` for which `kept(name)` holds
    and `source` has none: (files written, files removed). The names written or removed are added
    to `changed` when it is given."""
    source_files = files_under(source) if source.is_dir() else set()
    target_files = {name for name in files_under(target) if name in source_files or not kept(name)}
    written = 0
    for name in sorted(source_files):
        if not same_file(source / name, target / name):
            replace_bytes(target / name, (source / name).read_bytes())
            written += 1
            if changed is not None:
                changed.add(name)
    for name in sorted(target_files - source_files):
        (target / name).unlink()
    if changed is not None:
        changed.update(target_files - source_files)
    remove_empty_folders(target)
    return written, len(target_files - source_files)


def remove_empty_folders(folder: Path) -> None:
    """Remove every empty folder under `folder` (not `folder` itself)."""
    for root, folders, names in os.walk(folder, topdown=False):
        if Path(root) != folder and not os.listdir(root):
            os.rmdir(root)
