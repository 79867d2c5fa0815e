"""Press contacts as text: phone numbers in international digits, "Name <email>" and vCards.

Kept apart from the extractor (contacts.py) so that the reader and the store use them without
loading an HTML parser.
"""

from __future__ import annotations

import re
import unicodedata

from newsroom_tui.models import Contact
from newsroom_tui.sanitise import clean_email, clean_line

MAX_NAME_CHARS = 200
"""Text longer than this before a phone or email is prose, not a name: it ends the block."""
MAX_PHONE_DIGITS = 20

_EXT_TAIL = re.compile(
    r"(?:ext|extension|poste|anexo|x)\.?\s{0,3}:?\s{0,3}(\d{1,6})\s{0,3}\)?\s{0,3}$", re.I
)
_TRUNK_ZERO = re.compile(r"\(\s{0,2}0\s{0,2}\)")
ORG_WORD = re.compile(
    r"\b(?:IOM|OIM|UN|office|bureau|oficina|mission|misi[óo]n|unit|unit[ée]|unidad|"
    r"division|divisi[óo]n|d[ée]partement|department|departamento|headquarters|si[èe]ge|sede)\b",
    re.IGNORECASE,
)


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


def format_name_email(contact: Contact) -> str | None:
    """'Name <email>' for the first email (None without one); the name is quoted when needed."""
    email = next((clean_email(e) for e in contact.emails if clean_email(e)), "")
    if not email:
        return None
    name = clean_line(contact.name, limit=MAX_NAME_CHARS)
    if not name:
        return email
    if any(ch in name for ch in '"(),:;<>@[\\]'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def format_vcard(contact: Contact) -> str:
    """The contact as a vCard 3.0 (CRLF lines, values escaped and folded at 75 octets)."""
    name = clean_line(contact.name, limit=MAX_NAME_CHARS)
    org = clean_line(contact.organization, limit=MAX_NAME_CHARS)
    full = name or org or next(iter(contact.emails), "")
    family, given = "", ""
    if name and name != org and not ORG_WORD.search(name):
        given, _, family = name.rpartition(" ")
    else:
        family = name
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:" + _vcard_escape(full),
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
    ]
    if org:
        lines.append("ORG:" + _vcard_escape(org))
    for phone in contact.phones:
        phone = clean_line(phone, limit=64)
        if phone:
            lines.append("TEL;TYPE=VOICE:" + _vcard_escape(phone))
    for email in contact.emails:
        email = clean_email(email)
        if email:
            lines.append("EMAIL;TYPE=INTERNET:" + _vcard_escape(email))
    lines.append("END:VCARD")
    return "".join(_vcard_fold(line) + "\r\n" for line in lines)


def _vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _vcard_fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 sequence."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)
