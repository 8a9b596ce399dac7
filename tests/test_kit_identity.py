"""The identity and menus: checked data, and plain errors that stop the build."""

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import build, copy_content, read
from fixture_site import SITE_YAML, Case, assert_neutralised, assert_refused
from kit_identity import language_code_problem, languages_of, load_identity, load_menus, website_problem
from kit_schema import BuildStopped


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_demo_identity_is_valid_and_gives_languages(tmp_path):
    content = copy_content(tmp_path)
    identity, problems = load_identity(content)
    assert problems == []
    assert [lang["code"] for lang in languages_of(identity)] == ["sw", "en", "fa"]
    assert languages_of(identity)[2]["dir"] == "rtl"
    menus, problems = load_menus(content, ("sw", "en", "fa"))
    assert problems == [] and menus["main"][0]["link"] == "/"


def test_missing_required_field_names_file_field_and_expectation(tmp_path):
    content = copy_content(tmp_path)
    edit_yaml(content / "site.yaml", lambda d: d["contact"].pop("email"))
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    message = str(stopped.value)
    assert "content/site.yaml" in message
    assert "contact.email: is missing; expected an e-mail address" in message
    assert not (tmp_path / "out" / "index.html").exists()


def test_malformed_yaml_gives_the_line(tmp_path):
    content = copy_content(tmp_path)
    path = content / "site.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "    en Mlimani District Council: : :"
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = load_identity(content)[1]
    assert problem.path == "content/site.yaml" and problem.line == 6
    assert "not valid YAML" in problem.message


def test_all_identity_problems_are_listed_together(tmp_path):
    content = copy_content(tmp_path)

    def break_it(data):
        data["institution"]["kind"] = "distric"
        data["contact"]["emial"] = data["contact"].pop("email")
        data["languages"]["default"] = "de"

    edit_yaml(content / "site.yaml", break_it)
    problems = [str(p) for p in load_identity(content)[1]]
    assert any("institution.kind: 'distric' is not allowed; did you mean 'district'?" in p for p in problems)
    assert any("contact.emial: unknown field; did you mean 'email'?" in p for p in problems)
    assert any("'de' is not among the available languages" in p for p in problems)


def test_a_menu_link_to_nowhere_stops_the_build(tmp_path):
    content = copy_content(tmp_path)
    edit_yaml(content / "menus.yaml", lambda d: d["main"][1].update(link="pages/abuot"))
    with pytest.raises(BuildStopped) as stopped:
        build(tmp_path / "out", content)
    assert "content/menus.yaml:" in str(stopped.value)
    assert "'pages/abuot' is not a page of this site; did you mean 'pages/about'?" in str(stopped.value)


# The website and the language codes reach files that servers and programs read, so they are
# held to a strict form. Unit tests of the checks, then corpus cases on the tiny fixture site.

GOOD_WEBSITES = {"https://www.example.go.tz": "https://www.example.go.tz",
                 "https://www.example.go.tz/": "https://www.example.go.tz",
                 "https://WWW.Example.GO.TZ": "https://www.example.go.tz",
                 "https://example.go.tz:8443": "https://example.go.tz:8443",
                 "https://localhost:1": "https://localhost:1", "https://192.0.2.10": "https://192.0.2.10",
                 "https://[2001:db8::1]:65535": "https://[2001:db8::1]:65535",
                 "https://xn--mll-hoa.example": "https://xn--mll-hoa.example"}
BAD_WEBSITES = {
    "https://www.example.go.tz/news": "holds more than the site's address",
    "https://www.example.go.tz?x=1": "holds more than the site's address",
    "https://www.example.go.tz#top": "holds more than the site's address",
    "https://admin:pw@www.example.go.tz": "holds more than the site's address",
    "https://www.example.go.tz;": "holds more than the site's address",
    "https://www.example.go.tz{": "holds more than the site's address",
    'https://www.example.go.tz"': "holds more than the site's address",
    "https://www.example.go.tz$host": "holds more than the site's address",
    "https://www.example.go.tz//": "holds more than the site's address",
    "https://www.example.go.tz\nSitemap: https://evil.example/": "has a space or a line break",
    "https://www.example.go.tz\r": "has a space or a line break",
    " https://www.example.go.tz": "has a space or a line break",
    "https://www.example.go.tz\x00": "has a space or a line break",
    "http://www.example.go.tz": "must start with https://",
    "www.example.go.tz": "must start with https://",
    "HTTPS://www.example.go.tz": "must start with https://",
    "https://www.müll.go.tz": "has letters outside a-z",
    "https://-example.go.tz": "is not a valid host name",
    "https://example..go.tz": "is not a valid host name",
    "https://example.go.tz.": "is not a valid host name",
    "https://" + "a" * 64 + ".go.tz": "is not a valid host name",
    "https://192.0.2.300": "is not a valid host name",
    "https://example.123": "is not a valid host name",
    "https://www.example.go.tz:0": "the port 0 is not between 1 and 65535",
    "https://www.example.go.tz:65536": "the port 65536 is not between 1 and 65535",
    "https://www.example.go.tz:": "holds more than the site's address",
}


@pytest.mark.parametrize("website, plain", GOOD_WEBSITES.items())
def test_a_plain_https_address_is_accepted_and_written_plainly(website, plain):
    from kit_identity.kit_identity import plain_website

    assert website_problem(website) is None and plain_website(website) == plain


@pytest.mark.parametrize("website, reason", BAD_WEBSITES.items())
def test_anything_more_or_else_is_refused_with_the_fix(website, reason):
    problem = website_problem(website)
    assert reason in problem and "write only the site's address, such as https://www.example.go.tz" in problem


@pytest.mark.parametrize("code", ["sw", "en", "fa", "no", "pt_BR", "zh_Hant", "zh_Hant_TW", "ar_001", "haw"])
def test_a_language_code_babel_knows_is_accepted(code):
    assert language_code_problem(code) is None


@pytest.mark.parametrize("code, meant", [("xx", None), ("zz", None), ("swa", "sw"), ("eng", "en"), ("EN", "en"),
                                         ("en-GB", "en_GB"), ("pt_br", "pt_BR"), ("sw_TZ.UTF-8", "sw"),
                                         ("und", None), ("root", None), ("sw@latin", None), ("", None),
                                         ("en\n", None), ("en/../x", None), (12, None)])
def test_an_unknown_language_code_is_refused_with_a_hint(code, meant):
    problem = language_code_problem(code)
    assert f"'{code}' is not a known language code" in problem and "such as sw, en or fa" in problem
    assert (f"did you mean '{meant}'?" in problem) if meant else ("did you mean" not in problem)


def test_a_code_yaml_reads_as_false_is_explained():
    assert "put the code in quotes" in language_code_problem(False)


def test_robots_txt_takes_only_a_checked_address():
    from kit_sitefiles.kit_sitefiles import robots_txt

    assert robots_txt("https://www.example.go.tz") == ("User-agent: *\nAllow: /\n"
                                                       "Sitemap: https://www.example.go.tz/sitemap.xml\n")
    assert robots_txt("") == "User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n"
    with pytest.raises(ValueError, match="has a space or a line break"):
        robots_txt("https://www.example.go.tz\nDisallow: /")


def site_yaml(old: str, new: str) -> dict[str, str]:
    """The fixture's site.yaml with one text replaced."""
    assert old in SITE_YAML
    return {"site.yaml": SITE_YAML.replace(old, new)}


def website_case(value: str, reason: str) -> Case:
    return Case(f"website {value!r}", site_yaml("website: https://www.majaribio.go.tz", f"website: {value}"),
                ("content/site.yaml:22: website: ", reason, "write only the site's address"))


WEBSITE_CASES = [website_case(value, reason) for value, reason in [
    ("https://www.majaribio.go.tz/news/", "holds more than the site's address"),
    ("https://www.majaribio.go.tz/?utm=1", "holds more than the site's address"),
    ("https://www.majaribio.go.tz#top", "holds more than the site's address"),
    ("https://user@www.majaribio.go.tz", "holds more than the site's address"),
    ("http://www.majaribio.go.tz", "must start with https://"),
    ('"https://www.majaribio.go.tz\\nSitemap: https://evil.example/sitemap.xml"', "has a space or a line break"),
    ('"https://www.majaribio.go.tz\\r"', "has a space or a line break"),
    ('"https://www.majaribio.go.tz go"', "has a space or a line break"),
    ("'https://www.majaribio.go.tz\"'", "holds more than the site's address"),
    ("https://www.majaribio.go.tz;add_header", "holds more than the site's address"),
    ("https://www.majaribio.go.tz}", "holds more than the site's address"),
    ("https://www.majaribio.go.tz$request_uri", "holds more than the site's address"),
    ("https://-majaribio-.go.tz", "is not a valid host name or IP address"),
    ("https://www.majaribio.go.tz:0", "the port 0 is not between 1 and 65535"),
    ("https://www.majaribio.go.tz:70000", "the port 70000 is not between 1 and 65535"),
    ("https://www.mäjaribio.go.tz", "has letters outside a-z"),
]]
UNKNOWN_CODE = "is not a known language code"
LANGUAGE_CASES = [
    Case("code xx", site_yaml("code: en", "code: xx"),
         ("content/site.yaml:20: languages.available.1.code: 'xx' " + UNKNOWN_CODE, "such as sw, en or fa")),
    Case("code swa", site_yaml("code: sw", "code: swa"),
         ("content/site.yaml:18: languages.available.0.code: 'swa' " + UNKNOWN_CODE, "did you mean 'sw'?")),
    Case("code EN", site_yaml("code: en", "code: EN"),
         ("content/site.yaml:20: languages.available.1.code: 'EN' " + UNKNOWN_CODE, "did you mean 'en'?")),
    Case("code en-GB", site_yaml("code: en", "code: en-GB"),
         ("content/site.yaml:20: languages.available.1.code: 'en-GB' " + UNKNOWN_CODE, "did you mean 'en_GB'?")),
    Case("code with a line break", site_yaml("code: en", 'code: "en\\n  location /x"'),
         ("content/site.yaml:20: languages.available.1.code: ", UNKNOWN_CODE)),
    Case("code no, read as false", site_yaml("code: en", "code: no"),
         ("content/site.yaml:20: languages.available.1.code: YAML read this as true or false",
          'put the code in quotes, e.g. code: "no"')),
    Case("code listed twice", site_yaml("code: en", "code: sw"),
         ("content/site.yaml:20: languages.available.1.code: 'sw' is listed twice; list each language once",)),
    Case("default zz", site_yaml("default: sw", "default: zz"),
         ("content/site.yaml:16: languages.default: 'zz' is not among the available languages (sw, en)",
          "write one of them")),
    Case("default not available", site_yaml("default: sw", "default: fa"),
         ("content/site.yaml:16: languages.default: 'fa' is not among the available languages (sw, en)",)),
]


@pytest.mark.parametrize("case", WEBSITE_CASES + LANGUAGE_CASES, ids=lambda case: case.name)
def test_a_website_or_language_code_that_is_not_plain_stops_the_build(tmp_path, case):
    assert_refused(tmp_path, case)


NEUTRALISED = [
    Case("website with a trailing /", site_yaml("website: https://www.majaribio.go.tz", "website: "
                                                "https://www.majaribio.go.tz/"), ("https://www.majaribio.go.tz",)),
    Case("website host in capitals", site_yaml("website: https://www.majaribio.go.tz", "website: "
                                          "https://WWW.Majaribio.GO.TZ"), ("https://www.majaribio.go.tz",)),
    Case("website with a port", site_yaml("website: https://www.majaribio.go.tz", "website: "
                                          "https://www.majaribio.go.tz:8443/"), ("https://www.majaribio.go.tz:8443",)),
]


@pytest.mark.parametrize("case", NEUTRALISED, ids=lambda case: case.name)
def test_every_machine_read_file_gets_the_plain_address(tmp_path, case):
    site = assert_neutralised(tmp_path, case, KIT_PRODUCTION=True)
    [address] = case.expected
    assert read(site, "robots.txt") == f"User-agent: *\nAllow: /\nSitemap: {address}/sitemap.xml\n"
    assert f"<loc>{address}/</loc>" in read(site, "sitemap.xml")
    assert f"URL:{address}/events/2026-12-09-sherehe/" in read(site, "events/calendar.ics")
    assert f",{address}/projects/maji/," in read(site, "projects/projects.csv")
    for path in ("robots.txt", "sitemap.xml", "events/calendar.ics", "projects/projects.csv", "feeds/news.atom.xml"):
        assert f"{address}//" not in read(site, path) and "Majaribio.GO" not in read(site, path), path


@pytest.mark.parametrize("languages", ["languages: 5", "languages:\n  default: sw\n  available: sw"])
def test_languages_of_another_shape_get_the_schemas_message(tmp_path, languages):
    start, end = SITE_YAML.index("languages:"), SITE_YAML.index("website:")
    (tmp_path / "site.yaml").write_text(SITE_YAML[:start] + languages + "\n" + SITE_YAML[end:], encoding="utf-8")
    problems = [str(problem) for problem in load_identity(tmp_path)[1]]
    assert any("expected a" in problem and "languages" in problem for problem in problems), problems


SOCIAL = """social:
  - network: Telegram
    url: https://t.me/majaribio
  - network: aparat
    url: https://www.aparat.com/majaribio
  - network: whatsapp-channel
    url: https://whatsapp.com/channel/0029Va
  - network: jamiiforums
    url: https://www.jamiiforums.com/majaribio
    name: {sw: Jukwaa la JamiiForums, en: JamiiForums, fa: جامی‌فورامز}
  - network: mastodon
    url: https://mastodon.social/@majaribio
    name: Mastodon
"""
FOOTER_NAMES = {
    "index.html": ["Telegram", "Aparat", "Chaneli ya WhatsApp", "Jukwaa la JamiiForums", "Mastodon"],
    "en/index.html": ["Telegram", "Aparat", "WhatsApp channel", "JamiiForums", "Mastodon"],
    "fa/index.html": ["تلگرام", "آپارات", "کانال واتس‌اپ", "جامی‌فورامز", "Mastodon"],
}


def test_every_network_the_kit_knows_has_a_name_in_each_language():
    from kit_identity.kit_identity import NETWORKS

    assert {"aparat", "eitaa", "bale", "rubika", "telegram", "whatsapp-channel", "instagram", "facebook", "x",
            "youtube", "tiktok", "linkedin"} <= set(NETWORKS)
    for network, names in NETWORKS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", network) and set(names) == {"sw", "en", "fa"}, network
        assert all(name == name.strip() and unicodedata.normalize("NFC", name) == name for name in names.values())
        assert not re.search("[A-Za-z]", names["fa"]), f"{network}: the Persian name is in Latin letters"


def test_social_links_carry_each_networks_name_in_the_pages_language(tmp_path):
    with_fa = SITE_YAML.replace("      name: English\n", "      name: English\n    - code: fa\n      name: فارسی\n")
    site = assert_neutralised(tmp_path, Case("social", {"site.yaml": with_fa + SOCIAL}, ()))
    for page, names in FOOTER_NAMES.items():
        footer = read(site, page).split('id="kit-footer-social"')[1].split("</section>")[0]
        assert re.findall(r'rel="noopener">([^<]+)</a>', footer) == names, page
    assert 'href="https://t.me/majaribio" rel="noopener">Telegram<' in read(site, "index.html")


def test_the_demos_networks_are_named_in_persian(demo_site):
    footer = read(demo_site, "fa/index.html").split('id="kit-footer-social"')[1].split("</section>")[0]
    assert re.findall(r'rel="noopener">([^<]+)</a>', footer) == ["فیس‌بوک", "ایکس", "اینستاگرام", "یوتیوب"]


SOCIAL_CASES = [
    Case("network telegran", {"site.yaml": SITE_YAML + "social:\n  - network: telegran\n    url: https://t.me/x\n"},
         ("content/site.yaml:24: social.0.network: 'telegran' is not a network the kit knows; did you mean "
          "'telegram'?", "name: {sw: ..., en: ..., fa: ...}")),
    Case("network unknown", {"site.yaml": SITE_YAML + "social:\n  - network: zzz\n    url: https://zzz.example/x\n"},
         ("content/site.yaml:24: social.0.network: 'zzz' is not a network the kit knows; write one of: aparat",)),
    Case("name in a language the site lacks", {"site.yaml": SITE_YAML + "social:\n  - network: zzz\n    url: "
                                               "https://zzz.example/x\n    name: {de: Zett}\n"},
         ("social.0.name: 'de' is not a language of this site",)),
]


@pytest.mark.parametrize("case", SOCIAL_CASES, ids=lambda case: case.name)
def test_an_account_on_a_network_the_kit_does_not_know_needs_a_name(tmp_path, case):
    assert_refused(tmp_path, case)


def test_the_time_zone_of_site_yaml_dates_every_event_and_item(tmp_path):
    """An office in Tehran shows +03:30; a news date is in the same zone."""
    site = assert_neutralised(tmp_path, Case("Tehran", {"site.yaml": SITE_YAML + "timezone: Asia/Tehran\n"}, ()))
    event = (site / "events" / "2026-12-09-sherehe" / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-12-09T09:00:00+03:30"' in event and "+03:00" not in event
    assert "+03:30" in (site / "feeds" / "news.atom.xml").read_text(encoding="utf-8")


def test_a_time_zone_that_does_not_exist_is_named(tmp_path):
    case = Case("misspelt zone", {"site.yaml": SITE_YAML + "timezone: Asia/Teheran\n"},
                ("content/site.yaml:23: timezone: 'Asia/Teheran' is not a time zone; did you mean 'Asia/Tehran'?",))
    assert_refused(tmp_path, case)
