"""Production settings: absolute addresses and the content cache."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pelicanconf import *  # noqa: E402,F403

KIT_PRODUCTION = True  # feeds, sitemap and hreflang use the `website` of content/site.yaml
RELATIVE_URLS = False
KIT_MINIFY = True
KIT_PRECOMPRESS = True
DELETE_OUTPUT_DIRECTORY = True
