"""The marks that join words in each language: the comma and the semicolon of a list.

Persian writes the Arabic comma ، (U+060C) and semicolon ؛ (U+061B); Swahili and
English the Latin ones, as does any language not named here. The kit joins with these
only the words it puts side by side itself (a person's name and post, the parts of an
address, a list of funders); an editor's own text is never rewritten.
"""

from __future__ import annotations

from typing import Iterable

COMMAS = {"fa": "\u060c"}
SEMICOLONS = {"fa": "\u061b"}
MARKS = {"comma": (COMMAS, ","), "semicolon": (SEMICOLONS, ";")}


def list_mark(lang: str, kind: str = "comma") -> str:
    """The comma (or, with kind="semicolon", the semicolon) of `lang`."""
    table, latin = MARKS[kind]
    return table.get(lang, latin)


def join_words(words: Iterable[str], lang: str, kind: str = "comma") -> str:
    """The non-empty `words` joined by the language's mark and a space."""
    return f"{list_mark(lang, kind)} ".join(word for word in words if word)
