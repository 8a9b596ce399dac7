"""Turn a kit corpus into a minimal multilingual Hugo site for the same content.

`write_hugo_site(content, site)` writes `site/hugo.toml` (Swahili, the default
language, at the root; English and Persian under /en/ and /fa/; sections
paginated by 10), four small templates (base, home, section list, single page)
and a copy of every content folder (news, pages, units...), other files as static. Hugo finds translations from the
file names (`x.md`, `x.en.md`, `x.fa.md`) as the kit does. The copy changes
only what Hugo reads differently: dates become RFC 3339 with the site's UTC
offset, Pelican's `{filename}`/`{index}`/`{static}` links become plain addresses, and
`status: hidden` becomes `_build: {list: never}`.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import yaml

from bench.corpus import DEFAULT_LANG, LANGS, item_key, item_lang, read_item

UTC_OFFSET = datetime.timezone(datetime.timedelta(hours=3))  # Africa/Dar_es_Salaam, no DST
LINK = re.compile(r"\{filename\}/?([^)\s]+?)\.md|\{index\}|\{(?:static|attach)\}/?")
DIRECTIONS = {"fa": "rtl"}
LANGUAGE_NAMES = {"sw": "Kiswahili", "en": "English", "fa": "فارسی"}
PAGE_SIZE = 10

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}" dir="{{ .Site.Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
"""

CARD = """<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}
<p>{{ .Summary }}</p></article>
"""

HOME = """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range first 4 (where .Site.RegularPages "Section" "news") }}""" + CARD + """{{ end }}
{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}""" + CARD + """{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}
{{ with .Params.category }}<p>{{ . }}</p>{{ end }}
{{ with .Params.tags }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
{{ end }}
"""

LAYOUTS = {"_default/baseof.html": BASEOF, "index.html": HOME, "_default/list.html": LIST,
           "_default/single.html": SINGLE}


def prefix(lang: str) -> str:
    return "/" if lang == DEFAULT_LANG else f"/{lang}/"


def source_files(content: Path) -> list[Path]:
    """Every Markdown file of every content folder (news, pages, units...)."""
    return sorted(content.glob("*/*.md"))


def copy_static(content: Path, site: Path) -> None:
    """Images and other files of the content folders, at the same addresses."""
    for path in sorted(content.glob("*/**/*")):
        if path.is_file() and path.suffix != ".md":
            target = site / "static" / path.relative_to(content)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def address_book(files: list[Path]) -> dict[tuple[str, str, str], str]:
    """(kind, key, lang) -> the address Hugo gives that file (its slug, else its key)."""
    book = {}
    for path in files:
        front, _ = read_item(path)
        lang, kind = item_lang(path), path.parent.name
        book[(kind, item_key(path), lang)] = f"{prefix(lang)}{kind}/{front.get('slug') or item_key(path)}/"
    return book


def rewrite_links(body: str, lang: str, book: dict) -> str:
    """Pelican's `{filename}/kind/key.lang.md`, `{index}` and `{static}/` as Hugo addresses."""
    def replace(match: re.Match) -> str:
        if match.group(0).startswith(("{static}", "{attach}")):
            return "/"
        if match.group(1) is None:
            return prefix(lang)
        kind, _, name = match.group(1).partition("/")
        key, _, code = name.partition(".")
        return book[(kind, key, code or DEFAULT_LANG)]
    return LINK.sub(replace, body)


def hugo_front_matter(front: dict) -> dict:
    """The kit's front matter as Hugo reads it."""
    data = dict(front)
    if "date" in data:
        moment = datetime.datetime.fromisoformat(str(data["date"]))
        data["date"] = moment.replace(tzinfo=UTC_OFFSET).isoformat()
    if data.pop("status", None) == "hidden":
        data["_build"] = {"list": "never"}
    return data


def convert_file(path: Path, target: Path, book: dict) -> None:
    front, body = read_item(path)
    header = yaml.safe_dump(hugo_front_matter(front), allow_unicode=True, sort_keys=False)
    target.write_text(f"---\n{header}---\n{rewrite_links(body, item_lang(path), book)}", encoding="utf-8")


def institution_names(content: Path) -> dict[str, str]:
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    return {lang: str(site["institution"]["name"].get(lang, "")) for lang in LANGS}


def config_text(content: Path) -> str:
    """hugo.toml: three languages, the default at the root, lists paginated by 10."""
    names = institution_names(content)
    lines = ['baseURL = "https://www.mlimanidc.go.tz/"', f"title = {json.dumps(names[DEFAULT_LANG])}",
             f'defaultContentLanguage = "{DEFAULT_LANG}"', "defaultContentLanguageInSubdir = false",
             f"paginate = {PAGE_SIZE}", 'disableKinds = ["taxonomy", "term"]', "enableRobotsTXT = true",
             'timeZone = "Africa/Dar_es_Salaam"', ""]
    for weight, lang in enumerate(LANGS, start=1):
        lines += [f"[languages.{lang}]", f"languageName = {json.dumps(LANGUAGE_NAMES[lang], ensure_ascii=False)}",
                  f"title = {json.dumps(names[lang], ensure_ascii=False)}", f"weight = {weight}",
                  f'languageDirection = "{DIRECTIONS.get(lang, "ltr")}"', ""]
    return "\n".join(lines)


def write_layouts(site: Path) -> None:
    for name, text in LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_hugo_site(content: Path, site: Path) -> Path:
    """Write the Hugo site for the corpus in `content` into `site` and return `site`."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text(config_text(content), encoding="utf-8")
    write_layouts(site)
    copy_static(content, site)
    files = source_files(content)
    book = address_book(files)
    for path in files:
        target = site / "content" / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        convert_file(path, target, book)
    return site
