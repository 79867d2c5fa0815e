"""Phone numbers as international digits: how the store, the exports and the contacts extractor
compare and print them. Imports nothing of the package (the plain data in `models` uses it).
"""

from __future__ import annotations

import re
import unicodedata

from newsroom_tui.lazy_re import lazy_compile

MAX_PHONE_DIGITS = 20

EXTENSION_TAIL = lazy_compile(
    r"(?:ext|extension|poste|anexo|int|x)\.?\s{0,3}:?\s{0,3}(\d{1,6})\s{0,3}\)?\s{0,3}$", re.I
)
"""An extension closing a printed phone ("ext. 12", "poste 45", "anexo 116", "x142")."""
_TRUNK_ZERO = lazy_compile(r"\(\s{0,2}0\s{0,2}\)")


def normalise_phone(printed: str) -> str:
    """International digits ('+41 79 123 45 67' -> '+41791234567'); extension kept after 'x'.

    Numbers printed without a leading '+' stay digits only ("00" before a country code becomes
    '+'); '(0)' after a country code is dropped. A printed alternative ending ("5140/1") is
    left out: phone_numbers() gives every number a printed phone stands for.
    """
    numbers = phone_numbers(printed)
    return numbers[0] if numbers else ""


def phone_numbers(printed: str) -> list[str]:
    """Every number a printed phone stands for, normalised: "+2 02 2736 5140/1" is two."""
    if not isinstance(printed, str) or not printed:
        return []
    text = printed[:100]
    ext = ""
    tail = EXTENSION_TAIL.search(text)
    if tail:
        ext = tail.group(1)
        text = text[: tail.start()]
    head, slash, alternative = text.partition("/")
    alternatives: list[str] = []
    if slash:
        alt_digits = "".join(ch for ch in alternative if ch.isdecimal())
        if alt_digits and len(alt_digits) <= 4:
            alternatives = [alt_digits]
            text = head
    stripped = text.lstrip(" \t(")
    plus = stripped.startswith("+")
    if plus:
        text = _TRUNK_ZERO.sub("", text)
    digits = "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())
    if not plus and stripped.startswith("00") and len(digits) > 10:
        plus, digits = True, digits[2:]
    digits = digits[:MAX_PHONE_DIGITS]
    if not digits:
        return []
    suffix = f"x{ext}" if ext else ""
    sign = "+" if plus else ""
    out = [sign + digits + suffix]
    for alt in alternatives:
        if len(alt) < len(digits):
            out.append(sign + digits[: len(digits) - len(alt)] + alt + suffix)
    return out
