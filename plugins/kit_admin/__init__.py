"""The browser editor at /admin/ (Sveltia CMS), generated from the content-type registry.

- `config.py` and `widgets.py`: the editor's configuration from the registry and site.yaml.
- `bundle.py`: the editor's files from node_modules/, at the version package-lock.json pins.
- `policy.py` and `page.py`: its Content-Security-Policy and its page.
- `kit_admin.py`: the build's two steps, checking site.yaml's `editor:` and writing /admin/.

`pelicanconf.py` turns it on by naming it in PLUGINS; a site has the editor when its
site.yaml has an `editor:` section.
"""

from pelican.plugins import signals

from .kit_admin import check_editor, editor_of, write_admin
from .policy import admin_headers

__all__ = ["admin_headers", "check_editor", "editor_of", "register", "write_admin"]


def register() -> None:
    """Connect the two steps after kit_build's (PLUGINS names kit_admin after kit_build).

    Pelican's signals outlive a build and kit_build reconnects its steps at each build
    (see kit_build/steps.py), so these are taken off and connected again, last.
    """
    for signal, handler in STEPS:
        signal.disconnect(handler)
        signal.connect(handler)


STEPS = (
    (signals.initialized, check_editor),  # site.yaml is read: `editor:` is checked before any page
    (signals.finalized, write_admin),  # last: the editor's files are neither minified nor indexed nor checked
)
