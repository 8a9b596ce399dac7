"""Every file under content/ is published or named: misplaced files, misspelt folders and
links that leave content/ stop the build, and the last good site stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixture_site import Case, apply, assert_refused, files_of, good_site, staged_build

ITEM = "---\ntitle: Habari\ndate: 2026-11-02\ncategory: Maji\n---\nMaandishi.\n"
PAGE = "---\ntitle: Ukurasa\n---\nMaandishi.\n"
CASES = [
    Case("misspelt folder", {"newz/2026-11-02-habari.md": ITEM},
         ("content/newz", "'newz' is not a content folder", "did you mean 'news'?")),
    Case("capitalised folder", {"Events/sherehe.md": PAGE}, ("content/Events", "did you mean 'events'?")),
    Case("folder of a removed type", {"blog/2026-11-02-habari.md": ITEM}, ("content/blog", "not a content folder")),
    Case("text file beside news", {"news/2026-11-02-habari.md.txt": ITEM},
         ("content/news/2026-11-02-habari.md.txt", "reads only Markdown files", "rename it to 2026-11-02-habari.md")),
    Case("Word file beside pages", {"pages/about.docx": b"PK\x03\x04"},
         ("content/pages/about.docx", "move a document to content/files/")),
    Case("HTML page beside pages", {"pages/evil.html": "<script>alert(1)</script>"},
         ("content/pages/evil.html", "reads only Markdown files")),
    Case("backup copy", {"news/2026-11-01-habari.md~": ITEM}, ("content/news/2026-11-01-habari.md~",)),
    Case("Markdown at the top", {"README.md": "# Notes\n"}, ("content/README.md", "the build does not read this file")),
    Case("misspelt identity file", {"site.yml": "x: 1\n"}, ("content/site.yml", "did you mean 'site.yaml'?")),
    Case("folder inside a type folder", {"news/2026/2026-11-02-habari.md": ITEM},
         ("content/news/2026", "put its files directly in content/news/")),
    Case("language that is not the site's", {"pages/about.fr.md": PAGE},
         ("content/pages/about.fr.md", "'fr' in the file name is not a language of this site")),
    Case("misspelt language code", {"pages/about.eng.md": PAGE}, ("content/pages/about.eng.md", "'eng'")),
    Case("dots in the name", {"pages/ripoti.ya.mwaka.md": PAGE}, ("content/pages/ripoti.ya.mwaka.md",)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_file_the_build_would_leave_out_stops_it(tmp_path, case):
    assert_refused(tmp_path, case)


def outside_file(tmp_path: Path, name: str, data: str = "root:x:0:0\n") -> Path:
    path = tmp_path / "outside" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


LINKS = {  # where the link goes in content/ -> what it points at outside
    "files/publications/siri.pdf": "secret.pdf",
    "images/picha/siri.jpg": "secret.jpg",
    "news/2026-11-02-siri.md": "secret.md",
    "images/nje": "",  # a folder
    "pages": "",  # a whole content folder replaced by a link
}


@pytest.mark.parametrize("where", LINKS, ids=str)
def test_a_symbolic_link_out_of_content_stops_the_build_and_is_never_read(tmp_path, where):
    content, output = good_site(tmp_path)
    before = files_of(output)
    target = outside_file(tmp_path, LINKS[where], ITEM) if LINKS[where] else outside_file(tmp_path, "x.pdf").parent
    if where == "pages":
        os.rename(content / "pages", tmp_path / "outside" / "pages")
        target = tmp_path / "outside" / "pages"
    (content / where).symlink_to(target)
    outcome = staged_build(content, output)
    assert outcome.code != 0
    assert f"content/{where}: is a link to something outside the content folder" in outcome.message
    assert files_of(output) == before


def test_files_starting_with_a_dot_are_neither_read_nor_published(tmp_path):
    content, output = good_site(tmp_path)
    apply(content, {"files/.htaccess": "Options +ExecCGI\n", ".git-notes": "x", "images/.DS_Store": b"\0\1"})
    assert staged_build(content, output).code == 0
    assert not [path for path in files_of(output) if Path(path).name.startswith(".")]
