"""Write the files that machines read: Atom feeds, sitemap.xml, robots.txt.

One Atom feed per kind of news and language (`feeds/news.atom.xml`,
`en/feeds/news.atom.xml`, ...), and one per type that names a `feed` moment
(`feeds/consultations.atom.xml`, dated by their opening), newest first. The sitemap lists every published address with
its language alternates (`xhtml:link rel="alternate" hreflang`). Dates come from
content, never from the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from feedgenerator import Atom1Feed
from jinja2 import pass_context
from pelican.generators import Generator
from kit_i18n import lang_prefix, page_lang, translate, translated_text
from kit_identity import website_problem
from kit_links import listing_refs, title_msgid, versions_by_lang
from kit_listings import listed_items
from kit_types import chosen, types
from kit_typeitems import reference_time

FEED_SIZE = 20


def feed_path(kind: str, lang: str, default_lang: str) -> str:
    return f"{lang_prefix(lang, default_lang)}feeds/{kind}.atom.xml"


def absolute(siteurl: str, url: str) -> str:
    """A full address with non-ASCII characters percent-encoded."""
    return f"{siteurl}/{quote(url, safe='/:#?=&%')}"


class DatedAtomFeed(Atom1Feed):
    """An Atom feed whose date, when it has no item, is the build's reference time, not the clock.

    Overrides feedgenerator's documented `latest_post_date()`, which `write()` calls for
    `<updated>` (feedgenerator 2.2.1, the version Pelican 4.12.0 installs).
    """

    def __init__(self, *args, empty_date: datetime.datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.empty_date = empty_date

    def latest_post_date(self) -> datetime.datetime:
        return super().latest_post_date() if self.items else self.empty_date


def feed_kinds(settings: dict) -> list[str]:
    """The chosen types with an Atom feed: the news-like ones and those that name a `feed` moment."""
    return [name for name, kind in chosen(settings).items() if kind.article or kind.feed]


def feed_items(items: list, kind: str, lang: str, settings: dict) -> list:
    """The items of one feed, newest first: by date for news; for another type by its `feed`
    moment, from when that moment has come (a consultation joins its feed when it opens)."""
    listed = listed_items(items, kind, lang, settings)
    moment = types()[kind].feed
    if not moment:
        return listed
    now = settings.get("KIT_NOW") or reference_time()
    dated = [item for item in listed if getattr(item, moment, None) is not None and getattr(item, moment) <= now]
    return sorted(dated, key=lambda item: (-getattr(item, moment).timestamp(), item.key))


def build_feed(items: list, kind: str, lang: str, settings: dict) -> Atom1Feed:
    """The Atom feed of one kind of items in one language; `items` are in the feed's order."""
    siteurl = settings["SITE_ADDRESS"]
    name = translated_text(settings["SITE"]["institution"]["name"], lang, settings["DEFAULT_LANG"])
    prefix = lang_prefix(lang, settings["DEFAULT_LANG"])
    feed = DatedAtomFeed(title=f"{name}: {translate(lang, title_msgid(kind))}",
                         link=absolute(siteurl, f"{prefix}{kind}/"), description="", language=lang,
                         feed_url=absolute(siteurl, feed_path(kind, lang, settings["DEFAULT_LANG"])),
                         empty_date=settings.get("KIT_NOW") or reference_time())
    moment = types()[kind].feed or "date"
    for item in items[:FEED_SIZE]:
        category = getattr(item, "category", None)
        feed.add_item(title=item.title, link=absolute(siteurl, item.url), description=item.content,
                      unique_id=absolute(siteurl, item.url), pubdate=getattr(item, moment),
                      updateddate=getattr(item, "modified", None), categories=[str(category)] if category else [])
    return feed


def sitemap_entries(items: list, settings: dict) -> list[dict[str, str]]:
    """(address, alternates by language) of every published page."""
    default = settings["DEFAULT_LANG"]
    codes = [lang["code"] for lang in settings["LANGUAGES"]]
    entries = []
    for ref in [""] + [f"{name}/" for name in listing_refs(settings)]:
        versions = {code: lang_prefix(code, default) + ref for code in codes}
        entries += [{"url": url, "alternates": versions} for url in versions.values()]
    for item in items:
        if item.status == "published":
            by_lang = versions_by_lang(item)
            versions = {code: by_lang[code].url for code in codes if code in by_lang}
            entries.append({"url": item.url, "alternates": versions})
    return sorted(entries, key=lambda entry: entry["url"])


def sitemap_xml(entries: list[dict], siteurl: str, default_lang: str) -> str:
    """A sitemap with xhtml:link alternates (and x-default) for each address."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in entries:
        lines.append(f"<url><loc>{escape(absolute(siteurl, entry['url']))}</loc>")
        alternates = entry["alternates"]
        if len(alternates) > 1:
            default = alternates.get(default_lang) or next(iter(alternates.values()))
            for code, url in list(alternates.items()) + [("x-default", default)]:
                lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" '
                             f'href={quoteattr(absolute(siteurl, url))}/>')
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    """robots.txt naming the sitemap. `siteurl` is '' (a development build) or the website that
    kit_identity checked; anything else could add a line, so it stops here (ValueError)."""
    reason = website_problem(siteurl) if siteurl else None
    if reason:
        raise ValueError(f"robots.txt: the site address {reason}")
    return f"User-agent: *\nAllow: /\nSitemap: {siteurl}/sitemap.xml\n"


class SiteFilesGenerator(Generator):
    """Writes feeds, sitemap.xml and robots.txt into the output folder."""

    def generate_output(self, writer) -> None:
        settings, items = self.settings, self.context.get("KIT_ITEMS", [])
        output = Path(self.output_path)
        for lang in settings["LANGUAGES"]:
            for kind in feed_kinds(settings):
                feed = build_feed(feed_items(items, kind, lang["code"], settings), kind, lang["code"], settings)
                write_text_file(output / feed_path(kind, lang["code"], settings["DEFAULT_LANG"]),
                            feed.writeString("utf-8"))
        entries = sitemap_entries(items, settings)
        write_text_file(output / "sitemap.xml", sitemap_xml(entries, settings["SITE_ADDRESS"], settings["DEFAULT_LANG"]))
        write_text_file(output / "robots.txt", robots_txt(settings["SITE_ADDRESS"]))


def write_text_file(path: Path, text: str) -> None:
    """Write UTF-8 text, creating the folders it needs (feeds, calendars, downloads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pass_context
def feed_url(context, kind: str) -> str:
    """`{{ feed_url('news') }}`: the feed of a kind in the page's language."""
    return feed_path(kind, page_lang(context), context["DEFAULT_LANG"])


def install(generator) -> None:
    generator.env.globals["feed_url"] = feed_url


def get_generators(pelican) -> type[Generator]:
    return SiteFilesGenerator
