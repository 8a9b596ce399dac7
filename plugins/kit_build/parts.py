"""Render once the parts of the frame that many pages share.

The footer is the same on every page of one language whose addresses start with one
`SITEURL` (in development a page's `SITEURL` is the climb to the site's root, `../..`,
so it depends on the page's depth; in production it is the site's address). The main
menu is too, but for which of its links is the page itself or its section. Rendering them
took a third of the time of each page; `{{ shared_part("partials/footer.html") }}`
renders a part once for each language, `SITEURL` and further key the template gives
(the menu's states), and reuses it for the rest of the build. A part may read only what
these name and what is the same for the whole build (SITE, MENUS, the index of
addresses, the catalogs); the output is byte-identical to `{% include %}` (the demo and
the benchmark corpus, compared file by file).
"""

from __future__ import annotations

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from kit_i18n.kit_i18n import page_lang


@pass_context
def shared_part(context: Context, name: str, *key: object) -> Markup:
    """The template `name` rendered with this page's context, once per language, SITEURL and `key`."""
    parts = context.environment.globals["KIT_PARTS"]
    found = (name, page_lang(context), context.get("SITEURL"), key)
    if found not in parts:
        parts[found] = Markup(context.environment.get_template(name).render(context.get_all()))
    return parts[found]


def install(generator) -> None:
    """Give the generator's environment `shared_part()` and its own empty store of parts."""
    generator.env.globals.update({"shared_part": shared_part, "KIT_PARTS": {}})
