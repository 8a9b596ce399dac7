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


def test_a_correction_in_the_original_reaches_every_language(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY,
                    "projects/maji.md": FILES["projects/maji.md"].replace("budget: 1000000", "budget: 1200000")})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    english = (tmp_path / "output" / "en" / "projects" / "maji" / "index.html").read_text(encoding="utf-8")
    assert "TZS 1,200,000" in english  # corrected once, in the original


def test_a_translation_that_gives_a_shared_field_another_value_stops_the_build(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY.replace("funders:", "progress: 70\nfunders:")})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0
    assert "content/projects/maji.en.md:4: progress: differs from content/projects/maji.md" in outcome.message


def test_a_shared_list_compares_its_files_not_its_words(tmp_path):
    content = tiny_site(tmp_path)
    english = ("---\ntitle: Building tender\nhow_to_apply: Bring it to the office.\ndocuments:\n"
               "  - title: Notice\n    file: files/tenders/tangazo.pdf\n---\nDetails.\n")
    apply(content, {"tenders/zabuni.en.md": english})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    page = (tmp_path / "output" / "en" / "tenders" / "zabuni" / "index.html").read_text(encoding="utf-8")
    assert ">Notice</a>" in page and "LGA/1/2026/W/01" in page  # its title, the original's reference
    apply(content, {"tenders/zabuni.en.md": english.replace("tangazo.pdf", "notice.pdf")})
    outcome = staged_build(content, tmp_path / "output2")
    assert "content/tenders/zabuni.en.md:4: documents: differs from content/tenders/zabuni.md" in outcome.message


def test_a_field_declared_may_differ_takes_the_translations_value(tmp_path):
    content = tiny_site(tmp_path)
    original = FILES["events/2026-12-09-sherehe.md"].replace("venue:", "online: https://example.go.tz/sw\nvenue:")
    apply(content, {"events/2026-12-09-sherehe.md": original,
                    "events/2026-12-09-sherehe.en.md": "---\ntitle: Celebration\nvenue: Hall\norganiser: The office\n"
                                                       "online: https://example.go.tz/en\n---\nWelcome.\n"})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code == 0, outcome.message
    page = (tmp_path / "output" / "en" / "events" / "2026-12-09-sherehe" / "index.html").read_text(encoding="utf-8")
    assert "https://example.go.tz/en" in page and "https://example.go.tz/sw" not in page


def test_words_are_never_taken_from_the_original(tmp_path):
    content = tiny_site(tmp_path)
    apply(content, {"projects/maji.en.md": TEXT_ONLY.replace("title: Water project\n", "")})
    outcome = staged_build(content, tmp_path / "output")
    assert outcome.code != 0 and "content/projects/maji.en.md: title: is missing" in outcome.message
