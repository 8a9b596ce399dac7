"""What one content file says about itself and other files: each careless or hostile input
stops the build naming the file, line and field, and leaves the last good site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixture_site import FILES, SITE_YAML, Case, assert_neutralised, assert_refused
from kit_frontmatter.sources import inside, key_problems, name_date_problems, read_source, slug_problems

NEWS = "news/2026-11-02-ziara.md"
SHOWN = "content/" + NEWS


def news(extra: str = "", body: str = "Maandishi.", date: str = "2026-11-02") -> str:
    """A news item of the tiny site; `extra` adds front-matter lines after line 4."""
    return f"---\ntitle: Ziara ya Mkuu\ndate: {date}\ncategory: Maji\n{extra}---\n{body}\n"


def publication(file: str) -> str:
    return f"---\ntitle: Ripoti ya robo\ntype: report\ndate: 2026-10-01\nfile: {file}\n---\nRipoti.\n"


def tender(file: str) -> str:
    return ("---\ntitle: Zabuni\ntype: tender\nreference: LGA/1/2026/W/01\ncloses: 2026-12-20 10:00\n"
            f"how_to_apply: Leta ofisini.\ndocuments:\n  - title: Tangazo\n    file: {file}\n---\nMaelezo.\n")


def album(file: str) -> str:
    return f"---\ntitle: Picha\ndate: 2026-10-02\nphotos:\n  - file: {file}\n    caption: Tanki\n---\nPicha.\n"


CP1252 = news().encode("utf-8").replace(b"Ziara ya Mkuu", b"Caf\xe9 ya Mkuu")
CASES = [
    Case("impossible day in front matter", {NEWS: news(date="2026-02-30")},
         (f"{SHOWN}:3", "date:", "'2026-02-30' is not a day of the calendar")),
    Case("impossible month in front matter", {NEWS: news(date="2026-13-45")},
         (f"{SHOWN}:3", "date:", "'2026-13-45' is not a day of the calendar")),
    Case("impossible date-time", {NEWS: news(date="2026-04-31 09:00")},
         (f"{SHOWN}:3", "date:", "not a day of the calendar")),
    Case("impossible hour", {NEWS: news(date="2026-11-02 25:00")},
         (f"{SHOWN}:3", "date:", "'2026-11-02 25:00' is not a time of day")),
    Case("impossible day in the file name", {"news/2026-02-30-ziara.md": news()},
         ("content/news/2026-02-30-ziara.md", "the date 2026-02-30 at the start of the file name")),
    Case("impossible month in the file name", {"news/2026-13-45-ziara.md": news()},
         ("content/news/2026-13-45-ziara.md", "2026-13-45", "rename the file with a real date")),
    Case("Windows-1252 title", {NEWS: CP1252}, (f"{SHOWN}:2", "not saved as UTF-8", "Encoding: UTF-8")),
    Case("Windows-1252 in the body", {NEWS: news(body="Mstari\n\nWaziri alisema \u201cKaribu\u201d").encode("cp1252")},
         (f"{SHOWN}:8", "not saved as UTF-8")),
    Case("Latin-1 page", {"pages/about.md": "---\ntitle: Kuhusu s\xe9\n---\nMaandishi\n".encode("latin-1")},
         ("content/pages/about.md:2", "not saved as UTF-8")),
    Case("identity not in UTF-8", {"site.yaml": SITE_YAML.replace("Majaribio, en", "Maj\xe9ribio, en").encode("latin-1")},
         ("content/site.yaml:2", "not saved as UTF-8")),
    Case("non-UTF-8 file with a misspelt field", {NEWS: CP1252.replace(b"category", b"sumary: x\ncategory")},
         (f"{SHOWN}:2", "not saved as UTF-8", f"{SHOWN}:4: sumary: unknown field; did you mean 'summary'?")),
    Case("slug climbing out", {NEWS: news("slug: ../../x\n")},
         (f"{SHOWN}:5", "slug:", "'../../x' is not allowed")),
    Case("absolute slug", {NEWS: news("slug: /etc/cron.d/x\n")}, (f"{SHOWN}:5", "slug:", "without /")),
    Case("backslash slug", {NEWS: news("slug: ..\\\\..\\\\x\n")}, (f"{SHOWN}:5", "slug:")),
    Case("hidden-file slug", {NEWS: news("slug: .htaccess\n")}, (f"{SHOWN}:5", "slug:", "'.htaccess'")),
    Case("encoded slug", {NEWS: news("slug: \"%2e%2e%2fx\"\n")}, (f"{SHOWN}:5", "slug:")),
    Case("static link outside content", {NEWS: news(body="[Siri]({static}../../../../etc/passwd)")},
         (f"{SHOWN}:6", "the link {static}../../../../etc/passwd points outside the content folder")),
    Case("attach link outside content", {NEWS: news(body="Soma [hii]({attach}/../../etc/hostname).")},
         (f"{SHOWN}:6", "{attach}/../../etc/hostname points outside the content folder")),
    Case("filename link to the kit's settings", {NEWS: news(body="[x]({filename}../../pelicanconf.py)")},
         (f"{SHOWN}:6", "points outside the content folder")),
    Case("raw HTML link outside content", {NEWS: news(body='<a href="{static}/../tasks.py">kazi</a>')},
         (f"{SHOWN}:6", "{static}/../tasks.py points outside")),
    Case("link to a missing file", {NEWS: news(body="[Fomu]({static}/files/fomu.pdf)")},
         (f"{SHOWN}:6", "{static}/files/fomu.pdf points to a file that does not exist")),
    Case("front matter never closed", {NEWS: "---\ntitle: Ziara\ndate: 2026-11-02\ncategory: Maji\nMaandishi\n"},
         (f"{SHOWN}:1", "no closing '---' line")),
    Case("no front matter", {NEWS: "Ziara ya Mkuu wa Wilaya\n"}, (f"{SHOWN}:1", "must start with front matter")),
    Case("repeated key", {NEWS: news("title: Ziara nyingine\n")},
         (f"{SHOWN}:5", "title: is written twice (first on line 2)")),
    Case("repeated nested key", {"investments/shamba.md": (
        "---\ntitle: Shamba\nsector: agriculture\nstate: open\nlocation:\n  ward: Lumbe\n  ward: Kisanga\n"
        "size:\n  amount: 10\n  unit: hectares\ncontact:\n  name: Afisa\n---\nShamba.\n")},
         ("content/investments/shamba.md:7", "location.ward: is written twice")),
    Case("key that matches no file", {NEWS: news("key: 2026-11-01-habarii\n")},
         (f"{SHOWN}:5", "key:", "did you mean '2026-11-01-habari'?")),
    Case("translation key that matches no file", {"pages/about.en.md": "---\ntitle: About\nkey: abuot\n---\nUs.\n"},
         ("content/pages/about.en.md:3", "key:", "did you mean 'about'?")),
    Case("document field outside content", {"publications/ripoti.md": publication("files/../../../../etc/passwd")},
         ("content/publications/ripoti.md:5", "file:", "points outside content/files/")),
    Case("document list field outside content", {"tenders/zabuni.md": tender("files/../../tasks.py")},
         ("content/tenders/zabuni.md:9", "documents.0.file:", "points outside content/files/")),
    Case("document field into the identity", {"publications/ripoti.md": publication("files/../site.yaml")},
         ("content/publications/ripoti.md:5", "file:", "points outside content/files/")),
    Case("photo field outside content", {"galleries/picha.md": album("images/../../../../etc/x.jpg")},
         ("content/galleries/picha.md:5", "photos.0.file:", "points outside content/images/")),
    Case("photo field naming a document", {"galleries/picha.md": album("images/../files/tenders/tangazo.pdf")},
         ("content/galleries/picha.md:5", "photos.0.file:", "points outside content/images/")),
    Case("poster outside content", {"galleries/picha.md": "---\ntitle: Video\ndate: 2026-10-02\nvideos:\n"
                                    "  - poster: /etc/x.jpg\n    url: https://video.example/x\n    caption: C\n"
                                    "---\nP.\n"},
         ("content/galleries/picha.md:5", "videos.0.poster:", "points outside content/images/")),
    Case("portrait outside content", {"people/afisa.md": "---\nname: Afisa\nposition: Afisa Mipango\nunit: planning\n"
                                      "photo: ../../../etc/x.jpg\n---\nP.\n"},
         ("content/people/afisa.md:5", "photo:", "points outside content/images/")),
    Case("emblem outside content", {"site.yaml": SITE_YAML.replace("emblem: images/emblem.svg",
                                                                   "emblem: ../../../../etc/passwd")},
         ("content/site.yaml:5", "institution.emblem:", "is not a file under content/images/")),
    Case("site address climbing out", {NEWS: news(body="![Tanki](/images/../../../etc/x.jpg)")},
         (f"{SHOWN}:6", "the address /images/../../../etc/x.jpg climbs with '..'")),
    Case("aliases that expand without end", {NEWS: news("a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
                                                     + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n"
                                                               for n in range(1, 9)) + "summary: *a8\n")},
         (f"{SHOWN}:5", "'&a0' shares a value between fields", f"{SHOWN}:14", "'*a8'")),
    Case("alias in the identity", {"site.yaml": SITE_YAML.replace("copyright_holder: Halmashauri ya Majaribio",
                                                                  "copyright_holder: *x").replace(
        "  kind: district", "  kind: &x district")}, ("content/site.yaml:3", "'&x'", "write the value out")),
    Case("control character in a title", {NEWS: news().replace("Ziara ya Mkuu", "Ziara\x01 ya Mkuu")},
         (f"{SHOWN}:2", "this line holds an invisible control character (U+0001)")),
    Case("non-character in a category", {NEWS: news().replace("category: Maji", "category: \"Maji\\uFFFF\"")},
         (f"{SHOWN}:4", "category: holds an invisible control character (U+FFFF)")),
    Case("control character in a body", {NEWS: news(body="Mstari\n\nWaziri\x0balisema")},
         (f"{SHOWN}:8", "this line holds an invisible control character (U+000B)")),
    Case("control character in the identity", {"site.yaml": SITE_YAML.replace("en: Test Council",
                                                                              'en: "Test\\x01Council"')},
         ("content/site.yaml:2", "institution.name: holds an invisible control character")),
    Case("event in the year 9999", {"events/2026-12-09-sherehe.md": FILES["events/2026-12-09-sherehe.md"].replace(
        "start: 2026-12-09 09:00", "start: 9999-12-31 23:00\ntimezone: Etc/GMT+12")},
         ("content/events/2026-12-09-sherehe.md:3", "start: '9999-12-31 23:00' is outside the years 1800 to 2200")),
    Case("news in the year 1", {NEWS: news(date="0001-01-01 01:00")}, (f"{SHOWN}:3", "outside the years")),
    Case("page slug over the headers file", {"pages/kanuni.md": "---\ntitle: Kanuni\nslug: _headers\n---\nK.\n"},
         ("content/pages/kanuni.md:3", "slug: '_headers' is an address the kit writes itself")),
    Case("page file named like the headers file", {"pages/_headers.md": "---\ntitle: Kanuni\n---\nK.\n"},
         ("content/pages/_headers.md", "'_headers' is an address the kit writes itself", "another file name")),
    Case("page slug over the search index", {"pages/kanuni.md": "---\ntitle: K\nslug: pagefind\n---\nK.\n"},
         ("content/pages/kanuni.md:3", "'pagefind' is an address the kit writes itself")),
    Case("page slug over a language", {"pages/kanuni.md": "---\ntitle: K\nslug: en\n---\nK.\n"},
         ("content/pages/kanuni.md:3", "'en' is an address the kit writes itself")),
    Case("slug naming a file", {"pages/kanuni.md": "---\ntitle: K\nslug: robots.txt\n---\nK.\n"},
         ("content/pages/kanuni.md:3", "slug: 'robots.txt' is not allowed")),
    Case("script address in character references", {NEWS: news(body="[Bonyeza](&#106;avascript:alert(1))")},
         (f"{SHOWN}:6", "the address 'javascript:alert(", "is not allowed")),
    Case("vbscript address", {NEWS: news(body="[Bonyeza](vbscript:msgbox)")},
         (f"{SHOWN}:6", "the address 'vbscript:msgbox' is not allowed")),
    Case("data address in raw HTML", {NEWS: news(body='<a href="data:text/html;base64,PHNjcmlwdD4=">C</a>')},
         (f"{SHOWN}:6", "the address 'data:text/html;base64,PHNjcmlwdD4=' is not allowed")),
    Case("very long wrong value", {NEWS: news("status: " + "x" * 5000 + "\n")},
         (f"{SHOWN}:5", "status: '" + "x" * 60 + "…' is not allowed")),
    Case("document field as an absolute path", {"publications/ripoti.md": publication("/etc/passwd")},
         ("content/publications/ripoti.md:5", "file:", "expected a file under content/files/")),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_bad_file_stops_the_build_naming_file_line_and_field(tmp_path, case):
    assert_refused(tmp_path, case)


def test_a_byte_order_mark_is_accepted(tmp_path):
    site = assert_neutralised(tmp_path, Case("UTF-8 with BOM", {NEWS: b"\xef\xbb\xbf" + news().encode()}, ()))
    assert "Ziara ya Mkuu" in (site / "news" / "2026-11-02-ziara" / "index.html").read_text(encoding="utf-8")


def test_inside_compares_real_paths(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "away").symlink_to(tmp_path)
    assert inside(tmp_path / "content" / "news" / "x.md", tmp_path / "content")
    assert not inside(tmp_path / "content" / "away" / "secret", tmp_path / "content")
    assert not inside(tmp_path / "content-old" / "x.md", tmp_path / "content")


def test_read_source_names_the_line_of_the_first_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: A\n---\nline\nCaf\xe9\n")
    text, line = read_source(path)
    assert (text.splitlines()[0], line) == ("---", 5)
    path.write_bytes("---\ntitle: Caf\u00e9\n---\n".encode())
    assert read_source(path) == ("---\ntitle: Caf\u00e9\n---\n", None)


@pytest.mark.parametrize("slug, allowed", [
    ("ziara-ya-mkuu", True), ("افتتاح-طرح-آبرسانی", True), ("ziara ya mkuu", True),
    ("../x", False), ("a/b", False), ("x..y", False), (".git", False), ("a?b", False), ("a#b", False),
    ("a\\b", False), ("a\nb", False), ("100%", False)])
def test_a_slug_is_one_part_of_an_address(slug, allowed):
    assert (slug_problems(slug, "content/news/x.md", 5) == []) is allowed


def test_file_name_dates_must_exist():
    assert name_date_problems(Path("2024-02-29-leap.md"), "x") == []
    assert name_date_problems(Path("2025-02-29-no-leap.md"), "x") != []
    assert name_date_problems(Path("about.md"), "x") == []


def test_a_key_may_name_the_file_itself_or_another_file_of_its_folder(tmp_path):
    for name in ("about.md", "about.en.md", "contact.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert key_problems("about", tmp_path / "about.en.md", "p", 3) == []
    assert key_problems("contact", tmp_path / "about.en.md", "p", 3) == []
    assert key_problems(None, tmp_path / "about.en.md", "p", 3) == []
    assert key_problems("contcat", tmp_path / "about.en.md", "p", 3)[0].line == 3
