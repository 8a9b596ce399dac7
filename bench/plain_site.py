"""Turn a kit corpus into content for plain Pelican with its default theme.

`write_plain_site(content, root)` writes `root/content/` in Pelican's own
`Key: value` metadata format (no kit plugins needed) and an empty
`root/plainconf.py`, so Pelican runs with its default settings and theme.
News stay articles; units and any other folder become pages under
`pages/<folder>/` (Pelican's default `PAGE_PATHS` is `pages`); every file keeps
its key as metadata so that translations can be linked by it. `overrides()`
lists the few `-e` settings the benchmark passes: language, time zone,
translation key and a pagination of 10 like the others.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bench.corpus import DEFAULT_LANG, item_key, item_lang, read_item

ARTICLE_FOLDER = "news"
PAGE_LINK = re.compile(r"\{filename\}/?(?!news/|pages/)([^/)\s]+)/")
SCALARS = ("title", "date", "category", "summary", "status")
SETTINGS_FILE = "plainconf.py"


def target_folder(kind: str) -> str:
    """News stay articles; every other folder becomes pages (units under pages/units/)."""
    return kind if kind in (ARTICLE_FOLDER, "pages") else f"pages/{kind}"


def plain_key(path: Path) -> str:
    """The file's key, made unique across folders that all become pages."""
    kind = path.parent.name
    return item_key(path) if kind in (ARTICLE_FOLDER, "pages") else f"{kind}-{item_key(path)}"


def metadata_lines(front: dict, path: Path) -> list[str]:
    """Pelican's metadata block: one `Key: value` line each, then a blank line."""
    lines = [f"{name.capitalize()}: {' '.join(str(front[name]).split())}"
             for name in SCALARS if front.get(name) not in (None, "")]
    if front.get("tags"):
        lines.append("Tags: " + ", ".join(str(tag) for tag in front["tags"]))
    lines += [f"Slug: {front.get('slug') or plain_key(path)}", f"Lang: {item_lang(path)}",
              f"Key: {plain_key(path)}"]
    return lines + ["", ""]


def convert_file(path: Path, target: Path) -> None:
    front, body = read_item(path)
    body = PAGE_LINK.sub(lambda match: f"{{filename}}/{target_folder(match.group(1))}/", body)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(metadata_lines(front, path)) + body, encoding="utf-8")


def write_plain_site(content: Path, root: Path) -> Path:
    """Write Pelican-format content for `content` under `root`; return the content folder."""
    shutil.rmtree(root, ignore_errors=True)
    target = root / "content"
    target.mkdir(parents=True)
    (root / SETTINGS_FILE).write_text('"""Pelican defaults: the benchmark passes its few settings with -e."""\n',
                                      encoding="utf-8")
    for folder in sorted(path for path in content.iterdir() if path.is_dir()):
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".md":
                convert_file(path, target / target_folder(folder.name) / path.name)
            elif path.is_file():
                copy_file(path, target / path.relative_to(content))
    return target


def copy_file(path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)


def overrides() -> list[str]:
    """`-e` values (JSON) for plain Pelican: what it needs to read the corpus like the kit."""
    values = {"DEFAULT_LANG": DEFAULT_LANG, "TIMEZONE": "Africa/Dar_es_Salaam",
              "ARTICLE_TRANSLATION_ID": "key", "PAGE_TRANSLATION_ID": "key", "DEFAULT_PAGINATION": 10}
    return [f"{name}={json.dumps(value)}" for name, value in values.items()]
