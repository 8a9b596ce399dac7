"""A Persian institution: Persian as the default language, English second, no code change."""

import pytest
import yaml

from conftest import build, copy_content


@pytest.fixture(scope="module")
def persian_site(tmp_path_factory):
    """The demo content rewritten as a Persian-first site (fa at the root, en under /en/)."""
    root = tmp_path_factory.mktemp("persian")
    content = copy_content(root)
    for path in list(content.rglob("*.md")):
        if not path.name.endswith((".fa.md", ".en.md")):
            path.unlink()
    for path in list(content.rglob("*.fa.md")):
        text = path.read_text(encoding="utf-8").replace(".fa.md)", ".md)")
        path.with_name(path.name.replace(".fa.md", ".md")).write_text(text, encoding="utf-8")
        path.unlink()
    for name in ("site.yaml", "menus.yaml"):
        data = without_swahili(yaml.safe_load((content / name).read_text(encoding="utf-8")))
        if name == "site.yaml":
            data["languages"] = {"default": "fa", "available": [{"code": "fa", "name": "فارسی"},
                                                                 {"code": "en", "name": "English"}]}
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return build(root / "out", content, KIT_SEARCH=False)  # no test here reads the search index


def without_swahili(value):
    """The YAML data as a Persian institution would write it: no Swahili texts."""
    if isinstance(value, dict):
        return {key: without_swahili(item) for key, item in value.items() if key != "sw"}
    if isinstance(value, list):
        return [without_swahili(item) for item in value]
    return value


def test_root_is_persian_and_right_to_left(persian_site):
    html = (persian_site / "index.html").read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="fa" dir="rtl">')
    assert "رفتن به محتوای اصلی" in html and "خانه" in html
    assert not (persian_site / "fa").exists()


def test_english_lives_under_its_prefix_and_links_back(persian_site):
    html = (persian_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="en" dir="ltr">')
    assert '<link rel="alternate" hreflang="fa" href="/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="/about/">' in html


def test_a_file_in_a_language_the_site_does_not_have_is_a_problem(tmp_path):
    from kit_schema import BuildStopped

    content = copy_content(tmp_path)
    (content / "pages" / "about.de.md").write_text("---\ntitle: Über uns\n---\nText\n", encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert "'de' is not a language of this site" in str(stopped.value)


def test_site_options_for_untranslated_items_and_gregorian_dates(tmp_path):
    content = copy_content(tmp_path)
    identity = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    identity["languages"].update(untranslated="all-languages", gregorian_beside_jalali=True)
    (content / "site.yaml").write_text(yaml.safe_dump(identity, allow_unicode=True), encoding="utf-8")
    site = build(tmp_path / "out", content, KIT_SEARCH=False)
    swahili = (site / "news" / "index.html").read_text(encoding="utf-8")
    assert '<article class="kit-card " lang="en">' in swahili, "the English-only item is listed, marked"
    assert '<span class="kit-card__lang">EN</span>' in swahili
    persian = (site / "fa" / "news" / "index.html").read_text(encoding="utf-8")
    assert "۱۹ آبان ۱۴۰۵ (۱۰ نوامبر ۲۰۲۶)" in persian
