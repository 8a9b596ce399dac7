"""The link check on the written site."""

import pytest

from conftest import build, copy_content
from kit_checks import broken_links, internal_path
from kit_schema import BuildStopped


def test_internal_path_keeps_only_this_site():
    assert internal_path("/en/news/", "") == "/en/news/"
    assert internal_path("https://www.x.go.tz/fa/%D8%A2/", "https://www.x.go.tz") == "/fa/آ/"
    assert internal_path("https://other.example/", "https://www.x.go.tz") is None
    assert internal_path("mailto:a@b.go.tz", "") is None
    assert internal_path("#main", "") is None


def test_broken_links_names_page_and_target(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "index.html").write_text('<a href="/news/">ok</a><img src="/missing.png" alt="">')
    [problem] = broken_links(tmp_path)
    assert str(problem) == "output/news/index.html: links to /missing.png, which is not part of the site"


def test_a_raw_link_to_a_missing_page_stops_the_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "news" / "2026-01-05-kiungo.md").write_text(
        '---\ntitle: Kiungo\ndate: 2026-01-05\ncategory: Maji\n---\n[Ramani](/ramani-ya-kata/)\n', encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert "links to /ramani-ya-kata/, which is not part of the site" in str(stopped.value)
