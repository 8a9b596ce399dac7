"""Give the theme's static files content-hashed names, so they can be cached for a year.

Templates ask for `{{ asset('css/kit.css') }}` and get `theme/css/kit.1a2b3c4d.css`.
Stylesheets are minified first; the hash is of the bytes that are served. When
Pelican has copied `theme/static/` into the output, each file is replaced by its
hashed name, so no unhashed copy is left to be cached by mistake.

A stylesheet small enough to travel with the page is inlined instead:
`<style>{{ inline_css('css/kit.css') }}</style>` puts its minified text in the
page, so the first render needs no second request. `style_sources()` gives the
Content-Security-Policy hashes that allow exactly those texts.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import minify_html
from jinja2 import pass_context
from markupsafe import Markup
from kit_types.registry import type_styles

HASH_LENGTH = 10
STYLESHEET = "css/kit.css"  # the theme's one stylesheet; each content type's style.css follows its rules
MINIFIERS = {".css": lambda text: minify_css(text)}


def minify_css(text: str) -> str:
    """A stylesheet without comments and needless spaces."""
    wrapped = minify_html.minify(f"<style>{text}</style>", minify_css=True)
    return wrapped.removeprefix("<style>").removesuffix("</style>")


def served_bytes(path: Path, extra: str = "") -> bytes:
    """The bytes served for a theme file: a stylesheet with `extra` rules after its own, minified."""
    minify = MINIFIERS.get(path.suffix)
    return minify(path.read_text(encoding="utf-8") + extra).encode("utf-8") if minify else path.read_bytes()


def hashed_name(relative: str, data: bytes) -> str:
    """`css/kit.css` + bytes -> `css/kit.<hash>.css`."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    stem, dot, suffix = relative.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{relative}.{digest}"


def theme_assets(settings: dict) -> dict[str, tuple[str, bytes]]:
    """Each theme static file: relative name -> (hashed name, served bytes)."""
    static = Path(settings["THEME"]) / "static"
    assets = {}
    for path in sorted(p for p in static.rglob("*") if p.is_file()):
        relative = path.relative_to(static).as_posix()
        data = served_bytes(path, type_styles() if relative == STYLESHEET else "")
        assets[relative] = (hashed_name(relative, data), data)
    return assets


@pass_context
def asset(context, relative: str) -> str:
    """`{{ asset('css/kit.css') }}`: the site path of a theme file under its hashed name."""
    hashed = context["KIT_ASSETS"][relative][0]
    return f"{context['THEME_STATIC_DIR']}/{hashed}"


@pass_context
def inline_css(context, relative: str) -> Markup:
    """`{{ inline_css('css/kit.css') }}`: the minified text of a theme stylesheet, for a `<style>`."""
    return Markup(context["KIT_ASSETS"][relative][1].decode("utf-8"))


def style_sources(theme: str | Path) -> list[str]:
    """The CSP sources (`'sha256-…'`) of every theme stylesheet's inlined text."""
    digests = (hashlib.sha256(data).digest() for relative, (_, data) in
               theme_assets({"THEME": str(theme)}).items() if relative.endswith(".css"))
    return [f"'sha256-{base64.b64encode(digest).decode('ascii')}'" for digest in digests]


def prepare(pelican) -> None:
    pelican.settings["KIT_ASSETS"] = theme_assets(pelican.settings)


def install(generator) -> None:
    generator.env.globals["asset"] = asset
    generator.env.globals["inline_css"] = inline_css


def rename_copies(pelican) -> None:
    """Replace Pelican's plain copies of the theme files with the hashed ones."""
    folder = Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"]
    for relative, (hashed, data) in pelican.settings["KIT_ASSETS"].items():
        (folder / relative).unlink(missing_ok=True)
        (folder / hashed).parent.mkdir(parents=True, exist_ok=True)
        (folder / hashed).write_bytes(data)
