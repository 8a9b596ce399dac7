"""Uploaded files: only documents and images of known, harmless kinds are ever published.

Pelican copies every file under `content/images/` and `content/files/` (and any other
file a page links with `{static}`) to the site as it is. Once Pelican has listed them,
and before anything is copied, each one is recognised by its content, never by its
name, and must be on this allowlist (`DOCUMENTS` and `IMAGES` below):

Documents
  - PDF (.pdf): starts with `%PDF-`.
  - OpenDocument text, spreadsheet, presentation (.odt, .ods, .odp): a zip whose
    `mimetype` entry names that kind, without Basic or script macros.
  - Word, Excel, PowerPoint (.docx, .xlsx, .pptx): a zip with `[Content_Types].xml`
    and the kind's main part (`word/document.xml`, `xl/workbook.xml`,
    `ppt/presentation.xml`), without macros (`vbaProject.bin`).
  - Word, Excel, PowerPoint 97-2003 (.doc, .xls, .ppt): an OLE2 file holding the kind's
    stream (`WordDocument`, `Workbook` or `Book`, `PowerPoint Document`), without macros.
  - Plain text and CSV (.txt, .csv): UTF-8 without NUL bytes that does not look like
    HTML, SVG or a script (no `<script`, `<html`, `<!doctype html`, `<svg`, `<iframe`,
    `<body`, `<object`, `<embed`, `<?php`, nor `#!` at the start).
Images
  - JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp), GIF (.gif), AVIF (.avif): by their
    signatures, and within kit_images' bounds (`KIT_IMAGE_MAX_SOURCE_BYTES`,
    `KIT_IMAGE_MAX_PIXELS`), checked from the header before anything is decoded.
  - SVG (.svg): only the safe subset described below.

Everything else stops the build, naming the file, what it really is and what to do:
HTML and other XML, scripts, programs (ELF, Windows MZ, Mach-O, WebAssembly), a zip that
is not an Office or OpenDocument file (a zip may carry anything: publish its documents
one by one), Office files with macros, an iPhone HEIC photo, text not in UTF-8, and
anything not recognised. So are a file whose extension names another kind than its
content (a `.pdf` that is really an HTML page, a PNG named `.jpg`), and a polyglot: a
PDF, image or Office file holding HTML in the first bytes a browser sniffs
(`SNIFF_WINDOW`) or a zip archive at its end. Every file is at most
`KIT_UPLOAD_MAX_BYTES` (100 MB, the largest file GitHub accepts).

SVG drawings are checked by `svg.py`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kit_images import UNREADABLE, UnreadableImage, oversize, size_text
from kit_schema import Problem, display_path
from kit_build.problems import report
from .documents import pdf_problem, text_problem
from .svg import svg_problem

PLUGIN = "kit_uploads"
MAX_UPLOAD_BYTES = 100_000_000  # default of KIT_UPLOAD_MAX_BYTES: GitHub refuses larger files
TEXT_SAMPLE = 65_536  # bytes looked at to tell text in another encoding from binary data
SNIFF_WINDOW = 1445  # the bytes a browser reads to guess a file's kind (WHATWG MIME Sniffing)


@dataclass(frozen=True)
class Kind:
    """A kind of file that may be published: its name for editors (with "a" or "an") and its extensions."""

    label: str
    extensions: tuple[str, ...]


DOCUMENTS = {
    "pdf": Kind("a PDF document", (".pdf",)),
    "odt": Kind("an OpenDocument text", (".odt",)),
    "ods": Kind("an OpenDocument spreadsheet", (".ods",)),
    "odp": Kind("an OpenDocument presentation", (".odp",)),
    "docx": Kind("a Word document", (".docx",)),
    "xlsx": Kind("an Excel workbook", (".xlsx",)),
    "pptx": Kind("a PowerPoint presentation", (".pptx",)),
    "doc": Kind("a Word 97-2003 document", (".doc",)),
    "xls": Kind("an Excel 97-2003 workbook", (".xls",)),
    "ppt": Kind("a PowerPoint 97-2003 presentation", (".ppt",)),
    "text": Kind("plain text or CSV in UTF-8", (".txt", ".csv")),
}
IMAGES = {
    "jpeg": Kind("a JPEG image", (".jpg", ".jpeg")),
    "png": Kind("a PNG image", (".png",)),
    "webp": Kind("a WebP image", (".webp",)),
    "gif": Kind("a GIF image", (".gif",)),
    "avif": Kind("an AVIF image", (".avif",)),
    "svg": Kind("an SVG drawing", (".svg",)),
}
ALLOWED = DOCUMENTS | IMAGES
ALLOWED_SUMMARY = ("only documents (PDF, Word, Excel, PowerPoint, OpenDocument, plain text, CSV) and images "
                   "(JPEG, PNG, WebP, GIF, AVIF, SVG) may be published")
RASTER_KINDS = ("jpeg", "png", "webp", "gif", "avif")  # bounded by kit_images before decoding
RASTER_EXTENSIONS = {extension for kind in RASTER_KINDS for extension in IMAGES[kind].extensions}
REMOVE = "remove the file"
REFUSED = {  # kinds never published: (what the file really is, what to do)
    "html": ("this file is really an HTML page", "put its text on a page (a Markdown file) or export it as PDF"),
    "xml": ("this file is really an XML file", "export it as PDF or CSV, or " + REMOVE),
    "script": ("this file is really a script (a program)", REMOVE),
    "elf": ("this file is really a Linux program", REMOVE),
    "pe": ("this file is really a Windows program", REMOVE),
    "macho": ("this file is really a macOS program", REMOVE),
    "wasm": ("this file is really a WebAssembly program", REMOVE),
    "zip": ("this file is really a zip archive, which may carry anything",
            "publish each document in it on its own (PDF, Word, Excel, ...)"),
    "macro": ("this file is an Office document with macros (programs)",
              "save it without macros (as .docx, .xlsx, .pptx or PDF)"),
    "heic": ("this file is really a HEIC photo, which most browsers cannot show", "export it as JPEG"),
    "encoded": ("this file is text that is not in UTF-8", "save it again as UTF-8 (in Excel: CSV UTF-8)"),
    "polyglot-html": ("this file also holds an HTML page in its first bytes (a file made to be read two ways)",
                      "export it again from the program that made it"),
    "polyglot-zip": ("this file also holds a zip archive at its end (a file made to be read two ways)",
                     "export it again from the program that made it"),
    "empty": ("this file is empty", "export it again, or " + REMOVE),
    "unknown": ("this file is of a kind the kit does not recognise", "export it as PDF, or " + REMOVE),
}

SIGNATURES = (  # (first bytes, kind); zips, OLE2 files and text are looked into further
    (b"%PDF-", "pdf"), (b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"GIF87a", "gif"),
    (b"GIF89a", "gif"), (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"), (b"\x7fELF", "elf"), (b"MZ", "pe"),
    (b"\xfe\xed\xfa\xce", "macho"), (b"\xfe\xed\xfa\xcf", "macho"), (b"\xce\xfa\xed\xfe", "macho"),
    (b"\xcf\xfa\xed\xfe", "macho"), (b"\xca\xfe\xba\xbe", "macho"), (b"\x00asm", "wasm"), (b"#!", "script"),
)
AVIF_BRANDS = (b"avif", b"avis")
HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")
ODF_TYPES = {"application/vnd.oasis.opendocument.text": "odt",
             "application/vnd.oasis.opendocument.spreadsheet": "ods",
             "application/vnd.oasis.opendocument.presentation": "odp"}
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OLE_STREAMS = (("PowerPoint Document", "ppt"), ("WordDocument", "doc"), ("Workbook", "xls"), ("Book", "xls"))
MARKUP = re.compile(rb"<(?:script|html|svg|iframe|body|object|embed)\b|<!doctype\s+html|<\?php", re.IGNORECASE)
SVG_ROOT = re.compile(r"\A(?:\s|<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*<svg\b", re.DOTALL)


# Recognising a file by its content

def detect(data: bytes) -> str:
    """The kind of a file from its bytes: a key of ALLOWED or of REFUSED."""
    if not data:
        return "empty"
    kind = next((kind for magic, kind in SIGNATURES if data.startswith(magic)), None)
    if kind is None:
        kind = media_kind(data) or text_kind(data)
    elif kind == "zip":
        kind = container_kind(data)
    elif kind == "ole2":
        kind = ole2_kind(data)
    return polyglot_kind(data, kind) or kind


def media_kind(data: bytes) -> str | None:
    """WebP (RIFF) and the ISO media files (AVIF, HEIC), whose signature is not at the very start."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        return "avif" if brand in AVIF_BRANDS else "heic" if brand in HEIC_BRANDS else "unknown"
    return None


def container_kind(data: bytes) -> str:
    """An OpenDocument or Office file by the entries of its zip; "zip" for any other archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.open("mimetype").read(100).decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, ValueError, EOFError):
        return "unknown"
    if any(name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/")) for name in names):
        return "macro"
    if mimetype:
        return ODF_TYPES.get(mimetype.strip(), "zip")
    if "[Content_Types].xml" in names:
        return next((kind for part, kind in OOXML_PARTS.items() if part in names), "zip")
    return "zip"


def ole2_kind(data: bytes) -> str:
    """A Word, Excel or PowerPoint 97-2003 file by the streams its directory names (in UTF-16)."""
    if "_VBA_PROJECT".encode("utf-16-le") in data:
        return "macro"
    return next((kind for stream, kind in OLE_STREAMS if stream.encode("utf-16-le") in data), "unknown")


def text_kind(data: bytes) -> str:
    """Text, an SVG drawing, HTML or other markup; "encoded" for text in another encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "encoded"  # UTF-16, as Excel's "Unicode text"
    if b"\x00" in data:
        return "unknown"
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return "encoded" if looks_like_text(data) else "unknown"
    if text.lstrip().startswith("<"):
        return "svg" if SVG_ROOT.match(text) else "html" if MARKUP.search(data) else "xml"
    return "html" if MARKUP.search(data) else "text"


def looks_like_text(data: bytes) -> bool:
    """Mostly printable in a one-byte encoding (Windows-1252, Latin-1): text saved in the wrong encoding."""
    sample = data[:TEXT_SAMPLE]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\r\n\f")
    return controls <= len(sample) // 100


def polyglot_kind(data: bytes, kind: str) -> str | None:
    """A binary document or image that is also HTML to a browser's sniffing, or also a zip archive."""
    if kind not in ALLOWED or kind in ("text", "svg"):
        return None
    if MARKUP.search(data[:SNIFF_WINDOW]):
        return "polyglot-html"
    if kind in ("pdf", "doc", "xls", "ppt", *RASTER_KINDS) and zipfile.is_zipfile(io.BytesIO(data)):
        return "polyglot-zip"
    return None


# Checking the files Pelican is about to copy

def refused_message(kind: str) -> str:
    what, fix = REFUSED[kind]
    return f"{what}; {ALLOWED_SUMMARY}: {fix}"


def mismatch_message(kind: Kind, extension: str) -> str:
    """Rename it, unless a photo was meant: then kit_images' own words (the same problem is listed once)."""
    if extension in RASTER_EXTENSIONS and kind not in IMAGES.values():
        return UNREADABLE
    named = f"its name ends in {extension}" if extension else "its name has no extension"
    return f"this file is really {kind.label}, but {named}; rename it to end in {' or '.join(kind.extensions)}"


def raster_problem(path: Path, settings: dict) -> str | None:
    try:
        return oversize(path, settings)
    except UnreadableImage as error:
        return str(error)


def file_problem(path: Path, settings: dict) -> str | None:
    """Why the file at `path` may not be published, with what to do; None when it may."""
    size, limit = path.stat().st_size, int(settings.get("KIT_UPLOAD_MAX_BYTES", MAX_UPLOAD_BYTES))
    if size > limit:
        return (f"the file is {size_text(size)}, over the limit of {size_text(limit)} for one file; "
                "split it or make it smaller (for a PDF: export it with smaller images)")
    data = path.read_bytes()
    kind = detect(data)
    if kind in REFUSED:
        return refused_message(kind)
    if path.suffix.lower() not in ALLOWED[kind].extensions:
        return mismatch_message(ALLOWED[kind], path.suffix.lower())
    if kind == "svg":
        return svg_problem(data)
    if kind == "pdf":
        return pdf_problem(data)
    if kind == "text":
        return text_problem(data, path.suffix.lower())
    return raster_problem(path, settings) if kind in RASTER_KINDS else None


def enabled(settings: dict) -> bool:
    """Pelican's signals outlive a build in one process: act only for builds that list this plugin."""
    return any(str(name).split(".")[0] == PLUGIN for name in settings.get("PLUGINS") or ())


def check_static_files(generator) -> None:
    """A problem for each file Pelican would copy that may not be published; nothing is copied yet."""
    settings = generator.settings
    if not enabled(settings):
        return
    for static in sorted(generator.staticfiles, key=lambda static: static.source_path):
        path = Path(static.source_path)
        if not path.is_file():
            continue  # a {static} link to a missing file: the reader names it with its line
        message = file_problem(path, settings)
        if message:  # kit_images may have named an oversized photo already: BuildStopped lists it once
            report(Problem(display_path(path, settings["PATH"]), None, "", message))


def register() -> None:
    """Kept while pelicanconf.py lists the kit's plugins one by one: the steps are kit_build's."""
    from kit_build import register as connect_steps

    connect_steps()
