"""Responsive photos: each image of a page becomes a <picture> of small files without metadata.

When a page is read, every `<img>` that names a JPEG, PNG or WebP under `content/`
(`![alt]({static}/images/news/x.jpg)` or `![alt](/images/news/x.jpg)`) is replaced by
a `<picture>`: AVIF (when Pillow has it) and WebP sources and an `<img>` in JPEG (PNG
for PNG or transparent images), each in several widths up to the original's, with
content-hashed names (`images/news/x-640.<hash>.webp`) that can be cached for a
year. Derived files are made once and kept in `CACHE_PATH/images/`; the same source
and options always give the same bytes. Every JPEG, PNG and WebP published, the
originals Pelican copies included, loses its EXIF (GPS location too), XMP and
comments. A missing image, an image without alt text and a file that stays over
`KIT_IMAGE_MAX_BYTES` at the lowest quality are problems that stop the build.

Every photo is bounded before a pixel of it is decoded: a source file over
`KIT_IMAGE_MAX_SOURCE_BYTES` (20 MB) or declaring more than `KIT_IMAGE_MAX_PIXELS`
(40 megapixels; a "decompression bomb" declares far more) stops the build, so no
original above these limits is ever published and the build's memory stays bounded.
A large JPEG is decoded at the smallest scale (1/2, 1/4 or 1/8) still wider than the
widest derived file, and other large images are box-reduced to about twice that width
before any other copy is made.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import math
import os
import re
import shutil
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import PIL
from jinja2 import pass_context
from markupsafe import Markup
from PIL import Image, ImageCms, ImageOps, features
from pelican.generators import Generator
from kit_frontmatter.sources import read_source
from kit_schema import Problem, display_path
from kit_build.pelican_wall import body_html, quiet_pelican_alt_warnings, replace_body_html
from kit_build.files import write_whole
from kit_build.problems import report  # a photo shared by translations is listed once: BuildStopped drops repeats

PLUGIN = "kit_images"
WIDTHS = (320, 480, 640, 800, 960, 1280)  # never wider than the original; steps fit common phones
SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"  # the prose column: at most 44rem, else the screen less margins
PHOTO_SIZES = "(min-width: 32rem) 22rem, calc(100vw - 2rem)"  # photo grids: columns of 14rem and more
PHOTO_CLASS = "kit-photo__image"
MAX_BYTES = 200_000  # default of KIT_IMAGE_MAX_BYTES, for each derived file
MAX_SOURCE_BYTES = 20_000_000  # default of KIT_IMAGE_MAX_SOURCE_BYTES, for each photo as uploaded
MAX_PIXELS = 40_000_000  # default of KIT_IMAGE_MAX_PIXELS: width x height of a photo as uploaded
LADDERS = {"jpeg": (80, 70, 60, 50), "webp": (80, 70, 60, 50), "avif": (60, 50, 40, 30),
           "png": (0, 256, 128, 64)}  # qualities tried in turn; for PNG 0 keeps every colour, then palettes
ENCODER_OPTIONS = {
    "jpeg": {"optimize": True, "progressive": True},
    "webp": {"method": 6},
    "avif": {"speed": 6, "max_threads": 1},  # libaom's bytes depend on its thread count
}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SUFFIXES = {"avif": ".avif", "webp": ".webp", "jpeg": ".jpg", "png": ".png"}
RASTER = {".jpg", ".jpeg", ".png", ".webp"}  # derived from and stripped; SVG and GIF stay as they are
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "Raw profile type exif", "comment", "photoshop")
KEPT_INFO = ("transparency", "duration", "loop", "background")  # what a stripped file still needs
UNREADABLE = "it cannot be read as an image; export it again as JPEG or PNG"
ADVISED_WIDTH = 1600  # what editors are asked to upload, in px
ORIGINAL_QUALITY = 90  # a stripped original that must be re-encoded (turned upright, lossy WebP)
HASH_LENGTH = 10
CACHE_VERSION = 2  # raise when the same options start to give other bytes
MANIFEST = "manifest.json"
OUTPUTS = "KIT_IMAGE_OUTPUTS"  # settings key: output path -> cached file, for this build
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK_MARKER = re.compile(r"^[{|](?:static|attach|filename)[|}]")
KEPT_ATTRIBUTES = ("alt", "title", "id", "lang", "dir", "class")
REDUCIBLE = ("RGB", "RGBA", "L", "LA")  # modes box-reduced before anything else; a palette keeps its colours
TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
         5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
         8: Image.Transpose.ROTATE_90}  # EXIF orientation -> what turns the stored pixels upright
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))

ENCODES: Counter[str] = Counter()  # files encoded in this process, by format; the cache test reads it


@dataclass(frozen=True)
class Variant:
    """One derived file, as kept in the cache's manifest."""

    format: str
    width: int
    height: int
    size: int
    digest: str
    quality: int

    @property
    def cache_name(self) -> str:
        return f"{self.width}{SUFFIXES[self.format]}"

    def output_name(self, stem: str) -> str:
        return f"{stem}-{self.width}.{self.digest[:HASH_LENGTH]}{SUFFIXES[self.format]}"


@dataclass(frozen=True)
class Derived:
    """Every file made from one image, or the first one that stayed over the limit."""

    folder: Path
    variants: tuple[Variant, ...]
    too_big: Variant | None


class UnreadableImage(Exception):
    """A file named like an image that cannot be used; the message says what to do."""


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found = {name: value or "" for name, value in attrs}


def enabled(settings: dict) -> bool:
    """Pelican's signals outlive a build in one process: act only for builds that list this plugin."""
    return any(str(name).split(".")[0] == PLUGIN for name in settings.get("PLUGINS") or ())


def modern_formats() -> tuple[str, ...]:
    return ("avif", "webp") if features.check("avif") else ("webp",)


def widths_for(original: int) -> list[int]:
    """The widths to make: the usual ones below the original, then the original up to the largest."""
    return sorted({width for width in WIDTHS if width < original} | {min(original, max(WIDTHS))})


def tag_attributes(tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(tag)
    return parser.found


def html_tag(name: str, attributes: dict[str, str | int]) -> str:
    return f"<{name}" + "".join(f' {key}="{escape(str(value))}"' for key, value in attributes.items()) + ">"


def content_file(src: str, source: Path, root: Path) -> Path | None:
    """The file under `root` that an image address names; None for other sites and plain relative paths."""
    marker = LINK_MARKER.match(src)
    parts = urlsplit(src[marker.end():] if marker else src)
    if parts.scheme or parts.netloc or not (marker or parts.path.startswith("/")):
        return None
    path = unquote(parts.path)
    base = root if path.startswith("/") else source.parent
    target = Path(os.path.normpath(base / path.lstrip("/")))
    return target if target.is_relative_to(os.path.normpath(root)) else None


def line_of(source: Path, src: str) -> int | None:
    """The line of the Markdown file that names `src`, so the editor finds it."""
    try:
        lines = read_source(source)[0].splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, start=1) if src in line), None)


def kilobytes(size: int) -> str:
    return f"{size / 1000:.0f} kB"


# Bounds, checked before anything is decoded

def size_text(size: int) -> str:
    """A file's size as editors read it: 23.4 MB, or 512 kB under a megabyte."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else kilobytes(size)


def declared_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from the file's header, nothing decoded; None when it declares a decompression bomb."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the limit below is lower
        try:
            with Image.open(path) as image:
                return image.size
        except Image.DecompressionBombError:
            return None


def oversize(path: Path, settings: dict) -> str | None:
    """What makes an uploaded photo too big to publish or to decode safely, with the fix; None when it fits.

    Raises UnreadableImage when the file is no image Pillow can read."""
    max_bytes = int(settings.get("KIT_IMAGE_MAX_SOURCE_BYTES", MAX_SOURCE_BYTES))
    max_pixels = int(settings.get("KIT_IMAGE_MAX_PIXELS", MAX_PIXELS))
    advice = f"export it again at most {ADVISED_WIDTH} px wide (JPEG, quality 80 to 90) and replace the file"
    size = path.stat().st_size
    if size > max_bytes:
        return f"the photo is {size_text(size)}, over the limit of {size_text(max_bytes)}; {advice}"
    try:
        dimensions = declared_size(path)
    except (OSError, ValueError, SyntaxError) as error:
        raise UnreadableImage(UNREADABLE) from error
    if dimensions is None:
        return (f"it declares far more pixels than the limit of {max_pixels / 1e6:g} megapixels (a file made "
                f"to exhaust the server's memory, or a broken export); {advice}")
    width, height = dimensions
    if width * height > max_pixels:
        return (f"the photo is {width} x {height} px ({width * height / 1e6:.1f} megapixels), over the limit of "
                f"{max_pixels / 1e6:g} megapixels; {advice}")
    return None


def bounds_problem(path: Path, settings: dict) -> Problem | None:
    """The problem that keeps `path` from being decoded or published, or None."""
    try:
        message = oversize(path, settings)
    except UnreadableImage as error:
        message = str(error)
    return Problem(display_path(path, settings["PATH"]), None, "", message) if message else None


# Making the derived files

@contextmanager
def opened(data: bytes) -> Iterator[Image.Image]:
    """The image in `data`; UnreadableImage when Pillow cannot decode or re-encode it."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            yield image
    except Image.DecompressionBombError as error:
        raise UnreadableImage(f"it has far too many pixels; shrink the photo to at most {ADVISED_WIDTH} px wide") \
            from error
    except (OSError, ValueError, SyntaxError) as error:  # what Pillow raises for a broken file
        raise UnreadableImage(UNREADABLE) from error


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def fallback_format(image: Image.Image) -> str:
    """The `<img>` keeps the original's kind: PNG for PNG and transparent images, else JPEG."""
    return "png" if image.format == "PNG" or has_alpha(image) else "jpeg"


def decoded_small(image: Image.Image) -> Image.Image:
    """The image decoded at no more than about twice the widest derived file, so memory stays bounded.

    A JPEG is decoded at a reduced scale straight away (draft); any other format is decoded,
    box-reduced by a whole factor, and its full-size copy let go before anything else is made.
    Images within that width are decoded as they are, so their files are unchanged."""
    sideways = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # stored turned a quarter
    upright_width = image.height if sideways else image.width
    if image.format == "JPEG" and upright_width > max(WIDTHS):
        scale = max(WIDTHS) / upright_width
        image.draft(image.mode, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    factor = upright_width // (2 * max(WIDTHS))
    if image.format != "JPEG" and factor >= 2 and image.mode in REDUCIBLE and getattr(image, "n_frames", 1) == 1:
        return image.reduce(factor)
    return image


def prepared(image: Image.Image) -> Image.Image:
    """Upright, in sRGB, RGB or RGBA, with no metadata: what every derived file starts from."""
    icc = image.info.get("icc_profile")
    mode = "RGBA" if has_alpha(image) else "RGB"
    orientation = image.getexif().get(0x0112, 1)
    small = decoded_small(image)
    upright = (small.transpose(TURNS[orientation]) if orientation in TURNS else small).convert(mode)
    if icc:
        try:
            upright = ImageCms.profileToProfile(upright, ImageCms.ImageCmsProfile(io.BytesIO(icc)), SRGB,
                                                outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the colours as they are
    upright.info = {}
    return upright


def resized(image: Image.Image, width: int) -> Image.Image:
    if width == image.width:
        return image
    height = max(1, round(width * image.height / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    """One file in `fmt` at `quality` (for PNG: 0 = every colour, else that many colours)."""
    ENCODES[fmt] += 1
    out = io.BytesIO()
    if fmt == "png":
        picture = image.quantize(quality, method=Image.Quantize.FASTOCTREE) if quality else image
        picture.save(out, "PNG", optimize=True)
    else:
        image.save(out, fmt.upper(), quality=quality, **ENCODER_OPTIONS[fmt])
    return out.getvalue()


def within_limit(image: Image.Image, fmt: str, limit: int) -> tuple[bytes, int | None]:
    """The file at the best quality that fits the limit; quality None when even the lowest does not."""
    for quality in LADDERS[fmt]:
        data = encode(image, fmt, quality)
        if len(data) <= limit:
            return data, quality
    return data, None


def encode_variants(source: bytes, limit: int) -> tuple[dict[str, bytes], dict]:
    """(cache file name -> bytes, manifest); stops at the first file that cannot fit the limit."""
    with opened(source) as original:
        formats = (fallback_format(original), *reversed(modern_formats()))  # the fastest encoder first
        image = prepared(original)
    files: dict[str, bytes] = {}
    variants: list[dict] = []
    for width in reversed(widths_for(image.width)):  # the largest file is the likeliest to be too big
        smaller = resized(image, width)
        for fmt in formats:
            data, quality = within_limit(smaller, fmt, limit)
            variant = {"format": fmt, "width": smaller.width, "height": smaller.height, "size": len(data),
                       "digest": hashlib.sha256(data).hexdigest(), "quality": quality or 0}
            if quality is None:
                return {}, {"variants": [], "too_big": variant}
            files[Variant(**variant).cache_name] = data
            variants.append(variant)
    return files, {"variants": variants, "too_big": None}


# The cache

def cache_key(source: bytes, limit: int) -> str:
    """Names the cache folder: the source's bytes and every option that changes the output."""
    options = {"version": CACHE_VERSION, "pillow": PIL.__version__, "widths": WIDTHS, "ladders": LADDERS,
               "encoders": ENCODER_OPTIONS, "formats": modern_formats(), "limit": limit}
    return hashlib.sha256(source + json.dumps(options, sort_keys=True).encode()).hexdigest()


def save_to_cache(folder: Path, files: dict[str, bytes], manifest: dict) -> None:
    """Write into a staging folder and rename it, so a stopped build never leaves half a set."""
    staging = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)  # an incomplete set, without its manifest
    staging.mkdir(parents=True)
    for name, data in files.items():
        (staging / name).write_bytes(data)
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    staging.rename(folder)


def load_manifest(folder: Path) -> Derived:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    variants = tuple(Variant(**variant) for variant in manifest["variants"])
    too_big = Variant(**manifest["too_big"]) if manifest["too_big"] else None
    return Derived(folder, variants, too_big)


def derive(path: Path, settings: dict) -> Derived:
    """The derived files of one image, from the cache or made now (its bounds are checked before)."""
    source = path.read_bytes()
    limit = int(settings.get("KIT_IMAGE_MAX_BYTES", MAX_BYTES))
    folder = Path(settings["CACHE_PATH"]) / "images" / cache_key(source, limit)
    if not (folder / MANIFEST).is_file():
        save_to_cache(folder, *encode_variants(source, limit))
    return load_manifest(folder)


# The markup

def too_big_message(big: Variant, limit: int) -> str:
    suggested = max(10, int(big.width * math.sqrt(limit / big.size) * 0.9) // 10 * 10)
    return (f"even at the lowest quality its {big.width} px wide {big.format.upper()} copy is "
            f"{kilobytes(big.size)}, over the limit of {kilobytes(limit)}; crop or shrink the photo "
            f"to at most {suggested} px wide, or choose a photo with less fine detail")


def picture(attributes: dict[str, str], urls: dict[Variant, str], eager: bool, sizes: str = SIZES,
            display_width: int | None = None) -> str:
    """`<picture>` with a source per modern format and the `<img>` fallback, largest file as `src`.

    Width and height are the largest file's, or `display_width` and the height in proportion."""
    by_format: dict[str, list[Variant]] = {}
    for variant in sorted(urls, key=lambda v: v.width):
        by_format.setdefault(variant.format, []).append(variant)
    srcsets = {fmt: ", ".join(f"{urls[v]} {v.width}w" for v in variants) for fmt, variants in by_format.items()}
    fallback = next(fmt for fmt in by_format if fmt not in ("avif", "webp"))
    largest = by_format[fallback][-1]
    sources = "".join(html_tag("source", {"type": MIME_TYPES[fmt], "srcset": srcsets[fmt], "sizes": sizes})
                      for fmt in modern_formats() if fmt in by_format)
    width = display_width or largest.width
    img = html_tag("img", {"src": urls[largest], "srcset": srcsets[fallback], "sizes": sizes,
                           "width": width, "height": round(largest.height * width / largest.width),
                           **{name: attributes[name] for name in KEPT_ATTRIBUTES if name in attributes},
                           "loading": "eager" if eager else "lazy", "decoding": "async"})
    return f"<picture>{sources}{img}</picture>"


def publish(derived: Derived, image: Path, settings: dict) -> dict[Variant, str]:
    """Plan the copy of each derived file into the output; return the address of each."""
    folder = image.parent.relative_to(os.path.normpath(settings["PATH"])).as_posix()
    outputs = settings.setdefault(OUTPUTS, {})
    urls = {}
    for variant in derived.variants:
        name = variant.output_name(image.stem)
        relative = name if folder == "." else f"{folder}/{name}"
        outputs[relative] = derived.folder / variant.cache_name
        urls[variant] = f"{settings['SITEURL']}/{quote(relative)}"
    return urls


def rewrite(tag: str, source: Path, settings: dict, eager: bool) -> str:
    """The markup for one `<img>` of a page; problems go to the settings."""
    attributes = tag_attributes(tag)
    src = attributes.get("src", "")
    where = display_path(source, settings["PATH"])
    if not attributes.get("alt", "").strip():
        report(Problem(where, line_of(source, src), "", f"the image {src} has no alt text; "
                       f"describe the image in the alt text: ![what the photo shows]({src})"))
    image = content_file(src, source, Path(settings["PATH"]))
    if image is None or image.suffix.lower() not in RASTER:
        return tag
    if not image.is_file():
        report(Problem(where, line_of(source, src), "", f"the image {src} does not exist; check the "
                       "folder and the file name (photos go in content/images/)"))
        return html_tag("img", attributes | {"src": LINK_MARKER.sub("", src)})  # no second warning from Pelican
    urls = published_urls(image, settings)
    return picture(attributes, urls, eager) if urls else tag


def published_urls(image: Path, settings: dict) -> dict[Variant, str] | None:
    """The address of each derived file of `image`, planned for copying; None after reporting a problem."""
    problem = bounds_problem(image, settings)
    if problem:
        report(problem)
        return None
    try:
        derived = derive(image, settings)
    except UnreadableImage as error:
        report(Problem(display_path(image, settings["PATH"]), None, "", str(error)))
        return None
    if derived.too_big:
        limit = int(settings.get("KIT_IMAGE_MAX_BYTES", MAX_BYTES))
        report(Problem(display_path(image, settings["PATH"]), None, "",
                       too_big_message(derived.too_big, limit)))
        return None
    return publish(derived, image, settings)


def rewrite_images(content) -> None:
    """Replace each image of a page's body; the first one loads at once, the others when scrolled to."""
    settings = content.settings
    if not enabled(settings) or not body_html(content) or not content.source_path:
        return
    source = Path(content.source_path)
    order = itertools.count()
    replace_body_html(content, IMG_TAG.sub(lambda match: rewrite(match.group(0), source, settings, next(order) == 0),
                                           body_html(content)))


def front_matter_images(content) -> list[str]:
    """The images an item names in its front matter: album photos, video posters, a person's portrait."""
    files = [entry.get("file") for entry in getattr(content, "photos", None) or [] if isinstance(entry, dict)]
    files += [entry.get("poster") for entry in getattr(content, "videos", None) or [] if isinstance(entry, dict)]
    files.append(getattr(content, "photo", None))
    return [str(file) for file in files if file]


def prepare_photos(content) -> None:
    """Derive the images an item names in its front matter (albums, projects, people)."""
    settings = content.settings
    if not enabled(settings) or not content.source_path:
        return
    content.kit_photos = {}
    for file in front_matter_images(content):  # a missing file is reported by kit_typeitems
        image = content_file("/" + file.lstrip("/"), Path(content.source_path), Path(settings["PATH"]))
        if image is not None and image.suffix.lower() in RASTER and image.is_file():
            urls = published_urls(image, settings)
            if urls:
                content.kit_photos[file] = urls
    content.kit_photos_eager = "<img" not in (body_html(content) or "")


@pass_context
def photo_tag(context, item, file: str, alt: str, first: bool = False,
              css_class: str = PHOTO_CLASS, width: int | None = None) -> Markup:
    """`{{ photo_tag(page, photo.file, photo.caption, loop.first) }}`: a front-matter photo as `<picture>`.

    The first photo loads at once when the body above it has no image of its own. With `width`
    (CSS pixels) the photo is shown that wide, and the browser picks its file for that width."""
    urls = getattr(item, "kit_photos", {}).get(file)
    alt = alt.unescape() if isinstance(alt, Markup) else alt  # escaped once, by html_tag
    if not urls:
        return Markup(html_tag("img", {"class": css_class, "src": f"{context['SITEURL']}/{file}", "alt": alt,
                                       "loading": "lazy"}))
    eager = first and getattr(item, "kit_photos_eager", False)
    sizes = f"{width}px" if width else PHOTO_SIZES
    return Markup(picture({"alt": alt, "class": css_class}, urls, eager, sizes, width))


def install(generator) -> None:
    generator.env.globals["photo_tag"] = photo_tag


# Stripping what Pelican copies

def has_metadata(image: Image.Image) -> bool:
    return (bool(image.getexif()) or any(key in image.info for key in METADATA_KEYS)
            or bool(getattr(image, "text", None)))


def webp_is_lossless(data: bytes) -> bool:
    """True when the first image chunk of a WebP file is VP8L (lossless)."""
    offset = 12
    while offset + 8 <= len(data):
        chunk, size = data[offset:offset + 4], int.from_bytes(data[offset + 4:offset + 8], "little")
        if chunk in (b"VP8 ", b"VP8L"):
            return chunk == b"VP8L"
        offset += 8 + size + (size & 1)
    return False


def stripped(data: bytes) -> bytes | None:
    """The image without metadata, upright and in its own format; None when it had none.

    A JPEG that needs no turning keeps its quantisation tables, so it loses almost nothing.
    """
    with opened(data) as image:
        if not has_metadata(image):
            return None
        fmt, icc = image.format, image.info.get("icc_profile")
        animated = getattr(image, "n_frames", 1) > 1
        turned = not animated and image.getexif().get(0x0112, 1) != 1
        clean = ImageOps.exif_transpose(image) if turned else image
        clean.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
        options: dict = {"icc_profile": icc, "save_all": animated}
        if fmt == "JPEG":
            options |= {"quality": ORIGINAL_QUALITY} if turned else {"quality": "keep", "subsampling": "keep"}
        elif fmt == "WEBP":
            options |= {"lossless": True} if webp_is_lossless(data) else {"quality": ORIGINAL_QUALITY}
        out = io.BytesIO()
        clean.save(out, fmt, **{key: value for key, value in options.items() if value is not None})
    ENCODES["stripped"] += 1
    return out.getvalue()


def strip_file(path: Path, cache: Path) -> None:
    """Replace `path` by its stripped copy, made once and kept in `cache` (unchanged when clean)."""
    data = path.read_bytes()
    cached = cache / f"{hashlib.sha256(data).hexdigest()}-{CACHE_VERSION}{path.suffix.lower()}"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_whole(cached, stripped(data) or b"")  # empty: there was nothing to strip
    clean = cached.read_bytes()
    if clean:
        write_whole(path, clean)  # a link to the source is replaced, never written through


def strip_published(pelican) -> None:
    """Overwrite each JPEG, PNG and WebP of the output that carries metadata with a clean copy."""
    settings = pelican.settings
    if not enabled(settings):
        return
    output = Path(pelican.output_path)
    derived = {output / relative for relative in settings.get(OUTPUTS, {})}
    cache = Path(settings["CACHE_PATH"]) / "images" / "stripped"
    for path in sorted(output.rglob("*")):
        if path.suffix.lower() in RASTER and path not in derived and path.is_file():
            try:
                message = oversize(path, settings)  # never decode what is too big (kit_uploads stops it earlier)
                if message is None:
                    strip_file(path, cache)
            except UnreadableImage as error:
                message = str(error)
            if message:
                report(Problem(f"output/{path.relative_to(output).as_posix()}", None, "", message))


class DerivedImagesGenerator(Generator):
    """Copies the derived images from the cache into the output folder."""

    def generate_output(self, writer) -> None:
        for relative, cached in sorted(self.settings.get(OUTPUTS, {}).items()):
            target = Path(self.output_path) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)


def quiet_pelican_alt_warning(pelican) -> None:
    """This plugin reports empty alt text itself, with the line and the fix; Pelican would say it twice."""
    quiet_pelican_alt_warnings(enabled(pelican.settings))


def get_generators(pelican) -> type[Generator] | None:
    if not enabled(pelican.settings):
        return None
    pelican.settings[OUTPUTS] = {}  # a new run: forget the files of the last one
    return DerivedImagesGenerator


def register() -> None:
    """Kept while pelicanconf.py lists the kit's plugins one by one: the steps are kit_build's."""
    from kit_build import register as connect_steps

    connect_steps()
