"""Publish the built site to a git branch (GitHub Pages style) and roll it back.

Not a Pelican plugin: the invoke tasks `publish`, `publish-rsync` and `rollback` call it.

- `export_commit` writes the files git tracks at one commit into a private folder, so
  the site is built from exactly what was committed: an ignored or untracked file is
  never published.
- `publish_to_branch` adds one commit ("Publish <full source commit>") on top of the
  branch, so the branch keeps every deploy. It refuses when the live deploy was built
  from a commit that is not an ancestor of (or equal to) the one being published, and
  pushes without force: if someone pushed in between, the remote refuses the push.
- `rollback_branch` adds a commit that puts back the tree of the deploy before the
  live one, so it too can be undone.
- `publish_lock` lets one publish or rollback at a time run in a checkout.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

SOURCES = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
PUBLISH_PREFIX = "Publish "
LOCK_NAME = "kit-publish.lock"


class PublishRefused(SystemExit):
    """Publishing stopped before anything was pushed; the message says why."""


class Deploy(NamedTuple):
    """One publish on the branch: its commit, its tree and the source commit it was built from."""

    commit: str
    tree: str
    source: str


def run_git(root: Path, *args: str, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False, env=env,
                          input=stdin)


def git(root: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    """Git's output without its last newline (leading spaces matter); refuses when git fails."""
    result = run_git(root, *args, env=env, stdin=stdin)
    if result.returncode != 0:
        raise PublishRefused(f"git {' '.join(args)} failed:\n{result.stderr.strip()}")
    return result.stdout.rstrip("\n")


def uncommitted_sources(root: Path) -> list[str]:
    """Source files with changes that are not committed (the site would not match git)."""
    entries = iter(git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", *SOURCES).split("\0"))
    paths = []
    for entry in entries:
        if entry[:1] in ("R", "C"):
            next(entries, None)  # a renamed or copied file is followed by its old path
        if entry:
            paths.append(entry[3:])
    return paths


def head_commit(root: Path) -> str:
    """The full name of the commit checked out in `root`."""
    return git(root, "rev-parse", "--verify", "HEAD^{commit}")


def export_commit(root: Path, commit: str, destination: Path) -> Path:
    """Write the files git tracks at `commit` into `destination` (which must not exist yet)."""
    with tempfile.TemporaryDirectory(prefix="kit-export-") as folder:
        archive = Path(folder) / "source.tar"
        git(root, "archive", "--format=tar", f"--output={archive}", commit)
        destination.mkdir(parents=True)
        with tarfile.open(archive) as tar:
            tar.extractall(destination, filter="data")
    return destination


@contextmanager
def publish_lock(root: Path) -> Iterator[None]:
    """Hold the checkout's publish lock, a file in .git naming our process; refuse while another holds it.

    The system releases the lock when its process ends, even when it was killed.
    """
    lock = Path(root, git(root, "rev-parse", "--git-path", LOCK_NAME))
    with open(lock, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise PublishRefused(f"Not published: another publish is running (pid {holder}) in this checkout; "
                                 "wait until it ends, then try again.") from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield


def cname_of(website: str) -> str | None:
    """The custom domain for a CNAME file; None for a github.io address."""
    host = urlsplit(website).hostname or ""
    return None if not host or host.endswith(".github.io") else host


def live_tip(root: Path, remote: str, branch: str) -> str | None:
    """The remote branch's tip after fetching it, or None when it does not exist yet."""
    listed = run_git(root, "ls-remote", "--exit-code", remote, f"refs/heads/{branch}")
    if listed.returncode == 2:
        return None
    if listed.returncode != 0:
        raise PublishRefused(f"Could not read {branch} from {remote}:\n{listed.stderr.strip()}")
    tracking = f"refs/remotes/{remote}/{branch}"
    git(root, "fetch", "--quiet", remote, f"+refs/heads/{branch}:{tracking}")
    return git(root, "rev-parse", "--verify", f"{tracking}^{{commit}}")


def deploys(root: Path, ref: str) -> list[Deploy]:
    """Every publish on the branch, newest first."""
    log = git(root, "log", "--first-parent", "--format=%H %T %s", ref)
    return [Deploy(commit, tree, subject.removeprefix(PUBLISH_PREFIX).strip())
            for commit, tree, subject in (line.split(" ", 2) for line in log.splitlines())
            if subject.startswith(PUBLISH_PREFIX)]


def live_deploy(root: Path, tip: str) -> tuple[list[Deploy], int | None]:
    """Every deploy on the branch, newest first, and the position of the one the tip serves (None: none)."""
    live_tree = git(root, "rev-parse", f"{tip}^{{tree}}")
    history = deploys(root, tip)
    return history, next((number for number, deploy in enumerate(history) if deploy.tree == live_tree), None)


def refuse_older(root: Path, tip: str | None, source: str) -> None:
    """Refuse unless the live site was built from `source` or one of its ancestors (or is no deploy)."""
    history, position = live_deploy(root, tip) if tip else ([], None)
    if position is None:
        return
    live = history[position].source
    if run_git(root, "merge-base", "--is-ancestor", live, source).returncode != 0:
        raise PublishRefused(f"Not published: the live site was built from {live[:12]}, which is newer than "
                             f"(or not an ancestor of) this commit {source[:12]}; pull, then publish again.")


def deploy_commit(root: Path, site: Path, parent: str | None, message: str) -> str:
    """A commit of every file of `site`, on top of `parent`; nothing is pushed."""
    files = sorted(path for path in site.rglob("*") if path.is_file())
    blobs = git(root, "hash-object", "-w", "--no-filters", "--stdin-paths",  # the bytes as they are
                stdin="".join(f"{path}\n" for path in files)).splitlines()
    entries = "".join(f"{_mode(path)} {blob}\t{path.relative_to(site).as_posix()}\0"
                      for path, blob in zip(files, blobs, strict=True))
    with tempfile.TemporaryDirectory(prefix="kit-index-") as folder:
        env = dict(os.environ, GIT_INDEX_FILE=str(Path(folder) / "index"))
        git(root, "update-index", "--add", "-z", "--index-info", env=env, stdin=entries)
        tree = git(root, "write-tree", env=env)
    return git(root, "commit-tree", tree, *(("-p", parent) if parent else ()), "-m", message)


def _mode(path: Path) -> str:
    return "100755" if path.stat().st_mode & 0o111 else "100644"


def push(root: Path, remote: str, branch: str, commit: str) -> None:
    """Push `commit` to the branch without force: the remote refuses it if the branch moved."""
    result = run_git(root, "push", "--quiet", remote, f"{commit}:refs/heads/{branch}")
    if result.returncode != 0:
        raise PublishRefused(f"Nothing was changed: {remote} refused the new {branch}. Git said:\n  "
                             + "\n  ".join(result.stderr.strip().splitlines())
                             + f"\nIf someone published or rolled back in the meantime, try again; otherwise "
                               f"ask whoever manages {remote} to let you push to {branch}.")


def publish_to_branch(root: Path, site: Path, remote: str, branch: str, website: str, source: str) -> str:
    """Commit `site` (built from commit `source`) on top of the branch and push it; return the new commit.

    `.nojekyll`, and `CNAME` for a custom domain, are written into `site` first.
    """
    (site / ".nojekyll").write_bytes(b"")
    cname = cname_of(website)
    if cname:
        (site / "CNAME").write_text(cname, encoding="utf-8")
    tip = live_tip(root, remote, branch)
    refuse_older(root, tip, source)
    commit = deploy_commit(root, site, tip, f"{PUBLISH_PREFIX}{source}")
    push(root, remote, branch, commit)
    return commit


def rollback_branch(root: Path, remote: str, branch: str) -> str:
    """Put back the deploy before the live one, as a new commit; return it."""
    tip = live_tip(root, remote, branch)
    if tip is None:
        raise PublishRefused(f"Nothing to roll back: {remote} has no {branch} branch yet.")
    history, live = live_deploy(root, tip)
    if live is None or live + 1 >= len(history):
        raise PublishRefused("Nothing to roll back to: the live site is the oldest deploy.")
    target = history[live + 1]
    commit = git(root, "commit-tree", target.tree, "-p", tip, "-m", f"Roll back to {target.commit[:12]}")
    push(root, remote, branch, commit)
    return commit
