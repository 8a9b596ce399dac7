"""kit_build.templates: every environment shares compiled templates, never across options or edits."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader

from kit_build import templates


class CountingEnvironment(Environment):
    """A real Jinja environment that counts the templates it compiles."""

    compiled: list[str] = []

    def _compile(self, source, filename):
        CountingEnvironment.compiled.append(filename)
        return super()._compile(source, filename)


def generator(folder, cache_path, **options) -> SimpleNamespace:
    """What share_compiled_templates reads of a Pelican generator: its environment and settings."""
    env = CountingEnvironment(loader=FileSystemLoader(str(folder)), **options)
    return SimpleNamespace(env=env, settings={"CACHE_PATH": str(cache_path)})


def render(gen, name="page.html") -> str:
    templates.share_compiled_templates(gen)
    return gen.env.get_template(name).render(text="<b>")


def test_a_template_is_compiled_once_for_every_environment(tmp_path):
    (tmp_path / "page.html").write_text("{{ text }}!")
    CountingEnvironment.compiled.clear()
    outputs = [render(generator(tmp_path, tmp_path / "cache", autoescape=True)) for _ in range(3)]
    assert outputs == ["&lt;b&gt;!"] * 3
    assert len(CountingEnvironment.compiled) == 1


def test_other_options_or_an_edited_template_compile_again(tmp_path):
    (tmp_path / "page.html").write_text("{{ text }}!")
    assert render(generator(tmp_path, tmp_path / "cache", autoescape=True)) == "&lt;b&gt;!"
    assert render(generator(tmp_path, tmp_path / "cache", autoescape=False)) == "<b>!"
    (tmp_path / "page.html").write_text("{{ text }}?")
    assert render(generator(tmp_path, tmp_path / "cache", autoescape=True)) == "&lt;b&gt;?"


def test_the_next_process_finds_the_compiled_code_in_the_cache_folder(tmp_path):
    (tmp_path / "page.html").write_text("{{ text }}.")
    render(generator(tmp_path, tmp_path / "cache", autoescape=True))
    assert list((tmp_path / "cache" / "jinja").glob("*.cache"))
    templates._caches.clear()  # as in a new process
    CountingEnvironment.compiled.clear()
    assert render(generator(tmp_path, tmp_path / "cache", autoescape=True)) == "&lt;b&gt;."
    assert CountingEnvironment.compiled == []


def test_an_environment_with_a_cache_of_its_own_keeps_it(tmp_path):
    gen = generator(tmp_path, tmp_path / "cache")
    own = gen.env.bytecode_cache = templates.SharedBytecode("own", None)
    templates.share_compiled_templates(gen)
    assert gen.env.bytecode_cache is own
