"""The demo site in real Chromium: right-to-left mirroring, narrow screens, keyboard."""

import pytest


@pytest.fixture
def site(browser_on_demo):
    return browser_on_demo


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", [360, 1280])
def test_persian_page_is_mirrored(site, tmp_path, width):
    base, browser = site
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{base}/fa/")
    page.screenshot(path=str(tmp_path / f"fa-{width}.png"), full_page=True)
    emblem, first_nav = box(page, ".kit-header__emblem"), box(page, ".kit-nav__link")
    assert emblem["x"] > width / 2, "the emblem sits at the right on a Persian page"
    assert first_nav["x"] + first_nav["width"] > width / 2
    page.goto(f"{base}/")
    assert box(page, ".kit-header__emblem")["x"] < width / 2, "and at the left on a Swahili page"
    page.close()


@pytest.mark.parametrize("path", ["/", "/news/", "/fa/", "/units/ict/", "/en/contact/"])
def test_nothing_overflows_a_320px_screen(site, path):
    base, browser = site
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(base + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_first_tab_reaches_the_skip_link_then_the_header(site):
    base, browser = site
    page = browser.new_page()
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "kit-skip-link"
    assert page.locator(".kit-skip-link").bounding_box()["y"] >= 0, "the skip link shows when focused"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "kit-header__home"
    page.close()


def test_pages_work_without_javascript(site):
    base, browser = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/news/")
    page.locator(".kit-card__link").first.click()
    assert page.locator("h1").inner_text()
    context.close()
