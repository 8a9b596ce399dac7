"""HTML validity (Nu Html Checker) and accessibility (axe-core, keyboard) of the demo site."""

import pytest

from kit_audit import accessibility_violations, keyboard_stops, sample_pages, validate_html
from test_site import CODES, IDENTITY


def test_demo_site_has_no_html_errors(demo_site):
    assert validate_html(demo_site) == []


def test_an_html_error_is_reported_with_its_file(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=sw><title>x</title><p><div></span>",
                                       encoding="utf-8")
    errors = validate_html(tmp_path)
    assert errors and all(error.startswith("/bad.html:") for error in errors)


def test_sample_covers_every_page_kind_in_every_language(demo_site):
    pages = sample_pages(demo_site, CODES, IDENTITY["languages"]["default"])
    for prefix in ("/", "/en/", "/fa/"):
        for kind in ("news/", "press-releases/", "announcements/", "speeches/", "units/", "sitemap/"):
            assert prefix + kind in pages
        assert prefix + "404.html" in pages
    assert "/units/communication/" in pages and "/fa/about/" in pages


def test_no_wcag_21_aa_violation_on_any_page_kind_in_any_language(demo_site, browser_on_demo):
    base, browser = browser_on_demo
    page = browser.new_page()
    found = {path: accessibility_violations(page, base + path)
             for path in sample_pages(demo_site, CODES, IDENTITY["languages"]["default"])}
    page.close()
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.parametrize("path", ["/", "/fa/news/", "/en/units/ict/"])
def test_keyboard_reaches_every_link_of_the_header_and_menus(browser_on_demo, path):
    base, browser = browser_on_demo
    page = browser.new_page()
    wanted = page.goto(base + path) and page.eval_on_selector_all(
        ".kit-header a, .kit-nav a", "links => links.map(link => link.getAttribute('href'))")
    stops = keyboard_stops(page, base + path)
    page.close()
    assert len(wanted) >= 9
    assert [href for href in wanted if href not in stops] == []


def test_axe_reports_a_page_with_known_violations(tmp_path, browser_on_demo):
    from kit_audit import serve

    (tmp_path / "bad.html").write_text('<!doctype html><html><title>x</title><img src="a.png">'
                                       '<a href="/"></a><p style="color:#eee">faint</p></html>', encoding="utf-8")
    _, browser = browser_on_demo
    page = browser.new_page()
    with serve(tmp_path) as base:
        found = accessibility_violations(page, base + "/bad.html")
    page.close()
    rules = {violation.split(" ")[0] for violation in found}
    assert {"html-has-lang", "image-alt", "link-name", "color-contrast"} <= rules
