"""The build's files: every file under a folder, and files written whole.

A file written whole is never seen half written by a reader, a server or another build. The bytes go to a temporary file of a unique name beside the target, which is then
renamed over it. So two processes writing the same file (two builds sharing a cache
folder, forked workers) never mix their bytes, and a hard or symbolic link in the
target's place is replaced, never written through to what it points at.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Give `path` exactly `data` (readable by all, as a served file must be), or leave it as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def files_under(folder: Path) -> set[str]:
    """The path of every file under `folder`, relative to it (none when it does not exist)."""
    return {os.path.relpath(os.path.join(root, name), folder)
            for root, _, names in os.walk(folder) for name in names}
