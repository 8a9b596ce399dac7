"""`make init-site`: write the minimal content folder of a new institution.

The folder holds what every site needs and nothing of the demo: the identity
(`site.yaml`), the menus (`menus.yaml`, every link of which resolves), the
required pages in each language (about, contact, privacy, accessibility, 404),
and a placeholder emblem that passes the kit's SVG allowlist. It builds at once;
the editor then replaces each placeholder text, which says what to write.

Each value comes from an option; a missing one is asked for when standard input
is a terminal, and otherwise the command stops and lists every missing option,
so CI can run it with no terminal. A target folder that is not empty is never
overwritten without `force`.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from kit_identity.kit_identity import INSTITUTION_KINDS, load_identity, load_menus, website_problem
from kit_schema import did_you_mean, time_zones
from kit_schema.kit_schema import EMAIL

DEFAULT_TIMEZONE = "Africa/Dar_es_Salaam"
REQUIRED = ("name", "kind", "languages", "website", "email", "phone")
PAGES = ("about", "contact", "privacy", "accessibility", "404")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
QUESTIONS = {
    "name": "Name of the institution (as the header shows it)",
    "kind": f"Kind ({', '.join(INSTITUTION_KINDS)})",
    "languages": "Languages, in the order of the language switcher (e.g. sw,en)",
    "default": "Default language (its pages are at the root of the site)",
    "website": "Public address of the site (e.g. https://www.example.go.tz)",
    "email": "Public e-mail address",
    "phone": "Public telephone number",
    "timezone": "Time zone of the office",
    "sections": "Sections the site publishes, comma-separated (content folders)",
}
EVERY_TYPE = ("news", "press-releases", "announcements", "speeches", "units", "events", "tenders",
              "publications", "people", "services", "faq", "projects", "investments", "galleries",
              "profile", "feedback", "pages")
WITHOUT = {  # what each kind of institution usually leaves out; `--sections` says otherwise
    "region": (), "district": (), "city": (),
    "ministry": ("investments", "profile"), "agency": ("investments", "profile", "projects"),
    "provincial-office": ("tenders", "projects", "investments", "profile", "services"),
}

# The placeholder texts, per language: what the editor replaces.
TEXTS: dict[str, dict[str, Any]] = {
    "sw": {
        "language": "Kiswahili",
        "parent": "Andika jina la mamlaka inayosimamia taasisi hii",
        "postal_address": "Andika anwani ya ofisi",
        "po_box": "Andika sanduku la posta (S.L.P.)",
        "office_hours": "Andika siku na saa za kazi",
        "emblem_alt": "Nembo",
        "labels": {"home": "Mwanzo", "about": "Kuhusu sisi", "contact": "Wasiliana nasi",
                   "accessibility": "Taarifa ya ufikivu", "privacy": "Sera ya faragha",
                   "sitemap": "Ramani ya tovuti"},
        "pages": {
            "about": ("Kuhusu sisi", "Sisi ni nani na tunafanya nini.",
                      "Andika hapa taasisi hii ni nini, inawahudumia wananchi vipi, iko chini ya mamlaka gani "
                      "na imepangwa vipi. Andika aya chache fupi zenye vichwa vidogo, kwa mfano Historia, Dira "
                      "na Dhamira."),
            "contact": ("Wasiliana nasi", "Jinsi ya kuwasiliana na ofisi yetu.",
                        "Andika hapa jinsi wananchi wanavyofika ofisini, saa za kazi, na nani wa kumwona kwa "
                        "kila huduma. Namba ya simu, barua pepe na anwani huonekana chini ya kila ukurasa; "
                        "zibadilishe katika faili site.yaml."),
            "privacy": ("Sera ya faragha", "Taarifa tunazohifadhi kuhusu wanaotembelea tovuti hii.",
                        "Andika hapa taarifa ambazo seva inahifadhi (kwa mfano anwani za IP katika kumbukumbu "
                        "za seva), kwa muda gani na kwa nini. Tovuti hii haitumii vidakuzi wala mifumo ya "
                        "kufuatilia wageni."),
            "accessibility": ("Taarifa ya ufikivu", "Jinsi tunavyofanya tovuti hii itumike na kila mtu.",
                              "Andika hapa lengo la ufikivu (WCAG 2.1, kiwango AA), sehemu ambazo bado "
                              "hazijakamilika, na jinsi mtu anavyoweza kuripoti tatizo la ufikivu."),
            "404": ("Ukurasa haupatikani", "Ukurasa uliotafuta haupo.",
                    "Samahani, ukurasa huu haupatikani. Tumia menyu iliyo juu ya ukurasa, au ramani ya tovuti "
                    "iliyo chini yake."),
        },
    },
    "en": {
        "language": "English",
        "parent": "Write the name of the authority this institution reports to",
        "postal_address": "Write the office's address",
        "po_box": "Write the P.O. Box",
        "office_hours": "Write the office's days and hours",
        "emblem_alt": "Emblem",
        "labels": {"home": "Home", "about": "About us", "contact": "Contact us",
                   "accessibility": "Accessibility statement", "privacy": "Privacy policy",
                   "sitemap": "Sitemap"},
        "pages": {
            "about": ("About us", "Who we are and what we do.",
                      "Write here what this institution is, what it does for the public, whom it reports to "
                      "and how it is organised. Write a few short paragraphs under small headings, such as "
                      "History, Vision and Mission."),
            "contact": ("Contact us", "How to reach our office.",
                        "Write here how people reach the office, its working hours, and whom to see for each "
                        "service. The phone number, e-mail and address are shown at the foot of every page; "
                        "change them in the file site.yaml."),
            "privacy": ("Privacy policy", "What we keep about the visitors of this site.",
                        "Write here what the server keeps (for example IP addresses in its logs), for how long "
                        "and why. This site uses no cookies and no visitor tracking."),
            "accessibility": ("Accessibility statement", "How we make this site usable by everyone.",
                              "Write here the accessibility goal (WCAG 2.1, level AA), the parts that do not "
                              "meet it yet, and how someone reports an accessibility problem."),
            "404": ("Page not found", "The page you looked for is not here.",
                    "Sorry, this page cannot be found. Use the menu at the top of the page, or the sitemap "
                    "at its foot."),
        },
    },
    "fa": {
        "language": "فارسی",
        "parent": "نام نهاد بالادستی این اداره را بنویسید",
        "postal_address": "نشانی دفتر را بنویسید",
        "po_box": "صندوق پستی را بنویسید",
        "office_hours": "روزها و ساعت‌های کاری را بنویسید",
        "emblem_alt": "نشان",
        "labels": {"home": "خانه", "about": "درباره‌ی ما", "contact": "تماس با ما",
                   "accessibility": "بیانیه‌ی دسترس‌پذیری", "privacy": "سیاست حریم خصوصی",
                   "sitemap": "نقشه‌ی سایت"},
        "pages": {
            "about": ("درباره‌ی ما", "ما که هستیم و چه می‌کنیم.",
                      "اینجا بنویسید که این اداره چیست، چه خدمتی به مردم می‌دهد، زیر نظر کدام نهاد است و "
                      "چگونه سازمان یافته است. چند بند کوتاه با عنوان‌های کوچک بنویسید، مانند تاریخچه، "
                      "چشم‌انداز و مأموریت."),
            "contact": ("تماس با ما", "راه‌های تماس با دفتر ما.",
                        "اینجا بنویسید که مردم چگونه به دفتر می‌رسند، ساعت‌های کاری چیست و برای هر خدمت با چه "
                        "کسی صحبت کنند. شماره‌ی تلفن، ایمیل و نشانی در پایین هر صفحه دیده می‌شوند؛ آن‌ها را "
                        "در پرونده‌ی site.yaml تغییر دهید."),
            "privacy": ("سیاست حریم خصوصی", "اطلاعاتی که از بازدیدکنندگان این وبگاه نگه می‌داریم.",
                        "اینجا بنویسید که سرور چه اطلاعاتی نگه می‌دارد (مثلاً نشانی‌های IP در گزارش‌های "
                        "سرور)، تا چه مدت و برای چه. این وبگاه کوکی و ابزار ردیابی بازدیدکنندگان ندارد."),
            "accessibility": ("بیانیه‌ی دسترس‌پذیری", "چگونه این وبگاه را برای همه قابل استفاده می‌کنیم.",
                              "اینجا هدف دسترس‌پذیری (WCAG 2.1، سطح AA)، بخش‌هایی که هنوز به آن نرسیده‌اند "
                              "و راه گزارش یک مشکل دسترس‌پذیری را بنویسید."),
            "404": ("صفحه پیدا نشد", "صفحه‌ای که به دنبالش بودید اینجا نیست.",
                    "متأسفیم، این صفحه پیدا نشد. از منوی بالای صفحه یا نقشه‌ی سایت در پایین آن استفاده کنید."),
        },
    },
}
KIND_ALIASES = {"province": "provincial-office", "provincial": "provincial-office"}
# A plain shield, drawn only with elements and attributes on the kit's SVG allowlist.
EMBLEM_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img">'
              '<title>Emblem</title>'
              '<path d="M32 4 56 12v18c0 15-10 26-24 31C18 56 8 45 8 30V12z" fill="#e8eef4" stroke="#1f3b57" '
              'stroke-width="3"/>'
              '<circle cx="32" cy="30" r="9" fill="none" stroke="#1f3b57" stroke-width="3"/></svg>\n')


class InitStopped(SystemExit):
    """Ends `init-site` with its reasons; nothing has been written."""

    def __init__(self, reasons: list[str]):
        super().__init__("init-site stopped; nothing was written:\n" + "\n".join(f"  - {r}" for r in reasons))


def split_codes(value: str) -> list[str]:
    """Codes from "sw,en", "sw en" or "sw, en" (languages, sections)."""
    return [code for code in re.split(r"[\s,]+", value.strip()) if code]


def normal_kind(value: str) -> str:
    """The kind as INSTITUTION_KINDS writes it: 'Provincial office' gives 'provincial-office'."""
    kind = re.sub(r"[\s_]+", "-", value.strip().lower())
    return KIND_ALIASES.get(kind, kind)


def option_problem(option: str, value: str, values: dict[str, str]) -> str | None:
    """Why `value` cannot be the option's value, or None when it can."""
    if CONTROL.search(value):
        return f"--{option}: has a line break or a control character"
    if option in ("name", "phone") and not value.strip():
        return f"--{option}: is empty"
    if option == "phone" and not re.search(r"[0-9]", value):
        return f"--phone: '{value}' has no digit; write a number such as +255 23 260 0120"
    if option == "kind" and normal_kind(value) not in INSTITUTION_KINDS:
        return f"--kind: '{value}' is not one of {', '.join(INSTITUTION_KINDS)}"
    if option == "languages":
        return languages_problem(split_codes(value))
    if option == "default" and value not in split_codes(values.get("languages", "")):
        return f"--default: '{value}' is not among the languages ({values.get('languages', '')})"
    if option == "website":
        reason = website_problem(value)
        return f"--website: {reason}" if reason else None
    if option == "email" and not EMAIL.match(value):
        return f"--email: '{value}' is not an e-mail address such as info@example.go.tz"
    if option == "sections":
        return sections_problem(value)
    if option == "timezone" and value not in time_zones():
        return f"--timezone: '{value}' is not a time zone; write a name such as Africa/Dar_es_Salaam or Asia/Tehran"
    return None


def default_sections(kind: str) -> str:
    """The sections a kind of institution starts with, comma-separated."""
    return ",".join(name for name in EVERY_TYPE if name not in WITHOUT.get(normal_kind(kind), ()))


def sections_problem(value: str) -> str | None:
    """Why these sections cannot be chosen, or None."""
    from kit_types import types

    for name in split_codes(value):
        if name not in types():
            return f"--sections: '{name}' is not a content type{did_you_mean(name, types())}; use: {', '.join(types())}"
    return None if split_codes(value) else "--sections: give at least one, e.g. news,events,pages"


def languages_problem(codes: list[str]) -> str | None:
    """Why these codes cannot be the site's languages, or None."""
    if not codes:
        return "--languages: give at least one language code, e.g. sw,en"
    unknown = [code for code in codes if code not in TEXTS]
    if unknown:
        return (f"--languages: the kit has no placeholder texts in {', '.join(unknown)}; "
                f"choose among {', '.join(TEXTS)} (add another language in site.yaml afterwards)")
    return "--languages: a language is listed twice" if len(set(codes)) < len(codes) else None


def missing_options(values: dict[str, str]) -> list[str]:
    """The required options that have no value."""
    return [option for option in REQUIRED if not values.get(option)]


def ask(values: dict[str, str], read: Callable[[str], str] = input) -> dict[str, str]:
    """Ask for every missing value (and the default language when there are several), checking each."""
    values = dict(values)
    wanted = missing_options(values)
    if not values.get("default") and len(split_codes(values.get("languages", ""))) != 1:
        wanted.append("default")
    wanted += [option for option in ("timezone", "sections") if not values.get(option)]
    for option in sorted(wanted, key=list(QUESTIONS).index):
        values[option] = ask_one(option, values, read)
    return values


def ask_one(option: str, values: dict[str, str], read: Callable[[str], str]) -> str:
    """One answer, asked again until it is valid; an empty answer takes the suggested value."""
    suggested = {"default": (split_codes(values.get("languages", "")) or [""])[0],
                 "timezone": DEFAULT_TIMEZONE, "sections": default_sections(values.get("kind", ""))}.get(option, "")
    while True:
        answer = read(f"{QUESTIONS[option]}" + (f" [{suggested}]" if suggested else "") + ": ").strip()
        answer = answer or suggested
        reason = option_problem(option, answer, values) if answer else f"--{option}: is empty"
        if reason is None:
            return answer
        print(reason)


def settled(values: dict[str, str]) -> dict[str, Any]:
    """The checked values: kind normalised, languages as a list, default and time zone filled in."""
    codes = split_codes(values["languages"])
    return {"name": values["name"].strip(), "kind": normal_kind(values["kind"]), "languages": codes,
            "default": values.get("default") or codes[0], "website": values["website"].strip(),
            "email": values["email"].strip(), "phone": values["phone"].strip(),
            "timezone": values.get("timezone") or DEFAULT_TIMEZONE,
            "sections": split_codes(values.get("sections") or default_sections(values["kind"]))}


def per_language(site: dict[str, Any], key: str) -> dict[str, str]:
    """A placeholder text in each of the site's languages."""
    return {code: TEXTS[code][key] for code in site["languages"]}


def site_yaml(site: dict[str, Any]) -> str:
    """The identity file."""
    name = {code: site["name"] for code in site["languages"]}
    data = {
        "institution": {"name": name, "kind": site["kind"], "parent": per_language(site, "parent"),
                        "emblem": "images/emblem.svg", "emblem_alt": per_language(site, "emblem_alt")},
        "contact": {"postal_address": per_language(site, "postal_address"),
                    "po_box": per_language(site, "po_box"), "phone": site["phone"], "email": site["email"],
                    "office_hours": per_language(site, "office_hours")},
        "copyright_holder": dict(name),
        "languages": {"default": site["default"],
                      "available": [{"code": code, "name": TEXTS[code]["language"]} for code in site["languages"]]},
        "website": site["website"],
        "timezone": site["timezone"],
        "sections": site["sections"],
    }
    return ("# Identity of the institution, written by `make init-site`. Replace every 'Write ...' text;\n"
            "# translate the name for each language. docs/editing.md lists every field.\n"
            + dump(data))


def menus_yaml(site: dict[str, Any]) -> str:
    """The menus: home, about and contact on top; the statements and the sitemap at the foot."""
    def item(label: str, link: str) -> dict[str, Any]:
        return {"label": {code: TEXTS[code]["labels"][label] for code in site["languages"]}, "link": link}

    data = {"main": [item("home", "/"), item("about", "pages/about"), item("contact", "pages/contact")],
            "footer": [item("accessibility", "pages/accessibility"), item("privacy", "pages/privacy"),
                       item("contact", "pages/contact"), item("sitemap", "sitemap/")]}
    return ("# Menus of the site, written by `make init-site`. A link is / (home), folder/ (a listing),\n"
            "# folder/file-name (one item, without .md), sitemap/ or https://...\n" + dump(data))


def dump(data: dict[str, Any]) -> str:
    """YAML as an editor reads it: keys in order, letters of every script as they are."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def page(title: str, summary: str, body: str, hidden: bool = False) -> str:
    """One Markdown page with its front matter."""
    matter = {"title": title, "summary": summary} | ({"status": "hidden"} if hidden else {})
    return f"---\n{dump(matter)}---\n{body}\n"


def page_files(site: dict[str, Any]) -> dict[str, str]:
    """The required pages in each language: about.md in the default one, about.en.md in the others."""
    files = {}
    for code in site["languages"]:
        suffix = "" if code == site["default"] else f".{code}"
        for key in PAGES:
            title, summary, body = TEXTS[code]["pages"][key]
            files[f"pages/{key}{suffix}.md"] = page(title, summary, body, hidden=key == "404")
    return files


def site_files(site: dict[str, Any]) -> dict[str, str]:
    """Every file of the new content folder, by its path in the folder."""
    return {"site.yaml": site_yaml(site), "menus.yaml": menus_yaml(site), "images/emblem.svg": EMBLEM_SVG,
            **page_files(site)}


def target_problem(target: Path, force: bool, kit_root: Path) -> str | None:
    """Why the files may not be written into `target`, or None."""
    if target.exists() and not target.is_dir():
        return f"--target: {target} is a file, not a folder"
    if target == kit_root or target in kit_root.parents:
        return f"--target: {target} holds the kit itself; name a content folder"
    if target.is_dir() and any(target.iterdir()) and not force:
        return f"--target: {target} is not empty; choose an empty folder, or add --force to replace what it holds"
    return None


def empty(folder: Path) -> None:
    """Remove everything inside `folder` (what --force replaces)."""
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def write_files(target: Path, files: dict[str, str]) -> None:
    """Write the files under `target`, making folders on the way."""
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def kit_problems(target: Path) -> list[str]:
    """The kit's own checks of the written identity and menus (none, unless this module has a bug)."""
    identity, problems = load_identity(target)
    if not problems:
        problems = load_menus(target, tuple(str(item["code"]) for item in identity["languages"]["available"]))[1]
    return [str(problem) for problem in problems]


def init_site(values: dict[str, str], target: Path, force: bool = False, kit_root: Path | None = None,
              interactive: bool | None = None) -> list[Path]:
    """Write a new content folder into `target` and return the files written.

    `values` holds the options given (empty strings for the others); missing ones are
    asked for when `interactive` (by default: when standard input is a terminal).
    """
    values = {key: str(value) for key, value in values.items() if value not in (None, "")}
    target = target.resolve()
    kit_root = (kit_root or Path(__file__).resolve().parents[2]).resolve()
    reason = target_problem(target, force, kit_root)
    if reason:
        raise InitStopped([reason])
    if interactive is None:
        interactive = bool(sys.stdin) and sys.stdin.isatty()
    if interactive:
        values = ask(values)
    missing = missing_options(values)
    if missing:
        raise InitStopped([f"missing option{'s' if len(missing) > 1 else ''}: "
                           + " ".join(f"--{option}" for option in missing)
                           + " (give every one when there is no terminal to ask on)"])
    reasons = [reason for option, value in values.items()
               if option in QUESTIONS and (reason := option_problem(option, value, values))]
    if reasons:
        raise InitStopped(reasons)
    files = site_files(settled(values))
    if target.is_dir() and force:
        empty(target)
    write_files(target, files)
    problems = kit_problems(target)
    if problems:
        raise SystemExit("init-site wrote files the kit refuses (a bug of the kit; please report it):\n"
                         + "\n".join(f"  - {problem}" for problem in problems))
    return [target / name for name in files]
