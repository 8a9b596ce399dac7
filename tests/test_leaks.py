"""Drafts, hidden and future-dated items never leak into listings, feeds or the sitemap.

The tiny fixture site with the three items added, built with its search index."""

import datetime
import gzip

from conftest import build
from fixture_site import FAST, tiny_site

FUTURE = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
ITEMS = {
    "2026-01-10-rasimu-ya-siri.md": ("RASIMU-YA-SIRI", "status: draft\n", "2026-01-10"),
    "2026-01-11-habari-iliyofichwa.md": ("HABARI-ILIYOFICHWA", "status: hidden\n", "2026-01-11"),
    "2099-01-01-habari-ya-baadaye.md": ("HABARI-YA-BAADAYE", "", FUTURE),
}


def test_unpublished_items_appear_nowhere(tmp_path):
    content = tiny_site(tmp_path)
    for name, (title, extra, date) in ITEMS.items():
        (content / "news" / name).write_text(
            f"---\ntitle: {title}\ndate: {date}\ncategory: Maji\n{extra}---\nMaandishi\n", encoding="utf-8")
    site = build(tmp_path / "out", content, CACHE_PATH=str(tmp_path / "cache"), **{**FAST, "KIT_SEARCH": True})
    found = {title: sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()
                           and title.encode() in p.read_bytes())
             for title, _, _ in ITEMS.values()}
    assert found["RASIMU-YA-SIRI"] == []
    assert found["HABARI-YA-BAADAYE"] == []
    assert found["HABARI-ILIYOFICHWA"] == ["news/2026-01-11-habari-iliyofichwa/index.html"], \
        "a hidden item has its own page and nothing links to it"
    assert b"habari-iliyofichwa" not in (site / "sitemap.xml").read_bytes()
    index = b"".join(gzip.decompress(p.read_bytes()) for p in site.glob("**/pagefind/fragment/*"))
    assert b"Habari ya majaribio" in index, "the search index holds published items"
    for title, _, _ in ITEMS.values():
        assert title.encode() not in index, f"{title} is in the search index"
