"""The one spelling search uses for Persian letters and for digits of every script.

Readers type Persian with Arabic keyboard layouts (ي ى ك instead of ی ک), with or
without the zero-width non-joiner (می‌خواهم, میخواهم), now and then with a
tatweel (مـدرسه) or short vowels (کِتاب), and numbers in Persian (۱۴۰۵),
Arabic-Indic (١٤٠٥) or ASCII (1405) digits. Both the index and the query are
folded the same way: yeh and kaf to their Persian letters, tatweel, short-vowel
marks and the non-joiner to nothing (a word keeps its place, so highlights still
land on it), every digit to ASCII. `theme/static/js/search.js` folds the query with
the same table; `tests/test_search_folding.py` keeps the two equal.
"""

from __future__ import annotations

import re
from pathlib import Path

ARABIC_LETTERS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}  # ي ى ك -> ی ک
DROPPED = ["\u0640", "\u0670", "\u200c", *map(chr, range(0x064B, 0x0660))]  # tatweel, dagger alef, ZWNJ, harakat
DIGITS = {chr(zero + n): str(n) for zero in (0x06F0, 0x0660) for n in range(10)}  # ۰-۹ and ٠-٩
TABLE = str.maketrans({**ARABIC_LETTERS, **DIGITS, **dict.fromkeys(DROPPED)})
FOLDED = re.compile("[" + "".join(map(chr, TABLE)) + "]+")  # runs of the characters folding changes
ARABIC_SPELLING = re.compile("[" + "".join(ARABIC_LETTERS) + "]")


def fold(text: str) -> str:
    """`text` in the spelling of the search index.

    Only the runs of characters that change are translated: `str.translate` over a whole
    page costs far more than finding the few runs (none at all in most pages)."""
    return FOLDED.sub(lambda run: run.group().translate(TABLE), text)


def arabic_spellings(path: Path) -> list[int]:
    """The line numbers of a Persian file that use Arabic yeh or kaf."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [number for number, line in enumerate(lines, 1) if ARABIC_SPELLING.search(line)]
