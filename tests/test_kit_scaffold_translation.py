"""`make new FROM=… LANG_CODE=…`: a translation skeleton holds only the words, and builds once translated."""

from __future__ import annotations

import pytest
import yaml

from fixture_site import staged_build, tiny_site
from kit_scaffold.translation import write_translation


def front_of(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_the_skeleton_holds_the_words_and_leaves_shared_fields_to_the_original(tmp_path):
    content = tiny_site(tmp_path)
    path = write_translation(content, "content/projects/maji.md", "en")
    assert path == content / "projects" / "maji.en.md"
    text = path.read_text(encoding="utf-8")
    front = front_of(text)
    assert set(front) == {"title", "location", "funders"}  # sector, state, budget, spent, currency, progress left out
    assert front["title"] == "Mradi wa maji" and text.rstrip().endswith("Mradi.")  # the words to translate
    assert text.startswith("---\n# Translate the words below from maji.md.")


def test_a_shared_list_with_words_is_copied_whole(tmp_path):
    content = tiny_site(tmp_path)
    front = front_of(write_translation(content, "tenders/zabuni.md", "en").read_text(encoding="utf-8"))
    assert front["documents"] == [{"title": "Tangazo", "file": "files/tenders/tangazo.pdf"}]
    assert "reference" not in front and "closes" not in front and "type" not in front


def test_the_translated_skeleton_builds_with_the_originals_figures(tmp_path):
    content = tiny_site(tmp_path)
    path = write_translation(content, "projects/maji.md", "en")
    path.write_text(path.read_text(encoding="utf-8").replace("Mradi wa maji", "Water project"), encoding="utf-8")
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    page = (tmp_path / "output" / "en" / "projects" / "maji" / "index.html").read_text(encoding="utf-8")
    assert "Water project" in page and "TZS 1,000,000" in page and 'value="50"' in page


@pytest.mark.parametrize("source, lang, expected", [
    ("projects/maji.md", "de", "'de' is not a language of this site; use one of: sw, en"),
    ("projects/nothing.md", "en", "'projects/nothing.md' is not an item of"),
    ("site.yaml", "en", "'site.yaml' is not an item of"),
])
def test_wrong_requests_stop_with_a_plain_message(tmp_path, source, lang, expected):
    content = tiny_site(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        write_translation(content, source, lang)
    assert expected in str(stopped.value)


def test_an_existing_translation_is_never_overwritten(tmp_path):
    content = tiny_site(tmp_path)
    write_translation(content, "projects/maji.md", "en")
    with pytest.raises(SystemExit) as stopped:
        write_translation(content, "projects/maji.md", "en")
    assert "maji.en.md already exists" in str(stopped.value)
