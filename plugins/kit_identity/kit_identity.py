"""Read the institution's identity (`site.yaml`) and menus (`menus.yaml`).

Both files live in the content folder, so an editor never opens a `.py` file.
They are checked once when Pelican starts; any problem stops the build with
every message listed. The checked data reaches templates as `SITE` and `MENUS`,
and the languages set Pelican's `DEFAULT_LANG`.

Two values also reach files that servers and programs read (robots.txt, the
sitemap, calendars, `_headers`, the nginx configuration), so they are held to a
strict form: `website` is a plain `https://host[:port]` address (a trailing `/`
is accepted and removed, the host is written in lower case), and each language
code is one that Babel knows, written as Babel writes it (`sw`, `en`, `fa`,
`pt_BR`), never an alias such as `swa` for `sw_TZ`.

Each `social:` account is shown under its network's name in the page's language,
from `social_networks.yaml` beside this file (Telegram is تلگرام on Persian
pages); an account on a network the kit does not know gives its own
`name: {sw: ..., en: ..., fa: ...}`, and without one the build stops and says so.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from kit_frontmatter.sources import encoding_problem, inside, read_source
from .sections import HOME_HELP, SECTIONS_HELP, chosen_sections, home_panels, section_problems
from kit_schema import BuildStopped, Field, Problem, check, closest, display_path, load_yaml, time_zones

IDENTITY_FILE = "site.yaml"
MENUS_FILE = "menus.yaml"
INSTITUTION_KINDS = ("region", "district", "city", "ministry", "agency", "provincial-office")
UNTRANSLATED_POLICIES = ("own-language", "all-languages")
TEXT_DIRECTIONS = {"fa": "rtl", "ar": "rtl", "ur": "rtl", "he": "rtl", "ps": "rtl"}
# https://, then a host name, an IPv4 address or an IPv6 one in [ ], an optional port, an optional /.
WEBSITE = re.compile(r"https://(?P<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}))?/?")
HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
WEBSITE_FIX = "write only the site's address, such as https://www.example.go.tz (a port such as :8443 may follow)"
# A language (2 or 3 letters), an optional script (Latn) and an optional region (TZ, 419).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?")

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
        "po_box": Field("translated", True, "e.g. S.L.P. 120, Mlimani; one line per language if it differs"),
        "phone": Field("text", True),
        "mobile": Field("text"),
        "whatsapp": Field("text"),
        "email": Field("email", True),
        "office_hours": Field("translated", True),
        "location": Field("mapping", fields={
            "latitude": Field("number", True), "longitude": Field("number", True),
            "description": Field("translated")}),
    }),
    "social": Field("mappings", fields={"network": Field("text", True), "url": Field("url", True),
                                        "name": Field("translated", False, "the network's name, if the kit "
                                                      "does not know it")}),
    "copyright_holder": Field("translated", True),
    "website": Field("url", True, "the public address, e.g. https://www.example.go.tz"),
    "timezone": Field("text", help="the office's time zone, e.g. Africa/Dar_es_Salaam or Asia/Tehran; "
                      "Africa/Dar_es_Salaam when left out"),
    "sections": Field("texts", help=SECTIONS_HELP),
    "home": Field("texts", help=HOME_HELP),
    "languages": Field("mapping", True, fields={
        "default": Field("text", True, "the code of one of the available languages"),
        "available": Field("mappings", True, fields=LANGUAGE),
        "untranslated": Field("choice", choices=UNTRANSLATED_POLICIES),
        "gregorian_beside_jalali": Field("boolean"),
    }),
    # The browser editor at /admin/ (plugins/kit_admin): where it reads and saves the content.
    "editor": Field("mapping", help="the git host of the browser editor at /admin/ (docs/editing-in-the-browser.md)",
                    fields={
        "backend": Field("choice", True, "the git host's kind", choices=("github", "gitlab", "gitea")),
        "repo": Field("text", True, "the repository, written owner/name (a GitLab group may have subgroups)"),
        "branch": Field("text", help="the branch the site is built from; main when left out"),
        "api_root": Field("url", help="a self-hosted GitLab or Gitea/Forgejo: its API address, such as "
                                      "https://git.example.go.tz/api/v4 (GitLab) or .../api/v1 (Gitea)"),
        "workflow": Field("boolean", help="true: changes wait as pull or merge requests for review "
                                          "(GitHub and GitLab only)"),
    }),
}
# The networks the kit knows: {network: {language code: name}}; `en` also names them in other languages.
NETWORKS: dict[str, dict[str, str]] = yaml.safe_load(
    (Path(__file__).with_name("social_networks.yaml")).read_text(encoding="utf-8"))
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
    text, bad_line = read_source(path)
    if bad_line:
        return None, {}, [encoding_problem(shown, bad_line)], shown
    return *load_yaml(text, shown), shown


def language_codes(identity: dict) -> tuple[str, ...]:
    """The site's language codes, in switcher order (none when the file has no list of them)."""
    return tuple(str(item.get("code")) for item in _available(identity) if isinstance(item, dict))


def _languages(identity: dict) -> dict:
    languages = (identity or {}).get("languages")
    return languages if isinstance(languages, dict) else {}


def _available(identity: dict) -> list:
    available = _languages(identity).get("available")
    return available if isinstance(available, list) else []


def website_problem(value: Any) -> str | None:
    """Why `value` is not a plain https://host[:port] address, or None when it is one."""
    text = str(value)
    if re.search(r"[\s\x00-\x1f\x7f]", text):
        return f"has a space or a line break in it; {WEBSITE_FIX}"
    if not text.startswith("https://"):
        return f"'{text}' must start with https:// (the site is only served over HTTPS); {WEBSITE_FIX}"
    if not text.isascii():
        return f"'{text}' has letters outside a-z; write the host name in its xn-- form; {WEBSITE_FIX}"
    match = WEBSITE.fullmatch(text)
    if not match:
        return (f"'{text}' holds more than the site's address (a path, ?query, #part, user name, quote, "
                f"semicolon or brace); {WEBSITE_FIX}")
    if not valid_host(match["host"].lower()):
        return f"'{match['host']}' is not a valid host name or IP address; {WEBSITE_FIX}"
    if match["port"] and not 1 <= int(match["port"]) <= 65535:
        return f"the port {match['port']} is not between 1 and 65535; {WEBSITE_FIX}"
    return None


def valid_host(host: str) -> bool:
    """A host name of letters, digits and hyphens (RFC 1123), an IPv4 address, or an IPv6 one in [ ]."""
    try:
        if host.startswith("["):
            return bool(ipaddress.IPv6Address(host[1:-1]))
        if re.fullmatch(r"[0-9.]+", host):
            return bool(ipaddress.IPv4Address(host))
    except ValueError:
        return False
    labels = host.split(".")
    return len(host) <= 253 and all(HOST_LABEL.fullmatch(label) for label in labels) and not labels[-1].isdigit()


def plain_website(value: str) -> str:
    """A checked website as every file uses it: no trailing /, the host in lower case."""
    match = WEBSITE.fullmatch(value)
    return f"https://{match['host'].lower()}" + (f":{match['port']}" if match["port"] else "")


def language_code_problem(code: Any) -> str | None:
    """Why `code` is not a language code that Babel knows as written, or None when it is one."""
    if isinstance(code, bool):
        return "YAML read this as true or false; put the code in quotes, e.g. code: \"no\""
    text = str(code)
    known = babel_name(text)
    if known == text and LANGUAGE_CODE.fullmatch(text):
        return None
    known = known or babel_name(text.replace("-", "_"))
    meant = meant_code(text, known)
    advice = f"did you mean '{meant}'? Write" if meant else "write"
    return (f"'{text}' is not a known language code; {advice} a code of two or three letters such as sw, en "
            "or fa (with a region if needed, such as pt_BR)")


def babel_name(text: str) -> str:
    """The locale Babel reads `text` as ('swa' gives 'sw_TZ'), or '' when Babel knows none."""
    try:
        return str(Locale.parse(text))
    except (ValueError, TypeError, UnknownLocaleError):
        return ""


def meant_code(text: str, known: str) -> str:
    """The code the editor clearly meant ('pt_br' and 'en-GB' as Babel writes them, the
    language of an alias such as 'swa'), or '' when there is none to suggest."""
    written, language = text.lower().replace("-", "_"), known.split("_")[0]
    if written == known.lower() and LANGUAGE_CODE.fullmatch(known):
        return known
    return language if LANGUAGE_CODE.fullmatch(language) and written.startswith(language) else ""


def language_problems(data: dict, lines: dict[str, int], shown: str) -> list[Problem]:
    """Every unknown or repeated language code, and a default that is not among them."""
    problems, seen = [], []
    for number, item in enumerate(_available(data)):
        name = f"languages.available.{number}.code"
        code = item.get("code") if isinstance(item, dict) else None
        reason = language_code_problem(code) if isinstance(code, (str, int, float)) and code != "" else None
        if reason is None and code in seen:
            reason = f"'{code}' is listed twice; list each language once"
        if reason:
            problems.append(Problem(shown, lines.get(name), name, reason))
        seen.append(code)
    default, codes = _languages(data).get("default"), language_codes(data)
    if isinstance(default, (str, int, float)) and default != "" and codes and str(default) not in codes:
        problems.append(Problem(shown, lines.get("languages.default"), "languages.default",
                                f"'{default}' is not among the available languages ({', '.join(codes)}); "
                                "write one of them"))
    return problems


def emblem_problems(identity: dict, content_path: Path, lines: dict[str, int], shown: str) -> list[Problem]:
    """The emblem must be a file under content/images/ (never one outside content/)."""
    emblem = str((identity.get("institution") or {}).get("emblem") or "") if isinstance(
        identity.get("institution"), dict) else ""
    target = content_path / emblem.lstrip("/")
    if not emblem or (inside(target, content_path / "images") and target.is_file()):
        return []
    return [Problem(shown, lines.get("institution.emblem"), "institution.emblem",
                    f"'{emblem}' is not a file under content/images/; write it as images/emblem.svg")]


def network_key(network: Any) -> str:
    """The network as `social_networks.yaml` lists it: trimmed, lower case."""
    return str(network).strip().lower()


def social_problems(identity: dict, lines: dict[str, int], shown: str) -> list[Problem]:
    """An account on a network the kit does not know, without a name of its own."""
    accounts = identity.get("social")
    problems = []
    for number, account in enumerate(accounts if isinstance(accounts, list) else []):
        network = account.get("network") if isinstance(account, dict) else None
        if network in (None, "") or network_key(network) in NETWORKS or account.get("name") not in (None, ""):
            continue
        close = closest(network_key(network), NETWORKS)
        hint = f"did you mean '{close}'? Write" if close else "write"
        problems.append(Problem(shown, lines.get(f"social.{number}.network"), f"social.{number}.network",
                                f"'{network}' is not a network the kit knows; {hint} one of: {', '.join(NETWORKS)}; "
                                "or give its name on this account: name: {sw: ..., en: ..., fa: ...}"))
    return problems


def network_names(account: dict, codes: tuple[str, ...], default_lang: str) -> dict[str, str]:
    """The account's network name in each site language: the editor's name, else the kit's."""
    written = account.get("name")
    if written not in (None, "") and not isinstance(written, dict):
        written = {code: written for code in codes}
    written = {str(code): str(text) for code, text in (written or {}).items()}
    known = NETWORKS.get(network_key(account["network"]), {})
    fallback = written.get(default_lang) or next(iter(written.values()), "") or known.get("en", "")
    return {code: written.get(code) or known.get(code) or known.get("en") or fallback for code in codes}


def named_accounts(identity: dict) -> list[dict]:
    """The social accounts, each with `name`: its network's name per site language."""
    codes, default_lang = language_codes(identity), identity["languages"]["default"]
    return [account | {"name": network_names(account, codes, default_lang)} for account in identity.get("social") or []]


def timezone_problems(identity: dict, lines: dict[str, int], shown: str) -> list[Problem]:
    """A problem when `timezone` names no time zone of the IANA database."""
    name = identity.get("timezone")
    if name in (None, "") or str(name) in time_zones():
        return []
    close = closest(str(name), time_zones())
    hint = f"did you mean '{close}'? " if close else ""
    return [Problem(shown, lines.get("timezone"), "timezone", f"'{name}' is not a time zone; {hint}"
                    "write a name such as Africa/Dar_es_Salaam or Asia/Tehran")]


def load_identity(content_path: Path) -> tuple[dict, list[Problem]]:
    """The checked identity, and every problem in it; its website without a trailing /."""
    path = content_path / IDENTITY_FILE
    data, lines, problems, shown = read_yaml_file(path)
    if problems:
        return {}, problems
    mapping = data if isinstance(data, dict) else {}
    problems = check(data, IDENTITY_SCHEMA, shown, lines, language_codes(mapping))
    problems += language_problems(mapping, lines, shown)
    if mapping.get("website") and not any(problem.field == "website" for problem in problems):
        reason = website_problem(mapping["website"])
        problems += [Problem(shown, lines.get("website"), "website", reason)] if reason else []
    problems += emblem_problems(mapping, content_path, lines, shown)
    problems += social_problems(mapping, lines, shown)
    problems += timezone_problems(mapping, lines, shown)
    problems += section_problems(mapping, lines, shown)
    if problems:
        return {}, problems
    return mapping | {"website": plain_website(mapping["website"]), "social": named_accounts(mapping)}, problems


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
    from kit_types import use_paths

    use_paths(pelican.settings.get("KIT_TYPE_PATHS", []))  # the sections are checked against every type
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
    settings["TIMEZONE"] = str(identity.get("timezone") or settings.get("TIMEZONE") or "UTC")
    settings["KIT_SECTIONS"] = chosen_sections(identity)
    settings["KIT_HOME"] = home_panels(identity)
    settings["UNTRANSLATED"] = identity["languages"].get("untranslated") or "own-language"
    settings["SHOW_GREGORIAN"] = bool(identity["languages"].get("gregorian_beside_jalali"))
    # Pages link with root-relative addresses, so a build works on any host; feeds,
    # the sitemap and hreflang alternates need absolute ones, in production only.
    settings["SITE_ADDRESS"] = identity["website"] if settings.get("KIT_PRODUCTION") else ""
    settings["SITENAME"] = _default_text(identity["institution"]["name"], settings["DEFAULT_LANG"])


def _default_text(value: Any, default_lang: str) -> str:
    return str(value.get(default_lang, next(iter(value.values())))) if isinstance(value, dict) else str(value)
