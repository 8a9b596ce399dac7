"""Parts of the frame rendered once per language, SITEURL and key, then reused."""

from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from kit_build.parts import install

TEMPLATES = {"part.html": "{{ count() }}|{{ lang_code }}|{{ SITEURL }}|{{ state }}|<b>",
             "page.html": '<p>{{ shared_part("part.html", state) }}</p>'}


def environment() -> tuple[Environment, list[int]]:
    renders: list[int] = []
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    env.globals["count"] = lambda: renders.append(1) or len(renders)
    install(SimpleNamespace(env=env))
    return env, renders


def page(env: Environment, lang: str, siteurl: str, state: str | None = None) -> str:
    return env.get_template("page.html").render(lang_code=lang, SITEURL=siteurl, state=state, DEFAULT_LANG="sw")


def test_a_part_is_rendered_once_per_language_siteurl_and_key_and_not_escaped_again():
    env, renders = environment()
    assert page(env, "sw", "..") == "<p>1|sw|..|None|<b></p>"
    assert page(env, "sw", "..") == "<p>1|sw|..|None|<b></p>"  # reused: not rendered again
    assert page(env, "en", "..") == "<p>2|en|..|None|<b></p>"
    assert page(env, "sw", "../..") == "<p>3|sw|../..|None|<b></p>"
    assert page(env, "sw", "..", "page") == "<p>4|sw|..|page|<b></p>"
    assert len(renders) == 4


def test_each_environment_has_its_own_parts():
    first, _ = environment()
    second, renders = environment()
    page(first, "sw", "..")
    assert page(second, "sw", "..") == "<p>1|sw|..|None|<b></p>" and len(renders) == 1
