"""Announcements: notices to the public."""

from kit_i18n import N_
from kit_types.fields import NEWS
from kit_types.registry import ContentType

TYPE = ContentType(
    "announcements", N_("Announcements"), NEWS,
    "Notices to the public, newest first; a paginated listing, an Atom feed and a home-page panel.",
    30, article=True, template="article", listing="listing", paged=True, dated_names=True, home="side")
