"""Press contacts as text: "Name <email>" and vCards (phone numbers: `phones`).

Kept apart from the extractor (contacts.py) so that the reader and the store use them without
loading an HTML parser.
"""

from __future__ import annotations

import re

from newsroom_tui.models import Contact
from newsroom_tui.phones import MAX_PHONE_DIGITS, normalise_phone
from newsroom_tui.sanitise import clean_email, clean_line

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_PHONE_DIGITS",
    "ORG_WORD",
    "format_name_email",
    "format_vcard",
    "normalise_phone",
]

MAX_NAME_CHARS = 200
"""Text longer than this before a phone or email is prose, not a name: it ends the block."""
ORG_WORD = re.compile(
    r"\b(?:IOM|OIM|UN|office|bureau|oficina|mission|misi[óo]n|unit|unit[ée]|unidad|"
    r"division|divisi[óo]n|d[ée]partement|department|departamento|headquarters|si[èe]ge|sede)\b",
    re.IGNORECASE,
)


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
