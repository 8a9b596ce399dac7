"""`make new`: a scaffolded item passes its schema and builds at once."""

import datetime
import subprocess
import sys

import pytest

from conftest import ROOT, build, copy_content
from kit_scaffold import file_name, front_matter, write_item

NOW = datetime.datetime(2026, 11, 20, 10, 15)


def test_file_name_has_date_slug_and_language():
    assert file_name("Ziara ya Mkuu wa Wilaya", "sw", "sw", NOW.date()) == "2026-11-20-ziara-ya-mkuu-wa-wilaya.md"
    assert file_name("District visit", "en", "sw", NOW.date()) == "2026-11-20-district-visit.en.md"


def test_front_matter_has_every_required_field():
    text = front_matter("news", "Habari", "sw", NOW)
    assert text == ("---\ntitle: Habari\nsummary: Andika muhtasari wa sentensi moja au mbili.\n"
                    "date: 2026-11-20 10:15\ncategory: Jumla\n---\n")


def test_new_item_builds_and_is_listed(tmp_path):
    content = copy_content(tmp_path)
    path = write_item(content, "announcements", "Tangazo la majaribio", "", NOW)
    assert path == content / "announcements" / "2026-11-20-tangazo-la-majaribio.md"
    site = build(tmp_path / "out", content)
    assert "Tangazo la majaribio" in (site / "announcements" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind, title, lang, message", [
    ("nws", "Habari", "", "Did you mean 'news'?"),
    ("news", "  ", "", "Give the item a title"),
    ("news", "Habari", "de", "'de' is not a language of this site"),
])
def test_bad_arguments_get_a_plain_message(tmp_path, kind, title, lang, message):
    content = copy_content(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        write_item(content, kind, title, lang, NOW)
    assert message in str(stopped.value)


def test_invoke_new_prints_the_path(tmp_path):
    result = subprocess.run([sys.executable, "-m", "invoke", "new", "--kind", "speeches", "--title",
                             "Hotuba ya majaribio", "--lang", "en"], cwd=ROOT, capture_output=True, text=True)
    path = ROOT / result.stdout.strip()
    try:
        assert result.returncode == 0, result.stderr
        assert path.parent == ROOT / "content" / "speeches" and path.name.endswith("-hotuba-ya-majaribio.en.md")
    finally:
        path.unlink(missing_ok=True)
