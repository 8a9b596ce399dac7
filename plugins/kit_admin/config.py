"""The browser editor's configuration (`/admin/config.yml`), generated from the registry.

Every content type the site publishes (site.yaml's `sections:`) is a folder collection
of `content/<folder>/`, one file per item and language as the kit lays them out:
`key.md` in the default language, `key.en.md`, `key.fa.md` for the translations
(`i18n` with `multiple_files` and the default language left out of the file name).
`site.yaml` and `menus.yaml` are file collections. Photos go to `content/images/` and
documents to `content/files/`, each upload bounded as the build bounds it.

The git host comes from site.yaml's `editor:` (see `backend()`); the configuration is
written as JSON, which is YAML too, so no value can change its structure.
"""

from __future__ import annotations

import json
from typing import Any

from kit_identity.kit_identity import IDENTITY_SCHEMA, MENUS_SCHEMA
from kit_schema import Field
from kit_types import chosen

from .widgets import editor_fields, label_of

BODY = {"name": "body", "label": "Body", "widget": "markdown", "i18n": True, "required": False,
        "hint": "The text of the page. Add a photo with the image button; it is stored under content/images/."}
WORKFLOW_BACKENDS = ("github", "gitlab")  # the hosts whose pull or merge requests carry Sveltia's workflow
DEFAULT_BRANCH = "main"
DATED_NAME = "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"  # the item's own date, as `make new` names files


def backend(editor: dict) -> dict:
    """The `backend:` of the configuration from site.yaml's `editor:` (checked by kit_identity)."""
    result = {"name": editor["backend"], "repo": editor["repo"], "branch": editor.get("branch") or DEFAULT_BRANCH}
    if editor.get("api_root"):
        result["api_root"] = editor["api_root"]
    return result


def languages(settings: dict) -> list[str]:
    """The site's language codes, the default one first."""
    default = settings["DEFAULT_LANG"]
    return [default] + [lang["code"] for lang in settings["LANGUAGES"] if lang["code"] != default]


def type_collection(kind: Any, names: set[str], codes: list[str]) -> dict:
    """The folder collection of one content type."""
    fields = editor_fields(kind.schema, kind.labels, names, codes)
    return {
        "name": kind.folder, "label": kind.title, "description": kind.description,
        "folder": f"content/{kind.folder}", "extension": "md", "format": "frontmatter",
        "create": not kind.single, "i18n": True,
        "slug": DATED_NAME if kind.dated_names and "date" in kind.schema else "{{slug}}",
        "identifier_field": "title" if "title" in kind.schema else fields[0]["name"],
        "fields": fields + [BODY],
    }


def data_collection(settings: dict, codes: list[str]) -> dict:
    """site.yaml and menus.yaml, edited as forms."""
    def form(name: str, label: str, schema: dict[str, Field]) -> dict:
        return {"name": name.split(".")[0], "label": label, "file": f"content/{name}", "format": "yaml",
                "i18n": False, "fields": editor_fields(schema, {}, set(), codes, translatable=False)}

    return {"name": "site", "label": "Site and menus", "files": [
        form("site.yaml", "Identity, languages and sections (site.yaml)", IDENTITY_SCHEMA),
        form("menus.yaml", "Menus (menus.yaml)", MENUS_SCHEMA)]}


def editor_config(settings: dict, editor: dict) -> dict:
    """The whole configuration for this site."""
    codes = languages(settings)
    kinds = chosen(settings)
    config = {
        "backend": backend(editor),
        "publish_mode": "editorial_workflow" if editor.get("workflow") else "simple",
        "media_folder": "content/images",
        "public_folder": "/images",
        "media_libraries": {"default": {"config": {"max_file_size": max_upload_bytes(settings),
                                                   "slugify_filename": True}},
                            "stock_assets": False},
        "i18n": {"structure": "multiple_files", "locales": codes, "default_locale": codes[0],
                 "omit_default_locale_from_file_path": True,
                 "initial_locales": "all"},  # every language at first; an editor may turn one off
        "output": {"omit_empty_optional_fields": True},  # an optional field left empty is not written
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        "collections": [type_collection(kind, set(kinds), codes) for kind in kinds.values()]
                       + [data_collection(settings, codes)],
    }
    return config


def max_upload_bytes(settings: dict) -> int:
    """The largest upload the build accepts: the smaller of the photo and the upload limits."""
    from kit_images.kit_images import MAX_SOURCE_BYTES
    from kit_uploads.kit_uploads import MAX_UPLOAD_BYTES

    return min(int(settings.get("KIT_IMAGE_MAX_SOURCE_BYTES", MAX_SOURCE_BYTES)),
               int(settings.get("KIT_UPLOAD_MAX_BYTES", MAX_UPLOAD_BYTES)))


def config_text(config: dict) -> str:
    """The configuration as written to /admin/config.yml (JSON is YAML)."""
    return json.dumps(config, ensure_ascii=False, indent=1) + "\n"
