"""How the built site is served: an nginx configuration and a `_headers` file.

Both say the same things: send the precompressed `.br`/`.gz` files, cache
hashed assets for a year and pages briefly, add the security headers (a
Content-Security-Policy without 'unsafe-inline', HSTS, nosniff, Referrer-Policy)
and answer missing pages with the site's own 404 page in the reader's language.
`_headers` is written into the output for hosts that read it; the nginx
configuration is rendered by `invoke nginx-config` for the institution's server.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pelican import signals

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                           "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                           "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_PAGES = "public, max-age=300, must-revalidate"
CACHE_OTHER = "public, max-age=86400"
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent), undefined=StrictUndefined,
                        keep_trailing_newline=True, autoescape=False)


def _values(settings: dict) -> dict:
    default = settings["DEFAULT_LANG"]
    return {"headers": SECURITY_HEADERS, "cache_hashed": CACHE_HASHED, "cache_pages": CACHE_PAGES,
            "cache_other": CACHE_OTHER, "theme_dir": settings["THEME_STATIC_DIR"],
            "other_languages": [lang["code"] for lang in settings["LANGUAGES"] if lang["code"] != default]}


def headers_file(settings: dict) -> str:
    """The `_headers` file (Netlify, Cloudflare Pages and similar hosts)."""
    return TEMPLATES.get_template("_headers.j2").render(**_values(settings))


def nginx_config(settings: dict, root: Path, listen: str, server_name: str, tls: bool = True) -> str:
    """An nginx server block serving `root`."""
    return TEMPLATES.get_template("nginx.conf.j2").render(
        **_values(settings), root=str(root), listen=listen, server_name=server_name, tls=tls)


def write_headers(pelican) -> None:
    (Path(pelican.output_path) / "_headers").write_text(headers_file(pelican.settings), encoding="utf-8")


def register() -> None:
    # finalized: the output folder exists; add the hosts' header rules to it.
    signals.finalized.connect(write_headers)
