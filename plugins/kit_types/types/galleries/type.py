"""Photos and videos: albums with captions and credit; a video is a poster and a link."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import CAMPAIGNS, COMMON, an_image
from kit_types.registry import ContentType

GALLERY = COMMON | {
    "date": Field("date", True, "the day the photos were taken"),
    "photographer": Field("text", help="credit for every photo unless a photo names its own"),
    "photos": Field("mappings", fields={"file": an_image(True), "caption": Field("text", True),
                                        "photographer": Field("text")}, shared=True),
    "videos": Field("mappings", fields={"poster": an_image(True), "url": Field("url", True),
                                        "caption": Field("text", True), "duration": Field("text")}, shared=True),
    "campaigns": CAMPAIGNS,
}

TYPE = ContentType(
    "galleries", N_("Photos and videos"), GALLERY,
    "Albums of photos with captions and credit; a video is a poster image and a link.",
    140, template="galleries/item", listing="typelist",
    order=lambda item: (-item.date.timestamp(), item.key),
    structured=lambda context, item: {"@type": "ImageGallery"}, example={"date": "{date}"})
