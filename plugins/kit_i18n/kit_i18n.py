"""Every language of the site in one Pelican run.

Languages come from the identity (`LANGUAGES`, `DEFAULT_LANG`). The theme's
Babel catalogs are compiled in memory the first time a language is rendered, so
no `.mo` file is kept. Templates get a gettext that follows the language of the page being
rendered, so one Jinja environment serves all languages. Each content file gets
its language and translation key from its name (`about.en.md`) unless its front
matter says otherwise, and a stable slug (its key, or an explicit Unicode slug).
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican.utils import slugify

import kit_dates
from kit_schema import Problem
from kit_build.problems import report

CATALOG_DIR = Path(__file__).resolve().parents[2] / "theme" / "translations"


def compile_catalog(po_path: Path) -> gettext.GNUTranslations:
    """Compile one .po file in memory, skipping fuzzy entries."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def incomplete_messages(po_path: Path) -> list[str]:
    """What a catalog lacks: the msgids (singular) that are untranslated or fuzzy, that miss a
    msgstr[n] of their language's plural forms, or that count something ("%(count)s results")
    without a plural form (`ngettext`); and "Plural-Forms: <rule>" when its header has another
    rule than CLDR's for its language."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    rules = {"sw": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);",
             "fa": "nplurals=2; plural=(n > 1);"}  # CLDR: Persian "one" is 0 and 1, "other" the rest
    rule = rules.get(str(catalog.locale), catalog.plural_forms)
    counts = re.compile(r"%\((?:num|count)\)s \w")  # a number followed by what it counts
    problems = [] if catalog.plural_forms == rule else [f"Plural-Forms: {rule}"]
    for message in (message for message in catalog if message.id):
        forms = list(message.string) if message.pluralizable else [message.string]
        needed = catalog.num_plurals if message.pluralizable else 1
        if (message.fuzzy or len(forms) < needed or not all(forms[:needed])
                or (not message.pluralizable and counts.search(message.id))):
            problems.append(message.id[0] if message.pluralizable else message.id)
    return problems


@functools.cache
def catalog_for(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`, once per process; msgids are English."""
    po_path = CATALOG_DIR / lang / "LC_MESSAGES" / "messages.po"
    return compile_catalog(po_path) if po_path.is_file() else gettext.NullTranslations()


def translate(lang: str, message: str) -> str:
    """The theme string `message` in `lang`."""
    return catalog_for(lang).gettext(message)


def translated_text(value: Any, lang: str, default_lang: str) -> str:
    """A value written either as plain text or as one line per language."""
    if isinstance(value, dict):
        chosen = value.get(lang, value.get(default_lang, next(iter(value.values()), "")))
        return str(chosen)
    return "" if value is None else str(value)


def lang_prefix(lang: str, default_lang: str) -> str:
    """'' for the default language (site root), else 'xx/'."""
    return "" if lang == default_lang else f"{lang}/"


@pass_context
def page_lang(context) -> str:
    """The language of the page being rendered."""
    if context.get("lang_code"):
        return context["lang_code"]
    for name in ("article", "page"):
        item = context.get(name)
        if getattr(item, "lang", None):
            return item.lang
    return context["DEFAULT_LANG"]


@pass_context
def page_dir(context) -> str:
    code = page_lang(context)
    return next((lang["dir"] for lang in context["LANGUAGES"] if lang["code"] == code), "ltr")


@pass_context
def _gettext(context, message: str) -> str:
    return translate(page_lang(context), message)


@pass_context
def _ngettext(context, singular: str, plural: str, number: int) -> str:
    return catalog_for(page_lang(context)).ngettext(singular, plural, number)


@pass_context
def text_filter(context, value: Any) -> str:
    """`{{ SITE.institution.name|t }}`: the value in the page's language."""
    return translated_text(value, page_lang(context), context["DEFAULT_LANG"])


@pass_context
def date_filter(context, value) -> str:
    """`{{ article.date|kdate }}`: a date in the page's language and calendar."""
    return kit_dates.format_date(value, page_lang(context), context.get("SHOW_GREGORIAN", False))


_format_number = functools.lru_cache(maxsize=8192)(kit_dates.format_number)  # page numbers repeat a lot


@pass_context
def number_filter(context, value) -> str:
    """`{{ count|knum }}`: a number (or text with digits) in the page's digits."""
    lang = page_lang(context)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _format_number(value, lang)
    return kit_dates.to_native_digits(str(value), lang)


@pass_context
def year_filter(context, value) -> str:
    """`{{ date|kyear }}`: the year in the page's calendar and digits."""
    lang = page_lang(context)
    year = kit_dates.jalali_parts(value)[0] if lang == "fa" else value.year
    return kit_dates.to_native_digits(str(year), lang)


@pass_context
def coordinate_filter(context, value) -> str:
    """`{{ location.latitude|kcoord }}`: a latitude or longitude with all its decimals, in the page's digits."""
    lang = page_lang(context)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return kit_dates.format_coordinate(value, lang)
    return kit_dates.to_native_digits(str(value), lang)


@pass_context
def page_comma(context) -> str:
    """`{{ page_comma() }}`: the comma of the page's language (، in Persian), for joins around markup."""
    return kit_dates.list_mark(page_lang(context))


@pass_context
def join_filter(context, values, kind: str = "comma") -> str:
    """`{{ page.funders|kjoin }}`: the non-empty values joined by the page's comma (or "semicolon")."""
    escaped = context.eval_ctx.autoescape
    text = kit_dates.join_words([escape(value) if escaped else str(value) for value in values
                                 if value not in (None, "")], page_lang(context), kind)
    return Markup(text) if escaped else text


def N_(message: str) -> str:
    """Mark a theme string for the catalogs; it is translated when rendered."""
    return message


def install(generator) -> None:
    """Give a generator's Jinja environment the language-aware helpers."""
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    env.filters.update({"t": text_filter, "kdate": date_filter, "knum": number_filter, "kyear": year_filter,
                        "kcoord": coordinate_filter, "kjoin": join_filter, "isodate": kit_dates.iso_date})
    env.globals.update({"page_lang": page_lang, "page_dir": page_dir, "page_comma": page_comma})


def name_item(generator, metadata: dict) -> None:
    """Set language, key, slug and URL section of an item from its file name."""
    settings = generator.settings
    metadata.setdefault("lang", settings["DEFAULT_LANG"])
    codes = [lang["code"] for lang in settings["LANGUAGES"]]
    if metadata["lang"] not in codes:
        report(Problem(
            f"content/{metadata.get('kind', '')}/{metadata.get('key', '')}", None, "lang",
            f"'{metadata['lang']}' is not a language of this site; use one of {', '.join(codes)} "
            "or add it to languages in content/site.yaml"))
    key = str(metadata.get("key") or "")
    metadata["key"] = key
    explicit = str(metadata.get("slug") or "").strip()
    metadata["slug"] = explicit.replace(" ", "-") if explicit else slugify(
        key, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"], use_unicode=True)
    kind = metadata.get("kind", "")
    metadata["section"] = "" if kind == "pages" else f"{kind}/"
    metadata["prefix"] = lang_prefix(metadata["lang"], settings["DEFAULT_LANG"])
    if key == "404":
        metadata["save_as"] = f"{metadata['prefix']}404.html"
        metadata["url"] = f"{metadata['prefix']}404.html"
