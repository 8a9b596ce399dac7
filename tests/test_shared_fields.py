"""A translation carries only its text; the fields that do not change with the language come from the original."""

from __future__ import annotations

from fixture_site import FILES, apply, staged_build, tiny_site

TEXT_ONLY = "---\ntitle: Water project\nsummary: A short summary\nfunders:\n  - Government\n---\nThe project.\n"


def test_a_translation_with_only_its_text_shows_the_shared_fields_of_the_original(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    english = (tmp_path / "output" / "en" / "projects" / "maji" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in english and "Water project" in english
    assert "TZS 1,000,000" in english and 'value="50"' in english  # budget and progress of maji.md
    assert "Lumbe" in english  # the location, a shared mapping


def test_a_correction_in_the_original_reaches_every_language_and_a_written_value_is_kept(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY.replace("funders:", "progress: 70\nfunders:"),
                    "projects/maji.md": FILES["projects/maji.md"].replace("budget: 1000000", "budget: 1200000")})
    staged_build(content, tmp_path / "output")
    english = (tmp_path / "output" / "en" / "projects" / "maji" / "index.html").read_text(encoding="utf-8")
    assert "TZS 1,200,000" in english and 'value="70"' in english  # corrected once; its own progress kept


def test_words_are_never_taken_from_the_original(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY.replace("title: Water project\n", "")})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0 and "content/projects/maji.en.md: title: is missing" in outcome.message
