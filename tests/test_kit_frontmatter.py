"""Front matter: parsing, sanitising, and every problem of a run listed together."""

import pytest

from conftest import build, copy_content
from fixture_site import FAST, tiny_site
from kit_frontmatter import sanitize, split_front_matter
from kit_frontmatter.kit_frontmatter import body_html
from kit_schema import BuildStopped


def test_split_front_matter_returns_body_and_its_line():
    front, body, line = split_front_matter("---\ntitle: A\n---\nBody\n")
    assert front == "title: A\n" and body == "Body\n" and line == 4
    assert split_front_matter("No front matter")[0] is None


@pytest.mark.parametrize("unsafe, kept", [
    ('<p>Hi<script>alert(1)</script></p>', "<p>Hi</p>"),
    ('<p onclick="steal()">Hi</p>', "<p>Hi</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<iframe src="https://evil.example/"></iframe><p>ok</p>', "<p>ok</p>"),
    ('<img src="a.png" alt="A" onerror="x()">', '<img src="a.png" alt="A">'),
])
def test_sanitize_removes_scripts_handlers_and_frames(unsafe, kept):
    assert sanitize(unsafe) == kept


def test_sanitize_keeps_ordinary_markdown_output():
    html = '<h2 id="a">T</h2><ul><li><a href="/about/">x</a></li></ul><table><tbody><tr><td>1</td></tr></tbody></table>'
    assert sanitize(html) == html


@pytest.mark.parametrize(("markdown", "start"), [
    ("۱. یک\n۲. دو\n", ""), ("۳. سه\n۴. چهار\n", ' start="3"'), ("١٢. a\n", ' start="12"'),
    ("1. one\n", ""), ("7. seven\n", ' start="7"'), ('<ol start="۵"><li>x</li></ol>\n', ' start="5"'),
    ('<ol start="x"><li>x</li></ol>\n', ""),
])
def test_a_list_start_is_an_ascii_integer_whatever_digits_the_editor_typed(markdown, start):
    options = {"extensions": ["markdown.extensions.extra", "markdown.extensions.sane_lists"], "output_format": "html"}
    assert f"<ol{start}>" in body_html(markdown, options)


def test_external_links_get_noopener_and_internal_ones_do_not():
    assert sanitize('<a href="https://x.go.tz/">x</a> <a href="/en/">y</a>') == \
        '<a href="https://x.go.tz/" rel="noopener">x</a> <a href="/en/">y</a>'


def test_front_matter_text_is_escaped_in_pages(tmp_path):
    content = tiny_site(tmp_path)
    (content / "news" / "2026-01-06-kichwa.md").write_text(
        '---\ntitle: "<script>alert(1)</script> Kichwa"\ndate: 2026-01-06\ncategory: "<b>Maji</b>"\n'
        'summary: "<img src=x onerror=alert(2)>"\n---\nMaandishi\n', encoding="utf-8")
    site = build(tmp_path / "out", content, CACHE_PATH=str(tmp_path / "cache"), **FAST)
    for page in ("news/2026-01-06-kichwa/index.html", "news/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<b>Maji</b>" not in html and "onerror=alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Kichwa" in html


def test_every_bad_file_is_reported_and_nothing_is_written(tmp_path):
    content = copy_content(tmp_path)
    (content / "news" / "2026-01-01-bad-date.md").write_text(
        "---\ntitle: Habari\ndate: 01/01/2026\ncategory: Maji\n---\nMaandishi\n", encoding="utf-8")
    (content / "news" / "2026-01-02-typo.md").write_text(
        "---\ntitle: Habari\ndate: 2026-01-02\ncategory: Maji\nsumary: fupi\n---\nMaandishi\n", encoding="utf-8")
    (content / "units" / "lands.md").write_text(
        "---\ntitle: Ardhi\nemail: ardhi-at-mlimani\n---\nMaandishi\n", encoding="utf-8")
    (content / "pages" / "no-front-matter.md").write_text("Just text\n", encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    message = str(stopped.value)
    assert "content/news/2026-01-01-bad-date.md:3: date: '01/01/2026' is not right; " \
           "expected a date written YYYY-MM-DD or YYYY-MM-DD HH:MM" in message
    assert "content/news/2026-01-02-typo.md:5: sumary: unknown field; did you mean 'summary'?" in message
    assert "content/units/lands.md:3: email: 'ardhi-at-mlimani' is not right" in message
    assert "content/units/lands.md: functions: is missing" in message
    assert "content/pages/no-front-matter.md:1: the file must start with front matter" in message
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_broken_internal_link_names_its_file(tmp_path):
    content = copy_content(tmp_path)
    (content / "news" / "2026-01-03-link.md").write_text(
        "---\ntitle: Kiungo\ndate: 2026-01-03\ncategory: Maji\n---\n[x]({filename}/pages/hakuna.md)\n",
        encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert "content/news/2026-01-03-link.md:6: the link {filename}/pages/hakuna.md points to a file " \
           "that does not exist; check the folder and file name" in str(stopped.value)
    assert str(stopped.value).count("hakuna.md") == 1, "reported once, with its line"


def test_unsafe_raw_html_stops_the_build_with_its_line(tmp_path):
    content = copy_content(tmp_path)
    (content / "news" / "2026-01-04-script.md").write_text(
        "---\ntitle: Hati\ndate: 2026-01-04\ncategory: Maji\n---\nSalama\n\n<script>alert('x')</script>\n\n"
        '<a href="javascript:alert(1)" onmouseover="x()">kiungo</a>\n', encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    message = str(stopped.value)
    assert "content/news/2026-01-04-script.md:8: '<script' is not allowed in a page: remove it" in message
    assert "content/news/2026-01-04-script.md:10: 'javascript:' is not allowed" in message
    assert "content/news/2026-01-04-script.md:10: 'onmouseover=' is not allowed" in message
