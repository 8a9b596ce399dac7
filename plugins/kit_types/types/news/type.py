"""News items: the institution's dated stories."""

from kit_i18n import N_
from kit_types.fields import NEWS
from kit_types.registry import ContentType

TYPE = ContentType(
    "news", N_("News"), NEWS,
    "Dated stories, newest first, with a category and tags; a paginated listing, an Atom feed and the home page's main panel.",
    10, article=True, template="article", listing="listing", paged=True, dated_names=True, home="main", home_count=4)
