"""The browser editor end to end: the real Sveltia CMS bundle in real Chromium writes files the kit accepts.

The tiny fixture site, with Persian added and `editor:` in its site.yaml, is built with
the kit (so `/admin/` is the kit's own output: page, configuration, bundle, fonts) and
served on 127.0.0.1 by nginx with the kit's configuration (the /admin/ policy in its
headers). The editor works on a local copy of the repository through its
"Work with Local Repository" sign-in, which calls the browser's File System Access API
(`window.showDirectoryPicker()`) and then reads and writes through the directory handle
it gets. Playwright cannot choose a folder in the browser's own folder picker, so an
init script makes `showDirectoryPicker()` return a real directory handle of the page's
origin-private file system (OPFS, `navigator.storage.getDirectory()`), which the test
first fills with the repository's files (and an empty `.git` folder, which the editor
asks for). That picker is the only thing replaced: the CMS is the unmodified bundle
from node_modules, its forms, validation, media upload and saving are its own, and the
files it saves are read back out of the OPFS onto disk and built by the kit.

Every request outside 127.0.0.1 is aborted and recorded: the page's Content-Security-
Policy blocks the CDN fonts and the update check before they reach the network, so the
record must stay empty.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT, build
from kit_identity import load_identity
from kit_serving.kit_serving import running_nginx, serving_settings
from fixture_site import FAST, jpeg, staged_build, tiny_site, write

PERSIAN = "    - code: fa\n      name: فارسی\n"
EDITOR = "editor:\n  backend: github\n  repo: majaribio/tovuti\n  branch: main\n"
PERSIAN_ITEM = "---\ntitle: خبر آزمایشی\ncategory: آب\n---\nمتن خبر.\n"
USE_PICKER = "window.showDirectoryPicker = async () => navigator.storage.getDirectory();"
FILL = """async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
    await writable.close();
  }
}"""
READ_BACK = """async () => {
  const found = {};
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries()) {
      if (name === '.git') continue;
      if (handle.kind === 'directory') { await walk(handle, prefix + name + '/'); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      found[prefix + name] = btoa(text);
    }
  };
  await walk(await navigator.storage.getDirectory(), '');
  return found;
}"""


def repository(folder: Path) -> Path:
    """The tiny site in Swahili, English and Persian, with a Persian item and the editor turned on."""
    content = tiny_site(folder)
    identity = (content / "site.yaml").read_text(encoding="utf-8")
    identity = identity.replace("      name: English\n", "      name: English\n" + PERSIAN)
    write(content / "site.yaml", identity + EDITOR)
    write(content / "news" / "2026-11-01-habari.fa.md", PERSIAN_ITEM)
    return content


@pytest.fixture()
def served(tmp_path) -> Iterator[tuple[Path, str]]:
    """(the repository's content folder, the address of its built site's /admin/), served by nginx."""
    content = repository(tmp_path / "repo")
    site = build(tmp_path / "out", content, CACHE_PATH=str(tmp_path / "cache"), **FAST)
    assert (site / "admin" / "index.html").is_file(), "the build wrote no /admin/ (is `npm ci` done?)"
    settings = serving_settings(load_identity(content)[0], ROOT / "theme")
    (tmp_path / "nginx").mkdir()
    with running_nginx(settings, site, tmp_path / "nginx") as port:
        yield content, f"http://127.0.0.1:{port}/admin/"


@pytest.fixture()
def editor(served, browser) -> Iterator[tuple[Page, Path, list[str]]]:
    """The editor signed in to the local copy of the repository: (page, content folder, outside requests).

    It uses the test process's one Chromium (conftest's `browser`: Playwright's sync API allows one at
    a time), in a context of its own, so its browser storage starts empty."""
    content, address = served
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"),
                   lambda route: (outside.append(route.request.url), route.abort()))
        page.add_init_script(USE_PICKER)
        policy = page.goto(address).headers["content-security-policy"]
        assert "connect-src 'self' blob: data: https://api.github.com;" in policy, "nginx sends /admin/'s own policy"
        files = {path.relative_to(content.parent).as_posix(): base64.b64encode(path.read_bytes()).decode()
                 for path in content.rglob("*") if path.is_file()}
        page.evaluate(FILL, files)
        page.get_by_role("button", name="Work with Local Repository").click()
        yield page, content, outside
    finally:
        context.close()


def read_back(page: Page, content: Path) -> list[str]:
    """Write the files of the editor's copy onto disk; the paths that changed or are new."""
    changed = []
    for path, data in page.evaluate(READ_BACK).items():
        target, data = content.parent / path, base64.b64decode(data)
        if not target.is_file() or target.read_bytes() != data:
            changed.append(path)
            write(target, data)
    return sorted(changed)


def locale(page: Page, name: str):
    """The left pane of the entry editor, switched to the language `name`."""
    pane = page.get_by_role("group", name=re.compile(r"^Edit .* Content$")).first  # the left pane
    pane.get_by_role("radio", name=name).click()
    return page.get_by_role("group", name=f"Edit \u2068{name}\u2069 Content")


def write_news(page: Page, language: str, title: str, category: str, body: str, date: str = ""):
    """Fill the news form's side of `language` (its date too when given); return that side."""
    pane = locale(page, language)
    pane.get_by_role("textbox", name="Title").fill(title)
    if date:
        pane.get_by_role("textbox", name="Date").fill(date)
    pane.get_by_role("textbox", name="Category").fill(category)
    pane.get_by_role("textbox", name="Body").click()
    page.keyboard.type(body)
    return pane


def add_photo(page: Page, language: str, photo: Path | None, alt: str) -> None:
    """Insert a photo into the body: uploaded when `photo` is given, else the one uploaded before."""
    pane = page.get_by_role("group", name=f"Edit \u2068{language}\u2069 Content")
    pane.get_by_role("button", name="Image").click()
    pane.get_by_role("button", name="Browse").click()
    dialog = page.get_by_role("dialog", name="Select Image")
    if photo:
        with page.expect_file_chooser() as chooser:
            dialog.get_by_role("button", name="Upload").click()
        chooser.value.set_files(str(photo))
    else:
        dialog.get_by_role("option", name="maji.jpg").click()
    dialog.get_by_role("button", name="Insert").click()
    expect(pane.get_by_role("button", name="Replace Image")).to_be_visible()
    pane.get_by_role("textbox", name="Alt Text").fill(alt)
    preview = page.get_by_role("group", name=f"Preview \u2068{language}\u2069 Content")
    expect(preview.locator(f'img[alt="{alt}"]')).to_be_attached()  # the editor has taken the alt text in
    pane.get_by_role("button", name="Edit in Markdown").click()  # the body as Markdown, with the photo in it
    expect(pane.get_by_role("textbox", name="Body")).to_have_value(re.compile(re.escape(f"![{alt}](")))
    pane.get_by_role("button", name="Edit in Markdown").click()  # back to the rich text editor


def save(page: Page) -> None:
    page.get_by_role("toolbar", name="Primary").get_by_role("button", name="Save").click()
    page.get_by_role("status").filter(has_text=re.compile("saved", re.I)).first.wait_for()


def page_with(site: Path, folder: str, title: str) -> str:
    """The HTML of the one item page under site/folder/ whose heading is `title`."""
    found = [path.read_text(encoding="utf-8") for path in (site / folder).glob("*/index.html")
             if f">{title}</h1>" in path.read_text(encoding="utf-8")]
    assert len(found) == 1, f"{len(found)} pages of {folder}/ are headed {title!r}"
    return found[0]


def open_collection(page: Page, name: str) -> None:
    page.get_by_text(name, exact=True).first.click()


def test_editor_writes_what_the_kit_publishes(editor, tmp_path):
    page, content, outside = editor
    photo = write(tmp_path / "maji.jpg", jpeg(1200, 800))
    open_collection(page, "News")
    page.get_by_role("button", name="New").click()
    write_news(page, "Swahili", "Maji safi yafika Lumbe", "Maji", "Wakazi wa Lumbe wamepata maji safi.",
               date="2026-11-20T10:00")
    add_photo(page, "Swahili", photo, "Bomba jipya la maji Lumbe")
    write_news(page, "English", "Clean water reaches Lumbe", "Water", "Lumbe residents now have clean water.")
    add_photo(page, "English", None, "The new water tap in Lumbe")
    persian = locale(page, "Persian")
    persian.get_by_role("button", name="Show \u2068Persian\u2069 Content Options").click()
    page.get_by_role("menuitem", name="Disable \u2068Persian\u2069").click()
    save(page)

    open_collection(page, "News")
    page.get_by_text("Habari ya majaribio", exact=True).first.click()
    persian = locale(page, "Persian")
    title = persian.get_by_role("textbox", name="Title")
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl", "Persian fields are right to left"
    assert title.input_value() == "خبر آزمایشی"
    title.fill("خبر آزمایشی ویرایش‌شده")
    save(page)

    changed = read_back(page, content)
    assert changed == ["content/images/maji.jpg", "content/news/2026-11-01-habari.fa.md",
                       "content/news/2026-11-01-habari.md", "content/news/2026-11-20-maji-safi-yafika-lumbe.en.md",
                       "content/news/2026-11-20-maji-safi-yafika-lumbe.md"], changed
    assert outside == [], f"the editor reached outside 127.0.0.1: {outside}"
    site = build(tmp_path / "site", content, CACHE_PATH=str(tmp_path / "cache"), **FAST)
    swahili_page = page_with(site, "news", "Maji safi yafika Lumbe")
    english_page = page_with(site / "en", "news", "Clean water reaches Lumbe")
    for html, alt in ((swahili_page, "Bomba jipya la maji Lumbe"), (english_page, "The new water tap in Lumbe")):
        assert f'alt="{alt}"' in html
        assert re.search(r'srcset="[^"]*images/maji-320\.\w+\.webp 320w, [^"]*images/maji-480\.\w+\.webp 480w', html), \
            "the photo is published in its responsive sizes"
    assert page_with(site / "fa", "news", "خبر آزمایشی ویرایش‌شده")


def test_the_editor_refuses_first_what_the_kit_would_refuse(editor, tmp_path):
    page, content, _ = editor
    open_collection(page, "News")
    page.get_by_role("button", name="New").click()
    swahili = locale(page, "Swahili")
    swahili.get_by_role("textbox", name="Title").fill("Habari bila kundi")
    swahili.get_by_role("textbox", name="Date").fill("2026-11-21T09:00")
    page.get_by_role("toolbar", name="Primary").get_by_role("button", name="Save").click()
    category = swahili.get_by_role("group", name="\u201c\u2068Category\u2069\u201d Field")
    expect(category.get_by_role("alert")).to_contain_text("This field is required.")
    expect(page.get_by_role("alert").filter(has_text="Please correct them to save the entry")).to_be_visible()
    assert read_back(page, content) == [], "nothing was saved"

    write(content / "news" / "2026-11-21-habari-bila-kundi.md",
          "---\ntitle: Habari bila kundi\ndate: 2026-11-21 09:00\n---\nMaandishi.\n")
    outcome = staged_build(content, tmp_path / "site")
    assert outcome.code != 0
    assert "content/news/2026-11-21-habari-bila-kundi.md: category: is missing" in outcome.message
