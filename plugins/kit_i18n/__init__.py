"""One build for every language; see kit_i18n.py."""

from .kit_i18n import (N_, compile_catalog, incomplete_messages, lang_prefix, page_lang,
                       translate, translated_text)

__all__ = ["N_", "compile_catalog", "incomplete_messages", "lang_prefix", "page_lang", "translate", "translated_text"]
