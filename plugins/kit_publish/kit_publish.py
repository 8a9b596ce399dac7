"""Publish the built site to a git branch (GitHub Pages style) and roll it back.

Not a Pelican plugin: the invoke tasks `publish` and `rollback` call it. Each
publish adds one commit ("Publish <source commit>") on top of the branch, so the
branch keeps every deploy; a rollback adds a commit that puts back the tree of
the deploy before the live one, so it too can be undone. Nothing is pushed when
the sources have uncommitted changes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import ghp_import

SOURCES = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
PUBLISH_PREFIX = "Publish "


class PublishRefused(SystemExit):
    """Publishing stopped before anything was pushed; the message says why."""


def git(root: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise PublishRefused(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def uncommitted_sources(root: Path) -> list[str]:
    """Source files with changes that are not committed (the site would not match git)."""
    status = git(root, "status", "--porcelain", "--untracked-files=all", "--", *SOURCES)
    return [line[3:] for line in status.splitlines()]


def cname_of(website: str) -> str | None:
    """The custom domain for a CNAME file; None for a github.io address."""
    host = urlsplit(website).hostname or ""
    return None if not host or host.endswith(".github.io") else host


def _fetch(root: Path, remote: str, branch: str) -> str | None:
    """The remote branch's tip after fetching it, or None when it does not exist yet."""
    git(root, "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}", check=False)
    return git(root, "rev-parse", "--verify", "--quiet", f"refs/remotes/{remote}/{branch}", check=False) or None


def publish_to_branch(root: Path, output: Path, remote: str, branch: str, website: str) -> str:
    """Commit `output` on top of the branch and push it; return the new commit."""
    if _fetch(root, remote, branch):
        git(root, "branch", "--force", branch, f"refs/remotes/{remote}/{branch}")
    source = git(root, "rev-parse", "--short", "HEAD")
    ghp_import.ghp_import(str(output), mesg=f"{PUBLISH_PREFIX}{source}", remote=remote, branch=branch,
                          push=True, nojekyll=True, cname=cname_of(website))
    return git(root, "rev-parse", branch)


def deploys(root: Path, ref: str) -> list[tuple[str, str]]:
    """(commit, tree) of every publish on the branch, newest first."""
    log = git(root, "log", "--first-parent", "--format=%H %T %s", ref)
    return [(commit, tree) for commit, tree, subject in (line.split(" ", 2) for line in log.splitlines())
            if subject.startswith(PUBLISH_PREFIX)]


def rollback_branch(root: Path, remote: str, branch: str) -> str:
    """Put back the deploy before the live one, as a new commit; return it."""
    tip = _fetch(root, remote, branch)
    if tip is None:
        raise PublishRefused(f"Nothing to roll back: {remote} has no {branch} branch yet.")
    live_tree = git(root, "rev-parse", f"{tip}^{{tree}}")
    history = deploys(root, tip)
    live = next((number for number, (_, tree) in enumerate(history) if tree == live_tree), None)
    if live is None or live + 1 >= len(history):
        raise PublishRefused("Nothing to roll back to: the live site is the oldest deploy.")
    target, tree = history[live + 1]
    commit = git(root, "commit-tree", tree, "-p", tip, "-m", f"Roll back to {target[:12]}")
    git(root, "push", "--quiet", remote, f"{commit}:refs/heads/{branch}")
    git(root, "branch", "--force", branch, commit)
    return commit
