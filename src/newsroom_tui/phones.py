"""Phone numbers as international digits: how the store, the exports and the contacts extractor
compare and print them. Imports nothing of the package (the plain data in `models` uses it).
"""

from __future__ import annotations

import re
import unicodedata

MAX_PHONE_DIGITS = 20

_EXT_TAIL = re.compile(
    r"(?:ext|extension|poste|anexo|x)\.?\s{0,3}:?\s{0,3}(\d{1,6})\s{0,3}\)?\s{0,3}$", re.I
)
_TRUNK_ZERO = re.compile(r"\(\s{0,2}0\s{0,2}\)")


def normalise_phone(printed: str) -> str:
    """International digits ('+41 79 123 45 67' -> '+41791234567'); extension kept after 'x'.

    Numbers printed without a leading '+' stay digits only; '(0)' after a country code is dropped.
    """
    if not isinstance(printed, str) or not printed:
        return ""
    text = printed[:100]
    ext = ""
    tail = _EXT_TAIL.search(text)
    if tail:
        ext = tail.group(1)
        text = text[: tail.start()]
    plus = text.lstrip(" \t(").startswith("+")
    if plus:
        text = _TRUNK_ZERO.sub("", text)
    digits = "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())
    digits = digits[:MAX_PHONE_DIGITS]
    if not digits:
        return ""
    return ("+" if plus else "") + digits + (f"x{ext}" if ext else "")
