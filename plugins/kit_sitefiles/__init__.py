"""Feeds, sitemap.xml and robots.txt; see kit_sitefiles.py."""

from .kit_sitefiles import SiteFilesGenerator, feed_path, sitemap_xml, write_text_file

__all__ = ["SiteFilesGenerator", "feed_path", "sitemap_xml", "write_text_file"]
