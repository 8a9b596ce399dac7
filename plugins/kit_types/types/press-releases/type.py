"""Press releases: the institution's official statements."""

from kit_i18n import N_
from kit_types.fields import NEWS
from kit_types.registry import ContentType

TYPE = ContentType(
    "press-releases", N_("Press releases"), NEWS,
    "Official statements, newest first; a paginated listing, an Atom feed and a home-page panel.",
    20, article=True, template="article", listing="listing", paged=True, dated_names=True, home="side")
