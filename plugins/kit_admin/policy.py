"""The Content-Security-Policy and other headers of `/admin/`, the same in `_headers`, nginx and the page.

The editor needs more than a citizen's page: its inline styles, blob: and data:
images of uploads being previewed, and requests to its git host's API. It needs
nothing else: no CDN (its fonts are local), no frames, no forms posted elsewhere.
The git host's origin comes from site.yaml's `editor:` and is checked to be a plain
https origin before it goes into a header.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ORIGIN = re.compile(r"https://[a-z0-9.-]+(?::[0-9]{1,5})?")
HOSTS = {  # backend -> (API origins, image origins) when site.yaml names no api_root
    "github": (("https://api.github.com",), ("https://avatars.githubusercontent.com",
                                              "https://raw.githubusercontent.com")),
    "gitlab": (("https://gitlab.com",), ("https://gitlab.com", "https://secure.gravatar.com")),
    "gitea": (("https://gitea.com",), ("https://gitea.com",)),
}
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob: {images}; media-src 'self' blob: {images}; font-src 'self'; "
          "connect-src 'self' blob: data: {api}; worker-src 'self' blob:; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")
NOINDEX = "noindex, nofollow"


def origin_of(address: str) -> str:
    """The https origin of an address; ValueError for anything that could not go into a header."""
    parts = urlsplit(address.strip())
    origin = f"{parts.scheme}://{(parts.hostname or '')}{f':{parts.port}' if parts.port else ''}"
    if not ORIGIN.fullmatch(origin):
        raise ValueError(f"'{address}' is not an https address such as https://git.example.go.tz/api/v4")
    return origin


def origins(editor: dict) -> tuple[list[str], list[str]]:
    """(API origins, image origins) the editor talks to."""
    api, images = HOSTS[editor["backend"]]
    if editor.get("api_root"):
        own = origin_of(str(editor["api_root"]))
        return [own], [own, *images[1:]] if editor["backend"] == "gitlab" else [own]
    return list(api), list(images)


def admin_policy(editor: dict, page: bool = False) -> str:
    """The policy; `page` leaves out what a <meta> element cannot carry."""
    api, images = origins(editor)
    policy = POLICY.format(api=" ".join(api), images=" ".join(images))
    return policy if page else policy + "; frame-ancestors 'none'"


def admin_headers(editor: dict | None) -> dict[str, str]:
    """The headers of /admin/ for `_headers` and nginx; none when the site has no editor."""
    if not editor:
        return {}
    return {"Content-Security-Policy": admin_policy(editor), "X-Robots-Tag": NOINDEX,
            "Cache-Control": "no-cache"}
