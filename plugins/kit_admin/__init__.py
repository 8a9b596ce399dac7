"""The browser editor at /admin/ (Sveltia CMS), generated from the content-type registry.

- `config.py` and `widgets.py`: the editor's configuration from the registry and site.yaml.
- `bundle.py`: the editor's files from node_modules/, at the version package-lock.json pins.
- `policy.py` and `page.py`: its Content-Security-Policy and its page.
- `kit_admin.py`: the build's two steps, checking site.yaml's `editor:` and writing /admin/.

Its two steps are in kit_build/steps.py; a site has the editor when its site.yaml has an
`editor:` section.
"""

from .kit_admin import check_editor, editor_of, write_admin
from .policy import admin_headers

__all__ = ["admin_headers", "check_editor", "editor_of", "write_admin"]
