"""The steps of a build, in the order they run, written once.

Pelican calls the receivers of one signal in the order they were connected, and
its signals outlive a build in one process. `connect_steps()` therefore first takes
every step off its signal, then connects all of them in the order of `STEPS`: the
order below is the order of the build, whatever order `PLUGINS` lists plugins in
and whichever of them connected a handler first (checked against Pelican 4.12.0,
whose signals are blinker signals; blinker keeps a receiver connected again in
its first place).

The signals come in the order Pelican sends them in one build: `initialized` once
per Pelican object, then, in each run (livereload runs several), `get_generators`,
`get_writer`, `readers_init`, `generator_init`, for each file read its `preread`,
`context` and `content_object_init`, the generators' `finalized`,
`all_generators_finalized`, the pages written, and `finalized`.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from blinker import Signal
from pelican.plugins import signals

import kit_admin as admin
from kit_assets import kit_assets as assets
from kit_calendar import kit_calendar as calendar
from kit_checks import kit_checks as checks
from kit_compress import kit_compress as compress
from kit_downloads import kit_downloads as downloads
from kit_frontmatter import kit_frontmatter as frontmatter
from kit_i18n import kit_i18n as i18n
from kit_identity import kit_identity as identity
from kit_images import kit_images as images
from kit_links import kit_links as links
from kit_listings import kit_listings as listings
from kit_parallel import kit_parallel as parallel
from kit_search import kit_search as search
from kit_serving import kit_serving as serving
from kit_sitefiles import kit_sitefiles as sitefiles
from kit_structured import kit_structured as structured
from kit_typeitems import kit_typeitems as typeitems
from kit_typelists import kit_typelists as typelists
import kit_types as types
from kit_types import references
from kit_uploads import kit_uploads as uploads
from . import pelican_wall as wall
from . import parts
from . import problems
from . import templates


class Step(NamedTuple):
    """One handler of one Pelican signal."""

    signal: Signal
    handler: Callable


def start_build(pelican) -> None:
    """A build starts: no problem of an earlier build in this process, and every warning of Pelican counted."""
    problems.clear()
    wall.collect_pelican_warnings()


STEPS: list[Step] = [
    # initialized (once per Pelican object)
    Step(signals.initialized, identity.apply_identity),  # the identity must be known before any content is read
    Step(signals.initialized, admin.check_editor),  # site.yaml's `editor:` is checked before any page
    Step(signals.initialized, types.apply_registry),  # the chosen sections become Pelican's paths
    Step(signals.initialized, typeitems.set_reference_time),  # the moment that decides upcoming/past, once per build
    Step(signals.initialized, assets.prepare),  # asset hashes must be known before any template is rendered
    Step(signals.initialized, images.quiet_pelican_alt_warning),  # kit_images names empty alt text itself
    # get_generators (at the start of every run)
    Step(signals.get_generators, start_build),  # first: the problems of this run only
    Step(signals.get_generators, frontmatter.check_intake),  # every file the build would leave out, before reading
    Step(signals.get_generators, listings.get_generators),  # the generators, in the order their output is written
    Step(signals.get_generators, typelists.get_generators),
    Step(signals.get_generators, calendar.get_generators),  # calendar files need every event read
    Step(signals.get_generators, downloads.get_generators),
    Step(signals.get_generators, sitefiles.get_generators),  # feeds and sitemap need every address known
    Step(signals.get_generators, images.get_generators),  # derived images are written with the site, never on a stop
    Step(signals.get_writer, parallel.use_shared_writer),  # the writer that shares pages among processes
    Step(signals.readers_init, frontmatter.use_reader),  # the kit's Markdown reader, before any file is read
    # generator_init: every generator's templates get the kit's helpers
    Step(signals.generator_init, i18n.install),
    Step(signals.generator_init, links.install),
    Step(signals.generator_init, typelists.install),
    Step(signals.generator_init, references.install),
    Step(signals.generator_init, calendar.install),
    Step(signals.generator_init, downloads.install),
    Step(signals.generator_init, structured.install),
    Step(signals.generator_init, sitefiles.install),
    Step(signals.generator_init, assets.install),
    Step(signals.generator_init, images.install),
    Step(signals.generator_init, parts.install),
    Step(signals.generator_init, templates.share_compiled_templates),  # last: its key names the extensions added above
    # reading, file by file
    Step(signals.article_generator_preread, wall.note_no_item),  # a new file: Pelican's warnings name no item yet
    Step(signals.page_generator_preread, wall.note_no_item),
    Step(signals.article_generator_preread, parallel.prepare_bodies),  # each file: its body, from a pool converting ahead
    Step(signals.page_generator_preread, parallel.prepare_bodies),
    Step(signals.article_generator_context, frontmatter.report_problems),  # also for a file read from the cache
    Step(signals.article_generator_context, i18n.name_item),  # language, key, slug before addresses are made
    Step(signals.article_generator_context, typeitems.prepare),  # each type's declared rules and preparation
    Step(signals.page_generator_context, frontmatter.report_problems),
    Step(signals.page_generator_context, i18n.name_item),
    Step(signals.page_generator_context, typeitems.prepare),  # each type's own fields and checks
    Step(signals.content_object_init, wall.note_item),  # Pelican's next warnings are about this item
    Step(signals.content_object_init, images.rewrite_images),  # the sanitised body's images become <picture>s
    Step(signals.content_object_init, images.prepare_photos),  # front-matter photos (albums, people)
    Step(signals.article_generator_finalized, wall.note_no_item),
    Step(signals.page_generator_finalized, wall.note_no_item),
    Step(signals.static_generator_finalized, wall.note_no_item),
    Step(signals.article_generator_finalized, links.collect),  # every item of the kind is read
    Step(signals.page_generator_finalized, links.collect),
    Step(signals.static_generator_finalized, uploads.check_static_files),  # what Pelican would copy, before it does
    # all_generators_finalized: every file is read; nothing is written yet
    Step(signals.all_generators_finalized, links.freeze_addresses),
    Step(signals.all_generators_finalized, parallel.share_output),  # pages rendered by every worker
    Step(signals.all_generators_finalized, problems.stop_on_problems),  # a problem in any file: write nothing
    Step(signals.all_generators_finalized, search.start_copies),  # pages are copied for Pagefind as written
    # finalized: every page is written, in this order
    Step(signals.finalized, serving.write_headers),  # the hosts' header rules
    Step(signals.finalized, assets.rename_copies),  # swap in the hashed theme files Pelican copied
    Step(signals.finalized, search.build_index),  # index the pages before they are compressed
    Step(signals.finalized, images.strip_published),  # strip metadata from the copied images
    Step(signals.finalized, compress.process_output),  # compress the final bytes of every file above
    Step(signals.finalized, checks.check_output),  # every internal link of the written site resolves
    Step(signals.finalized, admin.write_admin),  # after the above: the editor's files are not minified, indexed or checked
    Step(signals.finalized, problems.stop_on_problems),  # last: stop on what the steps above found
]


def connect_steps(steps: list[Step] = STEPS) -> None:
    """Connect every step to its signal, in the order of `steps` (see the module's docstring)."""
    for step in steps:
        step.signal.disconnect(step.handler)
    for step in steps:
        step.signal.connect(step.handler)
