"""Write the browser editor into the built site: `/admin/` with its page, configuration and bundle.

A site has the editor when its site.yaml has an `editor:` section (the git host, the
repository and the branch; see docs/editing-in-the-browser.md) and the setting
`KIT_ADMIN` is not False. The editor's files come from `node_modules/` (`npm ci`);
when they are missing the site is built without `/admin/`, and the build says so and
how to install them: it never leaves the editor out silently.

`check_editor` runs when the build starts, so a mistake in `editor:` stops the build
with the file, line and field like any other; `write_admin` runs after every page is
written and checked.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kit_schema import BuildStopped, Problem

from .bundle import bundle, fonts_css, missing
from .config import WORKFLOW_BACKENDS, config_text, editor_config
from .page import admin_page
from .policy import origin_of

FOLDER = "admin"
KIT = Path(__file__).resolve().parents[2]  # the kit's folder: package.json, package-lock.json, node_modules/
REPO = r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+"


def editor_of(settings: dict) -> dict | None:
    """site.yaml's `editor:` when this site builds the editor, else None."""
    if settings.get("KIT_ADMIN") is False:
        return None
    return (settings.get("SITE") or {}).get("editor") or None


def editor_problems(editor: dict) -> list[str]:
    """What is wrong in `editor:` beyond its schema (checked by kit_identity)."""
    import re

    found = []
    if not re.fullmatch(REPO, str(editor["repo"])):
        found.append(("repo", f"'{editor['repo']}' is not a repository; "
                               "expected owner/name, such as mlimanidc/website"))
    if editor.get("workflow") and editor["backend"] not in WORKFLOW_BACKENDS:
        found.append(("workflow", f"{editor['backend']} has no review workflow in the editor; remove the line, "
                                  "or use github or gitlab"))
    if editor.get("api_root"):
        try:
            origin_of(str(editor["api_root"]))
        except ValueError as error:
            found.append(("api_root", str(error)))
    return found


def check_editor(pelican) -> None:
    """Stop the build on a mistake in site.yaml's `editor:`."""
    editor = editor_of(pelican.settings)
    if editor:
        problems = [Problem("content/site.yaml", None, f"editor.{name}", message)
                    for name, message in editor_problems(editor)]
        if problems:
            raise BuildStopped(problems)


def write_admin(pelican) -> None:
    """Write /admin/ into the output, or say why it was left out."""
    settings = pelican.settings
    editor = editor_of(settings)
    if not editor:
        return
    project = Path(settings.get("KIT_ADMIN_PROJECT") or KIT)
    reason = missing(project)
    if reason:
        print(f"The browser editor was left out of this build (no /admin/): {reason}.", file=sys.stderr)
        return
    target = Path(settings["OUTPUT_PATH"]) / FOLDER
    write_files(target, editor, settings, project)
    print(f"Wrote the browser editor into {FOLDER}/ ({bundle(project).script}).")


def write_files(target: Path, editor: dict, settings: dict, project: Path) -> None:
    """The page, the configuration, the stylesheet of the fonts and the copied files."""
    installed = bundle(project)
    target.mkdir(parents=True, exist_ok=True)
    for name, source in installed.files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / name)
    (target / "fonts.css").write_text(fonts_css(), encoding="utf-8")
    (target / "config.yml").write_text(config_text(editor_config(settings, editor)), encoding="utf-8")
    (target / "index.html").write_text(admin_page(editor, settings.get("SITENAME", ""), installed.script),
                                       encoding="utf-8")
