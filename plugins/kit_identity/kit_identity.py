"""Read the institution's identity (`site.yaml`) and menus (`menus.yaml`).

Both files live in the content folder, so an editor never opens a `.py` file.
They are checked once when Pelican starts; any problem stops the build with
every message listed. The checked data reaches templates as `SITE` and `MENUS`,
and the languages set Pelican's `DEFAULT_LANG`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from kit_schema import BuildStopped, Field, Problem, check, display_path, load_yaml

IDENTITY_FILE = "site.yaml"
MENUS_FILE = "menus.yaml"
INSTITUTION_KINDS = ("region", "district", "city", "ministry", "agency")
UNTRANSLATED_POLICIES = ("own-language", "all-languages")
TEXT_DIRECTIONS = {"fa": "rtl", "ar": "rtl", "ur": "rtl", "he": "rtl", "ps": "rtl"}

LANGUAGE = {"code": Field("text", True, "a language code such as sw"),
            "name": Field("text", True, "the language's name in itself")}
IDENTITY_SCHEMA: dict[str, Field] = {
    "institution": Field("mapping", True, fields={
        "name": Field("translated", True),
        "short_name": Field("translated"),
        "kind": Field("choice", True, choices=INSTITUTION_KINDS),
        "parent": Field("translated", True, "the authority the institution reports to"),
        "emblem": Field("text", True, "a file in the content folder, e.g. images/emblem.svg"),
        "emblem_alt": Field("translated", True),
        "motto": Field("translated"),
    }),
    "contact": Field("mapping", True, fields={
        "postal_address": Field("translated", True),
        "po_box": Field("text", True),
        "phone": Field("text", True),
        "mobile": Field("text"),
        "whatsapp": Field("text"),
        "email": Field("email", True),
        "office_hours": Field("translated", True),
        "location": Field("mapping", fields={
            "latitude": Field("number", True), "longitude": Field("number", True),
            "description": Field("translated")}),
    }),
    "social": Field("mappings", fields={"network": Field("text", True), "url": Field("url", True)}),
    "copyright_holder": Field("translated", True),
    "website": Field("url", True, "the public address, e.g. https://www.example.go.tz"),
    "languages": Field("mapping", True, fields={
        "default": Field("text", True, "the code of one of the available languages"),
        "available": Field("mappings", True, fields=LANGUAGE),
        "untranslated": Field("choice", choices=UNTRANSLATED_POLICIES),
        "gregorian_beside_jalali": Field("boolean"),
    }),
}
MENU_ITEM = {"label": Field("translated", True), "link": Field("text", True)}
MENUS_SCHEMA: dict[str, Field] = {
    name: Field("mappings", name == "main", fields=MENU_ITEM)
    for name in ("main", "quick_links", "footer")
}


def read_yaml_file(path: Path) -> tuple[Any, dict[str, int], list[Problem], str]:
    """Load one YAML file, or say that it is missing; last, its path as shown to editors."""
    shown = display_path(path, path.parent)
    if not path.is_file():
        return None, {}, [Problem(shown, None, "", "this file is missing; copy it from the kit's demo content")], shown
    return *load_yaml(path.read_text(encoding="utf-8"), shown), shown


def language_codes(identity: dict) -> tuple[str, ...]:
    """The site's language codes, in switcher order."""
    languages = (identity or {}).get("languages") or {}
    available = languages.get("available") or []
    return tuple(str(item.get("code")) for item in available if isinstance(item, dict))


def load_identity(content_path: Path) -> tuple[dict, list[Problem]]:
    """The checked identity, and every problem in it."""
    path = content_path / IDENTITY_FILE
    data, lines, problems, shown = read_yaml_file(path)
    if problems:
        return {}, problems
    codes = language_codes(data if isinstance(data, dict) else {})
    problems = check(data, IDENTITY_SCHEMA, shown, lines, codes)
    default = ((data or {}).get("languages") or {}).get("default")
    if default and codes and default not in codes:
        problems.append(Problem(shown, lines.get("languages.default"), "languages.default",
                                f"'{default}' is not among the available languages ({', '.join(codes)})"))
    return (data if not problems else {}), problems


def load_menus(content_path: Path, codes: tuple[str, ...]) -> tuple[dict, list[Problem]]:
    """The checked menus, and every problem in them (links are checked later)."""
    path = content_path / MENUS_FILE
    data, lines, problems, shown = read_yaml_file(path)
    if problems:
        return {}, problems
    problems = check(data, MENUS_SCHEMA, shown, lines, codes)
    menus = {name: data.get(name) or [] for name in MENUS_SCHEMA} if not problems else {}
    for name, items in menus.items():
        for number, item in enumerate(items):
            item["line"] = lines.get(f"{name}.{number}.link")
    return menus, problems


def languages_of(identity: dict) -> list[dict[str, str]]:
    """Each language as {code, name, dir}, in switcher order."""
    return [{"code": str(item["code"]), "name": str(item["name"]),
             "dir": TEXT_DIRECTIONS.get(str(item["code"]), "ltr")}
            for item in identity["languages"]["available"]]


def apply_identity(pelican) -> None:
    """Check both files and put them into the settings, or stop the build."""
    content_path = Path(pelican.settings["PATH"])
    identity, problems = load_identity(content_path)
    codes = language_codes(identity)
    menus, menu_problems = load_menus(content_path, codes) if identity else ({}, [])
    if problems or menu_problems:
        raise BuildStopped(problems + menu_problems)
    settings = pelican.settings
    settings["SITE"] = identity
    settings["MENUS"] = menus
    settings["LANGUAGES"] = languages_of(identity)
    settings["DEFAULT_LANG"] = identity["languages"]["default"]
    settings["UNTRANSLATED"] = identity["languages"].get("untranslated") or "own-language"
    settings["SHOW_GREGORIAN"] = bool(identity["languages"].get("gregorian_beside_jalali"))
    # Pages link with root-relative addresses, so a build works on any host; feeds,
    # the sitemap and hreflang alternates need absolute ones, in production only.
    settings["SITE_ADDRESS"] = str(identity["website"]).rstrip("/") if settings.get("KIT_PRODUCTION") else ""
    settings["SITENAME"] = _default_text(identity["institution"]["name"], settings["DEFAULT_LANG"])


def _default_text(value: Any, default_lang: str) -> str:
    return str(value.get(default_lang, next(iter(value.values())))) if isinstance(value, dict) else str(value)


def register() -> None:
    # initialized: the identity must be known before any content is read.
    signals.initialized.connect(apply_identity)
