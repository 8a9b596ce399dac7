"""A tiny fixture site and a staged build, for testing one rule without the whole demo.

`tiny_site(folder)` writes a valid content folder of a few files (identity, menus,
a page, a unit, a news item, an event, a tender with a PDF, a publication, a
project, an investment, an album with a photo, the emblem) that builds in
well under a second without search. `staged_build()` builds it the way
`make build` does: into `<output>.new`, swapped in only when the build succeeded,
so a refused case can be checked to leave the last good site untouched.
`dangerous_bytes()` lists what no published file may ever contain.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican.settings import read_settings
from PIL import Image
from pypdf import PdfWriter

from conftest import ROOT, build, files_of


def compiled_templates_kept() -> dict:
    """The kit's Jinja options, with the theme's templates compiled once and kept in cache/templates/.

    Each build makes new Jinja environments, and compiling the theme's templates is most of a
    tiny site's build. Jinja's bytecode cache keeps the compiled code and compiles a template
    again when its source changes (the cache file holds the source's checksum and Jinja's version)."""
    folder = ROOT / "cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    options = read_settings(str(ROOT / "pelicanconf.py"))["JINJA_ENVIRONMENT"]
    return {**options, "bytecode_cache": FileSystemBytecodeCache(str(folder))}


# Settings for the fixture's builds: no search index, one process, templates compiled once per machine
FAST = {"KIT_SEARCH": False, "KIT_WORKERS": 1, "JINJA_ENVIRONMENT": compiled_templates_kept()}

SITE_YAML = """\
institution:
  name: {sw: Halmashauri ya Majaribio, en: Test Council}
  kind: district
  parent: Ofisi ya Rais
  emblem: images/emblem.svg
  emblem_alt: {sw: Nembo, en: Emblem}
contact:
  postal_address: S.L.P. 1, Majaribio
  po_box: "S.L.P. 1"
  phone: "+255 23 260 0120"
  mobile: "+255 754 000 120"
  email: info@majaribio.go.tz
  office_hours: Jumatatu hadi Ijumaa
copyright_holder: Halmashauri ya Majaribio
languages:
  default: sw
  available:
    - code: sw
      name: Kiswahili
    - code: en
      name: English
website: https://www.majaribio.go.tz
"""
MENUS_YAML = """\
main:
  - label: {sw: Mwanzo, en: Home}
    link: /
  - label: {sw: Kuhusu, en: About}
    link: pages/about
  - label: {sw: Habari, en: News}
    link: news/
"""
FILES = {
    "pages/about.md": "---\ntitle: Kuhusu sisi\n---\nSisi ni halmashauri ya majaribio.\n",
    "pages/about.en.md": "---\ntitle: About us\n---\nWe are a test council.\n",
    "units/planning.md": "---\ntitle: Mipango\nfunctions:\n  - Kupanga\n---\nIdara ya mipango.\n",
    "news/2026-11-01-habari.md": "---\ntitle: Habari ya majaribio\ndate: 2026-11-01\ncategory: Maji\n"
                                 "summary: Muhtasari mfupi\n---\nMaandishi ya habari.\n",
    "events/2026-12-09-sherehe.md": "---\ntitle: Sherehe\nstart: 2026-12-09 09:00\nvenue: Ukumbi\n"
                                    "organiser: Ofisi ya Mkurugenzi\nsummary: Sherehe ya wilaya\n---\nKaribuni.\n",
    "tenders/zabuni.md": "---\ntitle: Zabuni ya ujenzi\ntype: tender\nreference: LGA/1/2026/W/01\n"
                         "closes: 2026-12-20 10:00\nhow_to_apply: Leta ofisini.\ndocuments:\n"
                         "  - title: Tangazo\n    file: files/tenders/tangazo.pdf\n---\nMaelezo.\n",
    "publications/ripoti.md": "---\ntitle: Ripoti ya robo\ntype: report\ndate: 2026-10-01\n"
                              "file: files/publications/ripoti.pdf\n---\nRipoti.\n",
    "projects/maji.md": "---\ntitle: Mradi wa maji\nsector: water\nstate: ongoing\nlocation:\n  ward: Lumbe\n"
                        "funders:\n  - Serikali\nbudget: 1000000\nspent: 500000\ncurrency: TZS\nprogress: 50\n"
                        "---\nMradi.\n",
    "investments/shamba.md": "---\ntitle: Shamba la kilimo\nsector: agriculture\nstate: open\nlocation:\n"
                             "  ward: Lumbe\nsize:\n  amount: 10\n  unit: hectares\ncontact:\n  name: Afisa Mipango\n"
                             "  phone: \"+255 754 000 120\"\n---\nShamba.\n",
    "galleries/picha.md": "---\ntitle: Picha za mradi\ndate: 2026-10-02\nphotos:\n"
                          "  - file: images/picha/tanki.jpg\n    caption: Tanki la maji\n---\nPicha.\n",
}
# Bytes that would let a published file run a script: an event handler in a tag, a javascript:
# address, an SVG foreignObject, or any <script> other than the theme's own (structured data,
# search module). The same words in plain prose ("javascript: mafunzo") are harmless.
# Each pattern comes with a text that all its matches hold (in lower case), so a file
# without that text is not searched.
DANGEROUS = [(b"javascript:", re.compile(rb"""(?:href|src|action|formaction|data)\s*=\s*["']?\s*javascript:"""
                                         rb"""|url\(\s*["']?\s*javascript:""", re.I)),
             (b"<", re.compile(rb"<[A-Za-z][^>]*\son[a-z]+\s*=", re.I)),
             (b"<foreignobject", re.compile(rb"<foreignObject", re.I))]
SCRIPT_TAG = re.compile(rb"<script\b[^>]*>", re.I)
THEME_SCRIPTS = re.compile(rb'<script type="?application/ld\+json"?>|<script type="?module"? src="?/theme/js/[\w.]+\.js"?>')


def jpeg(width: int = 64, height: int = 48) -> bytes:
    """A small JPEG photo."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def pdf(pages: int = 1) -> bytes:
    """A small PDF of blank pages."""
    writer, buffer = PdfWriter(), io.BytesIO()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    writer.write(buffer)
    return buffer.getvalue()


def tiny_site(folder: Path) -> Path:
    """Write the fixture's content folder under `folder` and return it."""
    content = folder / "content"
    for name, text in {"site.yaml": SITE_YAML, "menus.yaml": MENUS_YAML, **FILES}.items():
        write(content / name, text)
    write(content / "images" / "emblem.svg", (ROOT / "content" / "images" / "emblem.svg").read_bytes())
    for name in ("files/tenders/tangazo.pdf", "files/publications/ripoti.pdf"):
        write(content / name, pdf())
    write(content / "images" / "picha" / "tanki.jpg", jpeg())
    return content


def write(path: Path, data: str | bytes) -> Path:
    """Write text (UTF-8) or bytes, making the folders on the way."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@dataclass
class Outcome:
    """What one staged build did: its exit code (0 when it built) and what it printed."""

    code: int
    message: str


def staged_build(content: Path, output: Path, **settings) -> Outcome:
    """Build like `make build`: into `<output>.new`, swapped in only on success."""
    staging = output.with_name(output.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        build(staging, content, **{**FAST, "CACHE_PATH": str(output.parent / "cache"), **settings})
    except SystemExit as stopped:
        shutil.rmtree(staging, ignore_errors=True)
        code = stopped.code if isinstance(stopped.code, int) else 1
        return Outcome(code, str(stopped))
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)
    return Outcome(0, "")


@dataclass
class Case:
    """One careless or hostile input: files to write (or remove: None) over the tiny site."""

    name: str
    files: dict[str, str | bytes | None]
    expected: tuple[str, ...]  # texts the message must contain: the file, then the field or line, then the fix


def apply(content: Path, files: dict[str, str | bytes | None]) -> None:
    """Write or remove the case's files in a content folder."""
    for name, data in files.items():
        if data is None:
            (content / name).unlink()
        else:
            write(content / name, data)


def dangerous_bytes(site: Path) -> list[str]:
    """'path: pattern' for every published file that holds a dangerous byte sequence."""
    found = []
    for path, data in files_of(site).items():
        if path.endswith((".gz", ".br", ".jpg", ".png", ".webp", ".avif", ".pdf", ".wasm", ".pf_meta",
                          ".pf_index", ".pf_fragment", ".pagefind")):
            continue
        lowered = data.lower()
        found += [f"{path}: {pattern.pattern!r}" for needle, pattern in DANGEROUS
                  if needle in lowered and pattern.search(data)]
        found += [f"{path}: {tag!r}" for tag in SCRIPT_TAG.findall(data) if not THEME_SCRIPTS.fullmatch(tag)]
    return found


_GOOD: dict[str, Path] = {}  # the tiny site and its good build, made once per test run


def good_site(folder: Path) -> tuple[Path, Path]:
    """(content, output) of the tiny site after a good build, copied into `folder`."""
    if "template" not in _GOOD:
        template = Path(tempfile.mkdtemp(prefix="kit-tiny-"))
        outcome = staged_build(tiny_site(template), template / "output")
        assert outcome.code == 0, outcome.message
        _GOOD["template"] = template
    template = _GOOD["template"]
    content = Path(shutil.copytree(template / "content", folder / "content", symlinks=True))
    output = Path(shutil.copytree(template / "output", folder / "output"))
    return content, output


def assert_refused(folder: Path, case: Case, **settings) -> str:
    """The case stops the build, names what it must, and leaves the last good site as it was."""
    content, output = good_site(folder)
    before = files_of(output)
    apply(content, case.files)
    outcome = staged_build(content, output, **settings)
    assert outcome.code != 0, f"{case.name}: the build went through"
    for text in case.expected:
        assert text in outcome.message, f"{case.name}: {text!r} not in:\n{outcome.message}"
    assert outcome.message.startswith("The build stopped") and "Traceback" not in outcome.message
    assert files_of(output) == before, f"{case.name}: output/ changed"
    assert dangerous_bytes(output) == [], case.name
    return outcome.message


def assert_neutralised(folder: Path, case: Case, **settings) -> Path:
    """The case builds, and no published file holds a dangerous byte; returns the site."""
    content, output = good_site(folder)
    apply(content, case.files)
    outcome = staged_build(content, output, **settings)
    assert outcome.code == 0, f"{case.name}: {outcome.message}"
    assert dangerous_bytes(output) == [], case.name
    return output
