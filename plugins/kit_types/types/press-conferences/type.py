"""Press conferences: a kind of news with its venue, speakers, statement and recordings."""

from kit_i18n import N_
from kit_schema import Field
from kit_types.fields import NEWS, a_file
from kit_types.registry import ContentType

PRESS_CONFERENCE = NEWS | {
    "venue": Field("text", True, "where it was held, e.g. Council hall, Mlimani"),
    "speakers": Field("mappings", True, fields={"name": Field("text", True),
                                                "title": Field("text", help="the speaker's post")}),
    "transcript": a_file(help="the full transcript, a file under content/files/ (the text is the statement)"),
    "media": Field("mappings", fields={"url": Field("url", True, "a recording: video or audio on the web"),
                                       "caption": Field("text", True)}),
}


def prepare_press_conference(meta: dict, check, now) -> None:
    if check.infos.get("transcript"):
        meta["transcript_info"] = check.infos["transcript"]


TYPE = ContentType(
    "press-conferences", N_("Press conferences"), PRESS_CONFERENCE,
    "The institution's press conferences: date, venue, speakers, the statement as the text, and optionally "
    "the transcript and recordings. Listed with the news and on their own listing, with an Atom feed.",
    42, article=True, template="press-conferences/item", listing="listing", paged=True, dated_names=True,
    also_in=("news",), prepare=prepare_press_conference,
    example={"venue": "...", "speakers": [{"name": "...", "title": "..."}]})
