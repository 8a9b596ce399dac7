"""The problems of one build: every part of the kit reports here, one step stops on them.

`report()` is the one way to hand the build a problem; it never stops anything by
itself, so a whole run is checked and every problem listed together. The build's
steps (`kit_build.steps`) clear the list when a build starts (livereload runs
several builds in one process, and a fixed mistake must not stop the next one) and
stop the build on what was reported (`stop_on_problems`). A forked worker of
kit_parallel reports into its own copy of this list; it hands `reported()[known:]`
back to the main process, which reports them there.
"""

from __future__ import annotations

from kit_schema import BuildStopped, Problem

_REPORTED: list[Problem] = []  # this process's problems of the build under way


def report(*problems: Problem) -> None:
    """Hand the build one or more problems; it stops at its next checkpoint."""
    _REPORTED.extend(problems)


def reported() -> list[Problem]:
    """The problems reported so far in this build, oldest first (a copy)."""
    return list(_REPORTED)


def clear() -> None:
    """Forget every problem: a new build starts."""
    _REPORTED.clear()


def stop_on_problems(sender: object = None) -> None:
    """Stop the build with every problem reported so far, if there is one; the caller keeps the old site.

    The list is emptied first, so a build run again in this process (livereload) starts clean.
    """
    if _REPORTED:
        problems = reported()
        clear()
        raise BuildStopped(problems)
