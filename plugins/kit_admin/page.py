"""The editor's page, `/admin/index.html`: the bundle, the local fonts, the configuration.

It carries its own Content-Security-Policy in a <meta> element (hosts such as GitHub
Pages send no headers), `noindex` for search engines, and nothing of the citizens'
theme; no citizen's page links to it.
"""

from __future__ import annotations

from html import escape

from .policy import NOINDEX, admin_policy

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="{noindex}">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{title}</title>
<link rel="stylesheet" href="fonts.css">
<link rel="cms-config-url" type="application/yaml" href="config.yml">
</head>
<body>
<noscript>The editor needs JavaScript, in a recent Chrome, Edge, Firefox or Safari.</noscript>
<script src="{script}"></script>
</body>
</html>
"""


def admin_page(editor: dict, site_name: str, script: str) -> str:
    """The HTML of /admin/index.html."""
    policy = escape(admin_policy(editor, page=True), quote=False).replace('"', "&quot;")  # no ' entities in it
    return PAGE.format(noindex=NOINDEX, policy=policy,
                       title=escape(f"Editor - {site_name}"), script=escape(script))
