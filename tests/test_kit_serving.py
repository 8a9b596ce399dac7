"""A real nginx (Debian's) serving the production build on a loopback port."""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import itertools
import re
import subprocess
import sys

import brotli
import pytest

from conftest import ROOT
from kit_serving import content_security_policy, free_port, headers_file, main_config, running_nginx, serving_settings
from test_site import IDENTITY

SETTINGS = serving_settings(IDENTITY, ROOT / "theme")
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


def policy_refusals(page) -> list[str]:
    """The console messages, filled in as they come, in which Chromium refuses something by the policy."""
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text)
            if "Content Security Policy" in message.text else None)
    return refusals


def test_chromium_applies_the_inlined_styles_under_the_policy(nginx, browser_on_demo):
    page = browser_on_demo[1].new_page(viewport={"width": 360, "height": 640})
    refusals = policy_refusals(page)
    page.goto(f"http://127.0.0.1:{nginx}/fa/news/")
    skip_link = page.locator(".kit-skip-link").bounding_box()
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    assert skip_link is None or skip_link["y"] < 0, "the skip link is hidden until focused"
    page.close()
    assert refusals == []


def test_search_runs_under_the_policy(nginx, browser_on_demo):
    """Pagefind's script and WebAssembly run in Chromium with the production headers."""
    page = browser_on_demo[1].new_page()
    refusals = policy_refusals(page)
    page.goto(f"http://127.0.0.1:{nginx}/en/search/?q=vaccination")
    page.wait_for_selector(".kit-results__item a", timeout=10000)
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


def header_rules(text: str) -> dict[str, dict[str, str]]:
    """A `_headers` file as {address pattern: {header: value}}."""
    rules: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line[0].isspace():
            pattern = rules.setdefault(line.strip(), {})
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            pattern[name] = value
    return rules


def test_headers_file_for_static_hosts(production_site):
    text = (production_site / "_headers").read_text(encoding="utf-8")
    rules = header_rules(text)
    assert text == headers_file(SETTINGS)
    assert rules["/*"]["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert rules["/theme/*"] == {"Cache-Control": "public, max-age=31536000, immutable"}


def test_no_address_gets_a_header_from_two_rules(production_site):
    """Hosts join the values of a header that two matching rules set (Cloudflare Pages with a
    comma), which would give a hashed file two contradicting Cache-Control values."""
    rules = header_rules((production_site / "_headers").read_text(encoding="utf-8"))
    prefixes = {pattern: pattern.rstrip("*") for pattern in rules}
    clashes = [(first, second, name) for first, second in itertools.combinations(rules, 2)
               if prefixes[first].startswith(prefixes[second]) or prefixes[second].startswith(prefixes[first])
               for name in rules[first].keys() & rules[second].keys()]
    assert len(rules) >= 3 and clashes == []


def test_the_printed_https_server_is_accepted_by_nginx(production_site, tmp_path):
    """`invoke nginx-config` with a certificate prints servers that nginx's own check accepts."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    task = ["nginx-config", "--root", str(production_site), "--listen", f"127.0.0.1:{free_port()} ssl",
            "--certificate", str(cert), "--key", str(key)]
    printed = subprocess.run([sys.executable, "-m", "invoke", *task], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout
    assert f"ssl_certificate {cert};" in printed and "return 301 https://$host$request_uri;" in printed
    (tmp_path / "nginx.conf").write_text(main_config(tmp_path, printed), encoding="utf-8")
    checked = subprocess.run(["/usr/sbin/nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("path, media_type", [("/events/calendar.ics", "text/calendar"),
                                              ("/en/events/calendar.ics", "text/calendar"),
                                              ("/projects/projects.csv", "text/csv"),
                                              ("/fa/investments/investments.csv", "text/csv")])
@pytest.mark.parametrize("encoding", [None, "gzip", "br"])
def test_calendars_and_downloads_are_served_with_their_types_in_utf8(nginx, production_site, path, media_type,
                                                                     encoding):
    status, headers, _ = get(nginx, path, encoding)
    assert status == 200 and headers["content-type"] == f"{media_type}; charset=utf-8"
    assert headers["x-content-type-options"] == "nosniff"


def test_the_headers_file_types_calendars_and_downloads(production_site):
    rules = header_rules((production_site / "_headers").read_text(encoding="utf-8"))
    assert rules["/*.ics"] == {"Content-Type": "text/calendar; charset=utf-8"}
    assert rules["/*.csv"] == {"Content-Type": "text/csv; charset=utf-8"}


@pytest.mark.parametrize("change", [
    {"root": "/var/www/site;\n    location / { return 200; }"}, {"root": "/var/www/$site"},
    {"listen": "443 ssl; include /etc/passwd"}, {"server_name": "www.example.go.tz\nadd_header X y"},
    {"server_name": 'www.example.go.tz"'}, {"certificate": ("/etc/cert.pem}", "/etc/key.pem")},
])
def test_nothing_can_add_a_directive_to_the_nginx_configuration(change):
    from kit_serving import nginx_config

    arguments = {"root": "/var/www/site", "listen": "443 ssl", "server_name": "www.example.go.tz",
                 "certificate": ("/etc/cert.pem", "/etc/key.pem")} | change
    with pytest.raises(ValueError, match="cannot go into the server files"):
        nginx_config(SETTINGS, **arguments)


@pytest.mark.parametrize("change", [{"LANGUAGES": [{"code": "sw"}, {"code": "en/ {\n}"}]},
                                    {"THEME_STATIC_DIR": "theme/*\n  X-Evil: 1"}])
def test_nothing_can_add_a_rule_to_the_headers_file(change):
    with pytest.raises(ValueError, match="cannot go into the server files"):
        headers_file(SETTINGS | change)
