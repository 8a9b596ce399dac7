"""Responsive images on real builds: <picture> markup, no metadata, size limit, cache, same bytes.

The builds are of the tiny fixture site with the demo's four photos, a news item and an
album that show them, and test images added (a transparent PNG, a photo stored sideways).
"""

from __future__ import annotations

import importlib.util
import random
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageOps, PngImagePlugin, features

from conftest import ROOT, build
from fixture_site import FAST, tiny_site, write
import kit_images
from kit_images import MAX_BYTES, content_file, oversize, widths_for
from kit_images.kit_images import decoded_small, prepared
from kit_schema import BuildStopped

RASTER = {".jpg", ".jpeg", ".png", ".webp", ".avif"}
DERIVED = re.compile(r"^(?P<stem>.+)-(?P<width>\d+)\.[0-9a-f]{10}\.(?:avif|webp|jpg|png)$")
TANK_PAGE = "news/2026-11-10-mradi-wa-maji-mbuyuni/index.html"
TEST_ITEM = "2025-06-01-picha-za-mradi"
TEST_BODY = """---
title: Picha za mradi wa maji
date: 2025-06-01
category: Maji
---
Picha tatu za mradi.

![Kituo cha maji chenye mabomba manne na madumu]({static}/images/news/mbuyuni-kituo-cha-kuchotea-maji.jpg)

![Ramani ya mtandao wa mabomba kutoka tanki hadi vituo vya maji](/images/news/ramani-ya-mabomba.png)

![Tanki la maji likiwa limepigwa picha kwa simu iliyoshikwa wima]({static}/images/news/picha-ya-simu.jpg)
"""

DEMO = ROOT / "content"
PHOTOS = sorted(p.name for p in (DEMO / "images" / "news").glob("*.jpg"))  # the demo's four 1600 px photos
TANK_BODY = """---
title: Mkuu wa Wilaya azindua mradi wa maji Kijiji cha Mbuyuni
date: 2026-11-10 09:30
category: Maji
summary: Mradi wa maji wa Mbuyuni utawahudumia wakazi 8,400.
---
Mkuu wa Wilaya amezindua rasmi mradi wa maji safi na salama katika Kijiji cha Mbuyuni.

![Tanki jipya la maji la lita 225,000 juu ya mnara wa chuma katika Kijiji cha Mbuyuni]({static}/images/news/mbuyuni-tanki-la-maji.jpg)

Wananchi wanakaribishwa kuwasiliana na Halmashauri.
"""
ALBUM = "galleries/mradi-wa-maji-mbuyuni-picha.md"  # the demo's album: three photos and a video poster

TEST_PERSON = "afisa-maji"
PERSON_BODY = """---
name: Bi. Neema Joseph Mushi
position: Afisa Maji wa Wilaya
unit: planning
order: 9
photo: images/news/picha-ya-simu.jpg
---
"""


def plugins_with_images() -> list[str]:
    """pelicanconf's plugins with kit_images (kit_build runs its steps in their written order)."""
    spec = importlib.util.spec_from_file_location("pelicanconf_with_images", ROOT / "pelicanconf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    return list(dict.fromkeys([*conf.PLUGINS, "kit_images"]))


PLUGINS = plugins_with_images()


def build_with_images(output: Path, content: Path, cache: Path, **overrides) -> Path:
    return build(output, content, PLUGINS=PLUGINS, CACHE_PATH=str(cache), **{**FAST, **overrides})


def with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0112] = "TECNO", orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 48.0, 44.3), "E", (37.0, 39.0, 40.0)
    return exif


def add_test_images(images: Path) -> None:
    """A transparent PNG map with text and EXIF, and a phone photo stored sideways (orientation 6)."""
    plan = Image.new("RGBA", (900, 600), (0, 0, 0, 0))
    draw = ImageDraw.Draw(plan)
    draw.line([(80, 300), (450, 120), (820, 300), (450, 500), (80, 300)], fill=(30, 90, 170, 255), width=9)
    for x, y in ((80, 300), (450, 120), (820, 300), (450, 500)):
        draw.ellipse([x - 24, y - 24, x + 24, y + 24], fill=(236, 196, 30, 255))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Idara ya Maji")
    plan.save(images / "ramani-ya-mabomba.png", pnginfo=text, exif=with_gps())
    photo = Image.open(images / "mbuyuni-tanki-la-maji.jpg").resize((900, 600))
    photo.transpose(Image.Transpose.ROTATE_90).save(images / "picha-ya-simu.jpg", quality=85, exif=with_gps(6))


def with_photos(folder: Path, photos: list[str] = PHOTOS) -> Path:
    """The tiny site without its own album, and with the demo's `photos` in images/news/."""
    content = tiny_site(folder)
    (content / "galleries" / "picha.md").unlink()
    (content / "images" / "picha" / "tanki.jpg").unlink()
    (content / "images" / "news").mkdir()
    for name in photos:
        write(content / "images" / "news" / name, (DEMO / "images" / "news" / name).read_bytes())
    return content


def prepared_content(folder: Path, photos: list[str] = PHOTOS) -> Path:
    """The news page of the tank photo and the test item (with its images); with all four
    photos, also the demo's album and a portrait."""
    content = with_photos(folder, photos)
    add_test_images(content / "images" / "news")
    write(content / "news" / "2026-11-10-mradi-wa-maji-mbuyuni.md", TANK_BODY)
    write(content / "news" / f"{TEST_ITEM}.md", TEST_BODY)
    if photos == PHOTOS:
        write(content / ALBUM, (DEMO / ALBUM).read_bytes())
        write(content / "people" / f"{TEST_PERSON}.md", PERSON_BODY)
    return content


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return prepared_content(tmp_path_factory.mktemp("images-content"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("images-cache")


@pytest.fixture(scope="module")
def site(tmp_path_factory, content, cache) -> Path:
    return build_with_images(tmp_path_factory.mktemp("images-site") / "out", content, cache)


def img_tags(html: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([a-z-]+)="([^"]*)"', tag)) for tag in re.findall(r"<img\b[^>]*>", html)]


def srcset_urls(html: str) -> list[str]:
    urls = [src for src in re.findall(r'\ssrc="([^"]+)"', html) if src.startswith("/images/")]
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        urls += [candidate.split()[0] for candidate in srcset.split(",")]
    return urls


def pictures(page: Path) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", page.read_text(encoding="utf-8"))


def raster_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in RASTER and p.is_file())


def derived_files(site: Path) -> list[Path]:
    return [p for p in raster_files(site) if DERIVED.match(p.name)]


def test_widths_are_never_wider_than_the_original():
    assert widths_for(1600) == [320, 480, 640, 800, 960, 1280]
    assert widths_for(1100) == [320, 480, 640, 800, 960, 1100]
    assert widths_for(200) == [200]


def test_content_file_takes_site_and_static_addresses_only(tmp_path):
    page = tmp_path / "news" / "a.md"
    assert content_file("{static}/images/x.jpg", page, tmp_path) == tmp_path / "images" / "x.jpg"
    assert content_file("/images/a%20b.jpg", page, tmp_path) == tmp_path / "images" / "a b.jpg"
    assert content_file("{static}../images/x.jpg", page, tmp_path) == tmp_path / "images" / "x.jpg"
    assert content_file("https://example.org/x.jpg", page, tmp_path) is None
    assert content_file("{static}/../../etc/x.jpg", page, tmp_path) is None


def test_news_page_has_a_picture_with_modern_sources_and_a_sized_img(site):
    [picture] = pictures(site / TANK_PAGE)
    types = re.findall(r'<source type="([^"]+)"', picture)
    assert types == (["image/avif", "image/webp"] if features.check("avif") else ["image/webp"])
    [img] = img_tags(picture)
    assert img["src"].endswith(".jpg") and img["src"] in img["srcset"]
    assert img["sizes"] == "(min-width: 46rem) 44rem, calc(100vw - 2rem)"
    assert (img["width"], img["height"]) == ("1280", "854")
    assert img["alt"].startswith("Tanki jipya la maji") and img["decoding"] == "async"
    assert [w for w in re.findall(r" (\d+)w", img["srcset"])] == ["320", "480", "640", "800", "960", "1280"]
    urls = srcset_urls(picture)
    assert len(urls) == (19 if features.check("avif") else 13)  # 6 widths per format and the src
    assert [url for url in urls if not (site / url.lstrip("/")).is_file()] == []


def test_first_image_is_eager_the_others_lazy_and_png_stays_png(site):
    page = site / "news" / TEST_ITEM / "index.html"
    imgs = [img_tags(picture)[0] for picture in pictures(page)]
    assert [img["loading"] for img in imgs] == ["eager", "lazy", "lazy"]
    assert imgs[1]["src"].endswith(".png") and (imgs[1]["width"], imgs[1]["height"]) == ("900", "600")
    assert (imgs[2]["width"], imgs[2]["height"]) == ("900", "600"), "the sideways phone photo is turned upright"
    urls = srcset_urls("".join(pictures(page)))
    assert [url for url in urls if not (site / url.lstrip("/")).is_file()] == []


def test_no_published_image_has_metadata(site, content):
    originals = sorted((content / "images" / "news").glob("*.[jp][pn]g"))
    for original in originals:
        with Image.open(original) as source:
            assert source.getexif().get_ifd(0x8825), f"{original} carries GPS, so stripping it is tested"
    copies = [site / "images" / "news" / p.name for p in originals]
    assert all(p.is_file() for p in copies) and set(copies) <= set(raster_files(site))
    for path in raster_files(site):
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif and not exif.get_ifd(0x8825), path
            assert not {"exif", "xmp", "comment", "photoshop"} & set(image.info), path
            assert not getattr(image, "text", None), path
    with Image.open(site / "images" / "news" / "picha-ya-simu.jpg") as turned:
        assert turned.size == (900, 600), "the stripped original is stored upright"


def test_derived_files_are_no_wider_than_their_original_nor_over_the_limit(site, content):
    derived = derived_files(site)
    formats = 3 if features.check("avif") else 2
    assert len(derived) == formats * (6 + 6 + 6 + 6 + 5 + 5)  # four 1600 px photos (news, album), two of 900 px
    for path in derived:
        name = DERIVED.match(path.name)
        [original] = (content / "images" / "news").glob(f"{name['stem']}.*")
        with Image.open(path) as image, Image.open(original) as source:
            assert image.width == int(name["width"]) <= ImageOps.exif_transpose(source).width, path
        assert path.stat().st_size <= MAX_BYTES, path


def test_a_second_build_encodes_nothing(site, content, cache, tmp_path):
    before = sum(kit_images.ENCODES.values())
    again = build_with_images(tmp_path / "again", content, cache)
    assert sum(kit_images.ENCODES.values()) == before
    assert [p.relative_to(again) for p in raster_files(again)] == [p.relative_to(site) for p in raster_files(site)]


def test_two_builds_give_byte_identical_files(site, tmp_path):
    """A second build with an empty cache, of the two news pages and their photos (a JPEG,
    a transparent PNG, a photo stored sideways), gives the same files as the first."""
    content = prepared_content(tmp_path, ["mbuyuni-kituo-cha-kuchotea-maji.jpg", "mbuyuni-tanki-la-maji.jpg"])
    before = sum(kit_images.ENCODES.values())
    fresh = build_with_images(tmp_path / "fresh", content, tmp_path / "another-cache")
    assert sum(kit_images.ENCODES.values()) > before, "the second build really encoded again"
    rasters = raster_files(fresh)
    assert len(derived_files(fresh)) == (3 if features.check("avif") else 2) * (6 + 6 + 5 + 5)
    for path in rasters:
        assert path.read_bytes() == (site / path.relative_to(fresh)).read_bytes(), path
    for page in (TANK_PAGE, f"news/{TEST_ITEM}/index.html"):
        assert pictures(fresh / page) == pictures(site / page), page


def test_an_image_over_the_limit_stops_the_build(tmp_path, cache):
    content = with_photos(tmp_path, [])
    noise = random.Random(7).randbytes(1600 * 1067 * 3)
    Image.frombytes("RGB", (1600, 1067), noise).save(content / "images" / "news" / "kelele.jpg", quality=90)
    (content / "news" / "2025-06-02-kelele.md").write_text(
        "---\ntitle: Kelele\ndate: 2025-06-02\ncategory: Maji\n---\n"
        "![Picha yenye chembechembe nyingi](/images/news/kelele.jpg)\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        build_with_images(tmp_path / "out", content, cache)
    assert isinstance(stopped.value, BuildStopped)
    [problem] = stopped.value.problems
    assert problem.path == "content/images/news/kelele.jpg"
    assert re.search(r"is \d+ kB, over the limit of 200 kB; crop or shrink the photo to at most \d+ px wide",
                     problem.message)
    assert not (tmp_path / "out" / "images" / "news" / "kelele.jpg").exists(), "nothing was published"


def test_missing_broken_and_undescribed_images_are_problems(tmp_path, cache):
    content = with_photos(tmp_path, ["mbuyuni-tanki-la-maji.jpg"])
    (content / "images" / "news" / "imeharibika.jpg").write_bytes(b"not a photo")
    (content / "news" / "2025-06-03-picha.md").write_text(
        "---\ntitle: Picha\ndate: 2025-06-03\ncategory: Maji\n---\nMaandishi.\n\n"
        "![](/images/news/mbuyuni-tanki-la-maji.jpg)\n\n![Ramani ya kata]({static}/images/news/haipo.jpg)\n\n"
        "![Picha ya kikao](/images/news/imeharibika.jpg)\n", encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build_with_images(tmp_path / "out", content, cache)
    assert [str(problem) for problem in stopped.value.problems] == [
        "content/images/news/imeharibika.jpg: it cannot be read as an image; export it again as JPEG or PNG",
        "content/news/2025-06-03-picha.md:8: the image /images/news/mbuyuni-tanki-la-maji.jpg has no alt text; "
        "describe the image in the alt text: ![what the photo shows](/images/news/mbuyuni-tanki-la-maji.jpg)",
        "content/news/2025-06-03-picha.md:10: the image {static}/images/news/haipo.jpg does not exist; "
        "check the folder and the file name (photos go in content/images/)",
    ]


def test_album_photos_and_posters_are_pictures_and_only_the_first_loads_at_once(site):
    page = site / "galleries" / "mradi-wa-maji-mbuyuni-picha" / "index.html"
    imgs = [img_tags(picture)[0] for picture in pictures(page)]
    assert [img["loading"] for img in imgs] == ["eager", "lazy", "lazy", "lazy"]  # three photos, one poster
    assert {(img["sizes"], img["class"]) for img in imgs} == {(kit_images.PHOTO_SIZES, "kit-photo__image")}
    assert all(img["width"] and img["height"] and img["srcset"] for img in imgs)


def test_a_portrait_is_a_picture_shown_160_pixels_wide(site):
    page = site / "people" / TEST_PERSON / "index.html"
    [picture] = pictures(page)
    img = img_tags(picture)[0]
    assert (img["class"], img["sizes"], img["width"], img["loading"]) == ("kit-person__photo", "160px", "160", "eager")
    assert img["height"] == "107", "900 x 600 once turned upright, so 160 x 107"
    urls = srcset_urls(picture)
    assert urls and all(DERIVED.match(url.rsplit("/", 1)[-1]) for url in urls)


def declaring_png(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header declares `width` x `height` (what a decompression bomb looks like)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(bytes(64))) + chunk(b"IEND", b""))
    return path


def test_oversize_reads_only_the_size_and_the_header(tmp_path, monkeypatch):
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("a pixel was decoded"))
    small = tmp_path / "ndogo.jpg"
    small.write_bytes((ROOT / "content" / "images" / "news" / "mbuyuni-tanki-la-maji.jpg").read_bytes())
    assert oversize(small, {}) is None
    assert oversize(small, {"KIT_IMAGE_MAX_SOURCE_BYTES": 50_000}).startswith(
        f"the photo is {small.stat().st_size / 1000:.0f} kB, over the limit of 50 kB; export it again at most 1600 px")
    assert oversize(declaring_png(tmp_path / "pana.png", 8000, 5100), {}).startswith(
        "the photo is 8000 x 5100 px (40.8 megapixels), over the limit of 40 megapixels; export it again")
    assert oversize(tmp_path / "pana.png", {"KIT_IMAGE_MAX_PIXELS": 50_000_000}) is None
    assert oversize(declaring_png(tmp_path / "bomu.png", 20000, 20000), {}).startswith(
        "it declares far more pixels than the limit of 40 megapixels")


def test_a_large_jpeg_is_decoded_at_a_reduced_scale_and_still_turned_upright(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: 5200 x 3000 on disk, 3000 x 5200 upright
    Image.new("RGB", (5200, 3000), (30, 90, 170)).save(tmp_path / "simu.jpg", quality=70, exif=exif)
    with Image.open(tmp_path / "simu.jpg") as image:
        assert decoded_small(image).size == (2600, 1500), "half scale: the upright width stays over 1280"
    with Image.open(tmp_path / "simu.jpg") as image:
        assert prepared(image).size == (1500, 2600)


def test_a_large_png_is_reduced_before_any_other_copy_is_made(tmp_path):
    Image.new("RGB", (6000, 400), (200, 30, 30)).save(tmp_path / "ramani.png")
    Image.new("P", (6000, 400)).save(tmp_path / "rangi.png")
    with Image.open(tmp_path / "ramani.png") as image:
        assert decoded_small(image).size == (3000, 200), "reduced by 2: still more than twice 1280 px wide"
    with Image.open(tmp_path / "rangi.png") as image:
        assert decoded_small(image) is image, "a palette image keeps its colours (and its transparency)"
