"""Speeches: addresses by the institution's leaders."""

from kit_i18n import N_
from kit_types.fields import NEWS
from kit_types.registry import ContentType

TYPE = ContentType(
    "speeches", N_("Speeches"), NEWS,
    "Addresses by the institution's leaders, newest first; a paginated listing and an Atom feed.",
    40, article=True, template="article", listing="listing", paged=True, dated_names=True)
