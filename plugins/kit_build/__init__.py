"""The kit's build as one Pelican plugin: its steps in order, its problems, its wall around Pelican.

- `steps.py`: every signal the kit listens to and the handler of each step, in one
  written order (`STEPS`); `register()` connects them.
- `problems.py`: `report(problem)`, the one way to stop a build with a problem.
- `pelican_wall.py`: every use of Pelican's internals, each naming what it relies on.
- `templates.py`: one bytecode cache for every Jinja environment, so a template is compiled once.
- `files.py`: `write_whole(path, data)`, a file written under another name and renamed into place.

`pelicanconf.py` lists this plugin, and the optional plugins it turns on by naming
them (kit_images, kit_uploads): `PLUGINS = ["kit_build", "kit_images", "kit_uploads"]`.
Their order there changes nothing; the order of the steps is `steps.STEPS`.
"""


def register() -> None:
    """Connect the build's steps (imported here: the steps import every plugin of the kit)."""
    from .steps import connect_steps

    connect_steps()
