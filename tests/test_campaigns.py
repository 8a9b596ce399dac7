"""Campaigns and topics: a page that gathers every item naming it, checked names, links back."""

from __future__ import annotations

from fixture_site import FILES, apply, staged_build, tiny_site

CAMPAIGN = "---\ntitle: Wiki ya uwekezaji\nstarts: 2026-11-01\nends: 2026-11-07\n---\nWiki ya uwekezaji ya wilaya.\n"
CAMPAIGN_EN = "---\ntitle: Investment week\nstarts: 2026-11-01\nends: 2026-11-07\n---\nThe district's investment week.\n"
NEWS = "news/2026-11-01-habari.md"
EVENT = "events/2026-12-09-sherehe.md"


def with_campaign(tmp_path, news_campaigns: str = "[wiki-ya-uwekezaji]"):
    content = tiny_site(tmp_path)
    apply(content, {
        "campaigns/wiki-ya-uwekezaji.md": CAMPAIGN, "campaigns/wiki-ya-uwekezaji.en.md": CAMPAIGN_EN,
        NEWS: FILES[NEWS].replace("category: Maji\n", f"category: Maji\ncampaigns: {news_campaigns}\n"),
        EVENT: FILES[EVENT].replace("venue: Ukumbi\n", "venue: Ukumbi\ncampaigns: [wiki-ya-uwekezaji]\n"),
    })
    return content, staged_build(content, tmp_path / "output")


def test_a_campaign_page_gathers_the_items_that_name_it_by_type_and_they_link_back(tmp_path):
    _, outcome = with_campaign(tmp_path)
    assert outcome.code == 0, outcome.message
    site = tmp_path / "output"
    page = (site / "campaigns" / "wiki-ya-uwekezaji" / "index.html").read_text(encoding="utf-8")
    news_part, event_part = page.index('id="campaign-news"'), page.index('id="campaign-events"')
    assert news_part < event_part  # grouped by type, in the registry's order
    assert 'href="/news/2026-11-01-habari/"' in page[news_part:event_part]
    assert 'href="/events/2026-12-09-sherehe/"' in page[event_part:]
    assert 'id="campaign-tenders"' not in page  # a type with nothing naming it has no section
    news = (site / "news" / "2026-11-01-habari" / "index.html").read_text(encoding="utf-8")
    assert '<a class="kit-tag" href="/campaigns/wiki-ya-uwekezaji/">Wiki ya uwekezaji</a>' in news
    english = (site / "en" / "campaigns" / "wiki-ya-uwekezaji" / "index.html").read_text(encoding="utf-8")
    assert 'id="campaign-news"' not in english  # the items are Swahili only; English readers see their own
    assert 'href="/en/campaigns/wiki-ya-uwekezaji/"' in (site / "en" / "campaigns" / "index.html").read_text(encoding="utf-8")


def test_a_misspelt_campaign_is_named_with_a_hint(tmp_path):
    _, outcome = with_campaign(tmp_path, news_campaigns="[wiki-ya-uwekezji]")
    assert outcome.code != 0
    assert ("content/news/2026-11-01-habari.md:5: campaigns.0: 'wiki-ya-uwekezji' is not a campaign of this site; "
            "did you mean 'wiki-ya-uwekezaji'?") in outcome.message
