"""How the built site is served: an nginx configuration and a `_headers` file.

Both say the same things: send the precompressed `.br`/`.gz` files, cache
hashed assets for a year and pages briefly, add the security headers (a
Content-Security-Policy without 'unsafe-inline' that allows the theme's inlined
stylesheet by its hash, HSTS, nosniff, Referrer-Policy)
and answer missing pages with the site's own 404 page in the reader's language.
The browser editor's `/admin/` (kit_admin) gets its own policy in place of the site's.
Calendars go out as `text/calendar` and downloads as `text/csv`, in UTF-8.
`_headers` is written into the output for hosts that read it; the nginx
configuration is rendered by `invoke nginx-config` for the institution's server.

Every value written into these files is checked first (`checked`): a line break,
quote, `;`, brace or `$` in one could add a directive or a header. The values
are the kit's own constants, the stylesheets' hashes, the language codes and the
host name (both checked by kit_identity), and the server's paths given to
`invoke nginx-config`.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from kit_assets import style_sources
from kit_identity import languages_of

POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' {styles}; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
OTHER_SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_PAGES = "public, max-age=300, must-revalidate"
CACHE_OTHER = "public, max-age=86400"
# Served with charset=utf-8: nginx's own list (text/html always is), then the kit's two types.
TYPES = {"ics": "text/calendar", "csv": "text/csv"}
CHARSET_TYPES = ("text/xml", "text/plain", "text/vnd.wap.wml", "application/javascript", "application/rss+xml",
                 *TYPES.values())
NAME = re.compile(r"[A-Za-z0-9_.-]+")  # a language code, a folder, a header name
# Printable ASCII but the double quote, $, backslash and braces, which end or expand an nginx value.
HEADER_VALUE = re.compile(r"[\x20\x21\x23\x25-\x5b\x5d-\x7a\x7c\x7e]+")
STYLE_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")
SERVER_VALUE = re.compile(r"[^\s;{}\"'$\\#]+")  # a path, an address:port, a host name: one nginx word
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent), undefined=StrictUndefined,
                        keep_trailing_newline=True, autoescape=False)


def checked(value: str, form: re.Pattern, what: str) -> str:
    """`value` when all of it has the form a server file allows there; else ValueError."""
    if not form.fullmatch(value):
        raise ValueError(f"{what} {value!r} cannot go into the server files: a line break, space, quote, "
                         "'#', ';', '$', '\\' or a brace could end its line or add a directive or header there")
    return value


def content_security_policy(settings: dict) -> str:
    """Only the site's own files, plus the theme's inlined stylesheets by their hashes."""
    sources = [checked(source, STYLE_SOURCE, "the stylesheet hash") for source in style_sources(settings["THEME"])]
    return POLICY.format(styles=" ".join(sources))


def security_headers(settings: dict) -> dict[str, str]:
    headers = {"Content-Security-Policy": content_security_policy(settings)} | OTHER_SECURITY_HEADERS
    return {checked(name, NAME, "the header name"): checked(value, HEADER_VALUE, f"the {name} header")
            for name, value in headers.items()}


def admin_security_headers(settings: dict) -> dict[str, str]:
    """The headers of /admin/ (kit_admin's policy), none when the site has no browser editor."""
    from kit_admin import admin_headers, editor_of

    return {checked(name, NAME, "the header name"): checked(value, HEADER_VALUE, f"the /admin/ {name} header")
            for name, value in admin_headers(editor_of(settings)).items()}


def _values(settings: dict) -> dict:
    default = settings["DEFAULT_LANG"]
    return {"headers": security_headers(settings), "admin": admin_security_headers(settings),
            "cache_hashed": CACHE_HASHED, "cache_pages": CACHE_PAGES,
            "cache_other": CACHE_OTHER, "theme_dir": checked(settings["THEME_STATIC_DIR"], NAME, "the theme folder"),
            "types": TYPES, "charset_types": CHARSET_TYPES,
            "other_languages": [checked(lang["code"], NAME, "the language code")
                                for lang in settings["LANGUAGES"] if lang["code"] != default]}


def headers_file(settings: dict) -> str:
    """The `_headers` file (Netlify, Cloudflare Pages and similar hosts)."""
    return TEMPLATES.get_template("_headers.j2").render(**_values(settings))


def serving_settings(identity: dict, theme: Path) -> dict:
    """The settings these files need, for callers outside a build (`invoke nginx-config`, bench, tests)."""
    return {"DEFAULT_LANG": identity["languages"]["default"], "LANGUAGES": languages_of(identity),
            "THEME_STATIC_DIR": "theme", "THEME": str(theme), "SITE": identity}


def nginx_config(settings: dict, root: Path, listen: str, server_name: str, tls: bool = True,
                 certificate: tuple[str, str] | None = None) -> str:
    """An nginx server block serving `root`. `tls` sends HSTS; `certificate` (the chain's file
    and the key's) serves HTTPS itself and adds a server that redirects plain HTTP to it."""
    listen = " ".join(checked(word, SERVER_VALUE, "the listen value") for word in listen.split())
    certificate = certificate and (checked(certificate[0], SERVER_VALUE, "the certificate file"),
                                   checked(certificate[1], SERVER_VALUE, "the key file"))
    return TEMPLATES.get_template("nginx.conf.j2").render(
        **_values(settings), root=checked(str(root), SERVER_VALUE, "the root folder"), listen=listen,
        server_name=checked(server_name, SERVER_VALUE, "the server name"), tls=tls, certificate=certificate)


BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main_config(folder: Path, servers: str) -> str:
    """A whole nginx.conf around server blocks, with every path inside `folder`.

    Workers run as root because test and benchmark folders may be private to root."""
    temp = "\n".join(f"{kind}_temp_path {folder}/{kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"load_module {BROTLI_MODULE};\nuser root;\ndaemon off;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log;\nevents {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\n"
            f"access_log off;\n{temp}\n{servers}\n}}\n")


@contextlib.contextmanager
def running_nginx(settings: dict, root: Path, folder: Path) -> Iterator[int]:
    """Debian's nginx serving `root` on a free loopback port with the kit's configuration."""
    port = free_port()
    server = nginx_config(settings, root, f"127.0.0.1:{port}", "localhost", tls=True)
    (folder / "nginx.conf").write_text(main_config(folder, server), encoding="utf-8")
    process = subprocess.Popen(["/usr/sbin/nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)])
    try:
        _wait_for(port)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, tries: int = 200) -> None:
    for _ in range(tries):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not start on port {port}")


def write_headers(pelican) -> None:
    (Path(pelican.output_path) / "_headers").write_text(headers_file(pelican.settings), encoding="utf-8")
