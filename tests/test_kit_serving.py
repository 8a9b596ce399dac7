"""A real nginx (Debian's) serving the production build on a loopback port."""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re

import brotli
import pytest

from conftest import ROOT
from kit_serving import content_security_policy, headers_file, running_nginx
from test_site import IDENTITY

SETTINGS = {"DEFAULT_LANG": IDENTITY["languages"]["default"], "THEME_STATIC_DIR": "theme",
            "LANGUAGES": IDENTITY["languages"]["available"], "THEME": str(ROOT / "theme")}
CONTENT_SECURITY_POLICY = content_security_policy(SETTINGS)
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@pytest.fixture(scope="module")
def nginx(production_site, tmp_path_factory):
    """A real nginx with the kit's server block on a loopback port; yields the port."""
    with running_nginx(SETTINGS, production_site, tmp_path_factory.mktemp("nginx")) as port:
        yield port


def get(port: int, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_brotli_and_gzip_files_are_served_as_written(nginx, production_site):
    status, headers, body = get(nginx, "/en/", "br")
    assert status == 200 and headers["content-encoding"] == "br"
    assert body == (production_site / "en" / "index.html.br").read_bytes()
    assert brotli.decompress(body) == (production_site / "en" / "index.html").read_bytes()
    status, headers, body = get(nginx, "/en/", "gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body).startswith(b"<!doctype html>")
    status, headers, body = get(nginx, "/en/")
    assert "content-encoding" not in headers and body.startswith(b"<!doctype html>")


def test_security_headers_on_pages_and_assets(nginx, production_site):
    css = next((production_site / "theme" / "css").glob("kit.*.css")).name
    for path in ("/", "/fa/news/", f"/theme/css/{css}", "/sitemap.xml"):
        headers = get(nginx, path, "br")[1]
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["strict-transport-security"].startswith("max-age=")
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_every_inline_style_is_allowed_by_its_hash_and_nothing_else_is(production_site):
    allowed = re.search(r"style-src ([^;]+)", CONTENT_SECURITY_POLICY).group(1).split()
    assert allowed[0] == "'self'" and all(source.startswith("'sha256-") for source in allowed[1:])
    used = set()
    for page in production_site.rglob("*.html"):
        for text in INLINE_STYLE.findall(page.read_text(encoding="utf-8")):
            used.add(f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'")
    assert used and used <= set(allowed[1:])


def test_chromium_applies_the_inlined_styles_under_the_policy(nginx, browser_on_demo):
    browser = browser_on_demo[1]
    page = browser.new_page(viewport={"width": 360, "height": 640})
    refusals = []
    page.on("console", lambda message: refusals.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"http://127.0.0.1:{nginx}/fa/news/")
    skip_link = page.locator(".kit-skip-link").bounding_box()
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    assert skip_link is None or skip_link["y"] < 0, "the skip link is hidden until focused"
    page.close()
    assert refusals == []


def test_hashed_assets_are_cached_for_a_year_and_pages_briefly(nginx, production_site):
    css = next((production_site / "theme" / "css").glob("kit.*.css")).name
    assert get(nginx, f"/theme/css/{css}", "br")[1]["cache-control"] == "public, max-age=31536000, immutable"
    assert get(nginx, "/news/", "br")[1]["cache-control"] == "public, max-age=300, must-revalidate"


@pytest.mark.parametrize("path, lang", [("/hakuna-ukurasa/", "sw"), ("/en/no-such-page/", "en"),
                                        ("/fa/news/نیست/", "fa")])
def test_missing_pages_get_the_sites_own_404_in_their_language(nginx, path, lang):
    from urllib.parse import quote

    status, _, body = get(nginx, quote(path))
    assert status == 404
    assert body.startswith(b"<!doctype html>") and f"lang={lang}".encode() in body[:80]


def test_headers_file_for_static_hosts(production_site):
    text = (production_site / "_headers").read_text(encoding="utf-8")
    assert text == headers_file(SETTINGS)
    assert f"  Content-Security-Policy: {CONTENT_SECURITY_POLICY}" in text
    assert "/theme/*\n  Cache-Control: public, max-age=31536000, immutable" in text
