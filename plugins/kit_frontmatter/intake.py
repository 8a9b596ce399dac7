"""Every file under `content/` is accounted for before Pelican reads any of them.

Pelican reads only what its settings point at and skips the rest without a word,
so a misspelt folder (`content/newz/`), a file saved as `news.md.txt`, or a
symbolic link to a file outside `content/` would silently stay unpublished, or
publish what it should not. `intake_problems()` walks the whole content folder
and names each such file with what to do. Allowed are: `site.yaml` and
`menus.yaml` at the top; Markdown files named `<key>.md` or `<key>.<lang>.md`
directly inside a content-type folder; anything under `images/` and `files/`
(their contents are checked by kit_uploads). Names starting with a dot are
never read nor published (Pelican's `IGNORE_FILES`).
"""

from __future__ import annotations

import os
from pathlib import Path

from kit_schema import Problem, closest, display_path
from .sources import inside

TOP_FILES = ("site.yaml", "menus.yaml")
MARKDOWN = (".md", ".markdown")


def intake_problems(content: Path, type_folders: list[str], static_folders: list[str],
                    languages: list[str], unpublished: tuple[str, ...] = ()) -> list[Problem]:
    """A problem for each file or folder under `content` that the build would not publish as it is;
    `unpublished` are the type folders the site does not choose."""
    problems = []
    for folder, subfolders, files in os.walk(content):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in [*subfolders, *sorted(files)]:
            if name.startswith("."):
                continue
            path = here / name
            problem = link_problem(path, content) or place_problem(path, content, type_folders, static_folders,
                                                                     languages, unpublished)
            if problem:
                problems.append(Problem(display_path(path, content), None, "", problem))
                if name in subfolders:
                    subfolders.remove(name)  # one problem for a folder, not one per file in it
    return problems


def leaves_content(path: Path, content: Path) -> bool:
    """True when `path` is a symbolic link whose target lies outside `content`."""
    return path.is_symlink() and not inside(path, content)


def outside_links(content: Path) -> list[Path]:
    """Every symbolic link under `content` whose target lies outside it."""
    return [Path(folder) / name for folder, subfolders, files in os.walk(content) for name in [*subfolders, *files]
            if leaves_content(Path(folder) / name, content)]


def link_problem(path: Path, content: Path) -> str | None:
    if leaves_content(path, content):
        return ("is a link to something outside the content folder, which is never published; "
                "copy the file itself into content/ instead")
    return None


def place_problem(path: Path, content: Path, type_folders: list[str], static_folders: list[str],
                  languages: list[str], unpublished: tuple[str, ...] = ()) -> str | None:
    """What is wrong with where a file or folder is, or None."""
    parts = path.relative_to(content).parts
    if parts[0] in static_folders:
        return None
    if len(parts) == 1:
        return top_level_problem(path, type_folders, static_folders, unpublished)
    if path.is_dir():
        return (f"is a folder inside {parts[0]}/, which the build does not read; "
                f"put its files directly in content/{parts[0]}/")
    return markdown_name_problem(path, languages)


def top_level_problem(path: Path, type_folders: list[str], static_folders: list[str],
                      unpublished: tuple[str, ...] = ()) -> str | None:
    name = path.name
    if path.is_dir():
        if name in type_folders:
            return None
        if name in unpublished:
            if not any(path.iterdir()):
                return None  # an empty folder holds nothing to lose
            return (f"'{name}' is a content type this site does not publish (it is not among the sections of "
                    f"content/site.yaml), so nothing in it is published; add {name} to sections, or remove the folder")
        return (f"'{name}' is not a content folder, so nothing in it is published{did_you_mean(name, type_folders)}"
                f"; the content folders are: {', '.join(sorted(type_folders + static_folders))}")
    if name in TOP_FILES:
        return None
    return (f"the build does not read this file{did_you_mean(name, TOP_FILES)}; items go in a content "
            "folder (e.g. content/news/), documents under content/files/")


def markdown_name_problem(path: Path, languages: list[str]) -> str | None:
    """What is wrong with the name of a file in a content-type folder, or None."""
    name = path.name
    if not name.endswith(MARKDOWN):
        stem = name.split(".")[0]
        return (f"the build reads only Markdown files (.md) here, so this file is not published; rename it to "
                f"{stem}.md if it is an item, or move a document to content/files/")
    parts = name.rsplit(".", 2)
    if len(parts) == 3 and parts[1] not in languages:
        return (f"'{parts[1]}' in the file name is not a language of this site{did_you_mean(parts[1], languages)}; "
                f"name translations <name>.<language>.md with one of: {', '.join(languages)}")
    if "." in parts[0]:
        return "a file name may hold one dot before the language code; use dashes between words"
    return None


def did_you_mean(word: str, candidates) -> str:
    """" (did you mean 'x'?)" inside a message, or "" when no candidate is close."""
    close = closest(word, candidates)
    return f" (did you mean '{close}'?)" if close else ""
