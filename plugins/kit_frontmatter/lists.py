"""`<ol start>` as HTML wants it: an integer in ASCII digits, whatever digits a list is numbered in.

Python-Markdown reads a list's first number with `\\d`, which also matches Persian (۱) and
Arabic-Indic (١) digits, and copies it as written: a list typed `۳.` `۴.` became
`<ol start="۳">`, which is not valid HTML. The start is written back as the same number in
ASCII digits, and left out when it is 1, as Markdown does for a list typed `1.` `2.`. The list
keeps its numbering; the page's stylesheet draws the markers in the page's digits.
"""

from __future__ import annotations

import re

INTEGER = re.compile(r"\s*([+-]?\d+)\s*")  # \d: any script's decimal digits, which int() reads


def ascii_start(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: an `ol`'s start as an ASCII integer, None (left out) when 1 or not a number."""
    if tag != "ol" or attribute != "start":
        return value
    found = INTEGER.fullmatch(value)
    number = int(found.group(1)) if found else 1
    return None if number == 1 else str(number)
