"""Development settings of the kit. The institution's own data is in content/*.yaml.

Nothing here is specific to one institution: names, languages, contacts and
menus come from `content/site.yaml` and `content/menus.yaml` through the
kit_identity plugin. `publishconf.py` imports this file for production.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # kit plugins import one another

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "Africa/Dar_es_Salaam"  # when content/site.yaml names no timezone
DEFAULT_LANG = "sw"  # replaced by content/site.yaml when the build starts

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["kit_build", "kit_images", "kit_uploads"]  # kit_build connects the build's steps in the
# order of plugins/kit_build/steps.py; naming kit_images and kit_uploads turns on photos and the checks of uploads;
# the browser editor's /admin/ is written when content/site.yaml has an `editor:` section
KIT_CHECK_LINKS = True  # every internal link must resolve
KIT_WORKERS = None  # processes that convert Markdown and render pages; None: one per core

# Content folders: the folder gives the kind, the file name the key and language. ARTICLE_PATHS
# and PAGE_PATHS are set when the build starts, from the registry of content types
# (plugins/kit_types) and the sections that content/site.yaml chooses.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
KIT_TYPE_PATHS: list[str] = []  # folders of an institution's own content types, beside the kit's
STATIC_PATHS = ["images", "files"]
IGNORE_FILES = [".*"]  # never read nor publish a hidden file (.htaccess, .DS_Store); Pelican compares names
PATH_METADATA = r"(?P<kind>[^/]+)/(?P<key>[^/.]+)(?:\.(?P<lang>[a-z]{2,3}))?\.(?:md|markdown)$"
FILENAME_METADATA = r"(?!)"  # dates come from front matter; kit_frontmatter checks a date in a file name
ARTICLE_TRANSLATION_ID = "key"
PAGE_TRANSLATION_ID = "key"
DEFAULT_DATE = None
WITH_FUTURE_DATES = False  # an item dated in the future waits, as a draft, until that date
SLUGIFY_USE_UNICODE = True

# Addresses: the default language at the root, the others under /<code>/.
ARTICLE_URL = ARTICLE_LANG_URL = "{prefix}{kind}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{prefix}{kind}/{slug}/index.html"
PAGE_URL = PAGE_LANG_URL = "{prefix}{section}{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{prefix}{section}{slug}/index.html"

# Pelican's own listings, feeds and drafts are replaced by the kit's plugins.
DIRECT_TEMPLATES: list[str] = []
for _kind in ("CATEGORY", "TAG", "AUTHOR", "DRAFT", "DRAFT_LANG", "DRAFT_PAGE", "DRAFT_PAGE_LANG"):
    globals()[f"{_kind}_SAVE_AS"] = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

# Every value is escaped unless a template marks it |safe (only sanitised item bodies).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "auto_reload": False}  # each build makes new environments; no stat per template use
MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.sane_lists"],
    "output_format": "html",
}
KIT_PAGE_SIZE = 10
KIT_SEARCH = True  # Pagefind index, one per language
KIT_MINIFY = False  # readable HTML while editing; publishconf.py minifies
KIT_PRECOMPRESS = False  # publishconf.py writes .gz and .br beside every text file
CACHE_CONTENT = False
CACHE_PATH = os.environ.get("KIT_CACHE_PATH") or "cache"  # derived photos; a publish and CI keep one between builds
DELETE_OUTPUT_DIRECTORY = True
READERS = {"rst": None, "html": None, "htm": None}  # Markdown only
