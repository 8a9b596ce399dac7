"""Take the screenshots of docs/editing-in-the-browser.md: the real editor in Chromium on the demo content.

Run from the project folder: `.venv/bin/python tests/editor_screenshots.py [folder]` (default
docs/images/). The kit builds /admin/ for the tiny fixture site in three languages (its
collections are the demo's: every type, sw, en and fa), nginx serves it, and the editor
opens a copy of the demo's content/ through the same stand-in for the folder picker as
tests/test_kit_admin_editor.py. Each PNG is reduced to 64 colours to stay small.
"""

from __future__ import annotations

import base64
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, build  # noqa: E402
from fixture_site import FAST, jpeg, write  # noqa: E402
from kit_audit import chromium  # noqa: E402
from kit_identity import load_identity  # noqa: E402
from kit_serving.kit_serving import running_nginx, serving_settings  # noqa: E402
from test_kit_admin_editor import EDITOR, FILL, USE_PICKER, locale, repository, write_news  # noqa: E402

SIZE = {"width": 1100, "height": 900}


def shoot(page: Page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(64).save(path, optimize=True)
    print(f"{path} ({path.stat().st_size} bytes)")


def demo_copy(folder: Path) -> Path:
    content = Path(shutil.copytree(ROOT / "content", folder / "demo" / "content"))
    write(content / "site.yaml", (content / "site.yaml").read_text(encoding="utf-8") + EDITOR)
    return content


def take(page: Page, folder: Path, photo: Path) -> None:
    shoot(page, folder, "editor-sign-in")
    page.get_by_role("button", name="Sign In Using Access Token").click()
    shoot(page, folder, "editor-token")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Work with Local Repository").click()
    page.get_by_text("News", exact=True).first.click()
    expect(page.get_by_text("Kampeni ya chanjo ya surua na rubella kuanza tarehe 20 Julai")).to_be_visible()
    shoot(page, folder, "editor-news-list")
    page.get_by_role("button", name="New").click()
    swahili = write_news(page, "Swahili", "Maji safi yafika Lumbe", "Maji", "Wakazi wa Lumbe wamepata maji safi.",
                         date="2026-11-20T10:00")
    swahili.get_by_role("button", name="Image").click()
    swahili.get_by_role("button", name="Browse").click()
    dialog = page.get_by_role("dialog", name="Select Image")
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Upload").click()
    chooser.value.set_files(str(photo))
    shoot(page, folder, "editor-photo")
    dialog.get_by_role("button", name="Insert").click()
    expect(swahili.get_by_role("button", name="Replace Image")).to_be_visible()
    swahili.get_by_role("textbox", name="Alt Text").fill("Bomba jipya la maji Lumbe")
    preview = page.get_by_role("group", name="Preview \u2068Swahili\u2069 Content")
    preview.get_by_role("radio", name="English").click()
    english = page.get_by_role("group", name="Edit \u2068English\u2069 Content")
    english.get_by_role("textbox", name="Title").fill("Clean water reaches Lumbe")
    english.get_by_role("textbox", name="Category").fill("Water")
    shoot(page, folder, "editor-two-languages")
    page.get_by_role("toolbar", name="Primary").get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Please correct them")).to_be_visible()
    shoot(page, folder, "editor-errors")
    persian = locale(page, "Persian")
    persian.get_by_role("button", name="Show \u2068Persian\u2069 Content Options").click()
    page.get_by_role("menuitem", name="Disable \u2068Persian\u2069").click()
    page.get_by_role("toolbar", name="Primary").get_by_role("button", name="Save").click()
    expect(page.get_by_text("Entry saved.")).to_be_visible()
    expect(page.get_by_text("Maji safi yafika Lumbe", exact=True)).to_be_visible()
    page.wait_for_timeout(1500)  # the closing editor slides away over the list
    shoot(page, folder, "editor-saved")


def take_persian(page: Page, folder: Path) -> None:
    page.get_by_role("button", name="Work with Local Repository").click()
    page.get_by_text("News", exact=True).first.click()
    page.get_by_text("Kampeni ya chanjo ya surua na rubella kuanza tarehe 20 Julai", exact=True).first.click()
    persian = locale(page, "Persian")
    expect(persian.get_by_role("textbox", name="Title")).to_have_value(
        "کارزار واکسیناسیون سرخک و سرخجه از ۲۰ ژوئیه آغاز می‌شود")
    shoot(page, folder, "editor-persian")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kit-editor-shots-") as temp:
        temp = Path(temp)
        fixture = repository(temp / "fixture")
        site = build(temp / "out", fixture, CACHE_PATH=str(temp / "cache"), **FAST)
        content = demo_copy(temp)
        photo = write(temp / "maji.jpg", jpeg(1200, 800))
        files = {path.relative_to(content.parent).as_posix(): base64.b64encode(path.read_bytes()).decode()
                 for path in content.rglob("*") if path.is_file()}
        (temp / "nginx").mkdir()
        settings = serving_settings(load_identity(fixture)[0], ROOT / "theme")
        with running_nginx(settings, site, temp / "nginx") as port, chromium() as browser:
            for steps in (lambda page: take(page, folder, photo), lambda page: take_persian(page, folder)):
                page = browser.new_page(viewport=SIZE)
                page.add_init_script(USE_PICKER)
                page.goto(f"http://127.0.0.1:{port}/admin/")
                page.evaluate(FILL, files)
                try:
                    steps(page)
                except Exception:
                    page.screenshot(path=str(folder / "failed.png"))  # what the page showed, to see why
                    raise
                page.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images")
