"""One registry field as one field of the browser editor (Sveltia CMS).

`editor_field(name, spec, ...)` turns a `kit_schema.Field` into the editor's field:
the widget that fits its kind, `required`, its choices (with the type's labels), its
pattern, its minimum and maximum, its help as a hint, and whether translations write
it themselves (`i18n: true`) or take the original's value (`i18n: duplicate`, for the
fields `kit_frontmatter.shared` marks shared). Fields inside a mapping or a list of
mappings follow their parent's `i18n`.

What the editor cannot check before saving (a date not before another, a file that
is really a PDF) is still checked by the build; the editor only catches mistakes early.
"""

from __future__ import annotations

from typing import Any

from kit_frontmatter.shared import is_shared
from kit_schema import Field

EMAIL_PATTERN = [r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", "an e-mail address such as info@example.go.tz"]
URL_PATTERN = [r"^https?://\S+$", "a web address starting with https://"]
DATE_FORMAT = "YYYY-MM-DD HH:mm"  # what the kit reads as a moment in the site's time zone
HIDDEN = ("lang", "key")  # taken from the file name; the editor names the files itself
IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/gif,image/avif,image/svg+xml"
FILE_FOLDER = {"media_folder": "/content/files", "public_folder": "/files"}


def label_of(name: str) -> str:
    """An English label from a field name: `opening_date` -> `Opening date`."""
    return name.replace("_", " ").replace("-", " ").capitalize()


def editor_fields(schema: dict[str, Field], labels: dict[str, str], chosen: set[str],
                  languages: list[str], translatable: bool = True) -> list[dict]:
    """The editor's fields of a schema, in its order, without the ones taken from the file name."""
    return [editor_field(name, spec, labels, chosen, languages, translatable)
            for name, spec in schema.items() if name not in HIDDEN]


def editor_field(name: str, spec: Field, labels: dict[str, str], chosen: set[str],
                 languages: list[str], translatable: bool = True) -> dict:
    """The editor's field for `spec`; `translatable` is False inside a field that is shared."""
    shared = is_shared(spec) or not translatable
    field: dict[str, Any] = {"name": name, "label": label_of(name), **widget(spec, labels, chosen, languages, shared)}
    if translatable:
        field["i18n"] = "duplicate" if shared else True
    field["required"] = spec.required
    if spec.help:
        field["hint"] = spec.help[0].upper() + spec.help[1:]
    return field


def widget(spec: Field, labels: dict[str, str], chosen: set[str], languages: list[str], shared: bool) -> dict:
    """The widget and its options for the field's kind and rules."""
    if spec.under == "images":
        return {"widget": "image", "accept": IMAGE_TYPES}
    if spec.under == "files":
        return {"widget": "file", **FILE_FOLDER}
    if spec.refers and spec.refers in chosen:
        return {"widget": "relation", "collection": spec.refers, "value_field": "{{slug}}",
                "search_fields": ["title"], "display_fields": ["title"], "multiple": spec.kind == "texts"}
    if spec.choices:
        options = [{"label": labels.get(value, value), "value": value} for value in spec.choices]
        return {"widget": "select", "options": options, **({"multiple": True} if spec.kind == "texts" else {})}
    return KINDS[spec.kind](spec, labels, chosen, languages, shared)


def _nested(spec: Field, labels: dict[str, str], chosen: set[str], languages: list[str]) -> list[dict]:
    return editor_fields(spec.fields, labels, chosen, languages, translatable=False)


def _number(spec: Field, *_: Any) -> dict:
    bounds = {key: value for key, value in (("min", spec.minimum), ("max", spec.maximum)) if value is not None}
    return {"widget": "number", "value_type": "float", **bounds}


def _translated(spec: Field, labels: dict, chosen: set, languages: list[str], shared: bool) -> dict:
    """A text written once per language (site.yaml): one line for each of the site's languages."""
    fields = [{"name": code, "label": code, "widget": "string", "required": spec.required and number == 0}
              for number, code in enumerate(languages)]
    return {"widget": "object", "fields": fields}


KINDS = {
    "text": lambda *_: {"widget": "string"},
    "translated": _translated,
    "email": lambda *_: {"widget": "string", "pattern": EMAIL_PATTERN},
    "url": lambda *_: {"widget": "string", "pattern": URL_PATTERN},
    "number": _number,
    "choice": lambda *_: {"widget": "string"},  # a choice with no list of values: any text
    "date": lambda *_: {"widget": "datetime", "format": DATE_FORMAT},
    "texts": lambda *_: {"widget": "list"},
    "texts_or_groups": lambda *_: {"widget": "list"},  # groups are written in the file itself
    "mapping": lambda spec, labels, chosen, languages, _: {
        "widget": "object", "fields": _nested(spec, labels, chosen, languages)},
    "mappings": lambda spec, labels, chosen, languages, _: {
        "widget": "list", "fields": _nested(spec, labels, chosen, languages)},
    "boolean": lambda *_: {"widget": "boolean"},
}
