"""Press contacts as text: phones found in a contact line, "Name <email>" and vCards (phone
numbers as digits: `phones`).

Kept apart from the extractor (contacts.py) so that the reader and the store use them without
loading an HTML parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from newsroom_tui.models import Contact
from newsroom_tui.phones import EXTENSION_TAIL, MAX_PHONE_DIGITS, normalise_phone, phone_numbers
from newsroom_tui.sanitise import clean_email, clean_line

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_NUMBER_DIGITS",
    "MAX_PHONE_DIGITS",
    "ORG_WORD",
    "PhoneSpan",
    "find_phones",
    "format_name_email",
    "format_vcard",
    "normalise_phone",
    "phone_numbers",
]

MAX_NAME_CHARS = 200
"""Text longer than this before a phone or email is prose, not a name: it ends the block."""
MAX_NUMBER_DIGITS = 15
"""The longest international number (E.164) a printed phone may hold, extension aside."""
MIN_NUMBER_DIGITS = 6

ORG_WORD = re.compile(
    r"\b(?:IOM|OIM|UN|office|bureau|oficina|mission|misi[óo]n|unit|unit[ée]|unidad|"
    r"division|divisi[óo]n|d[ée]partement|department|departamento|headquarters|si[èe]ge|sede)\b",
    re.IGNORECASE,
)

# --- finding phones in a line of a contacts block --------------------------------------------
# A number: an optional '+' (printed "+ 41", "+ +41", "(+41)" or "00 41" too), then digits in
# groups separated by spaces, dashes, dots, slashes or brackets, then an optional extension.
_EXTENSION = r"(?:ext|extension|poste|anexo|int|x)\.?\s{0,3}:?\s{0,3}\d{1,6}"
_NUMBER = re.compile(
    r"(?<![\w+@.])(?:\(\s{0,2})?(?:\+\s{0,2}){0,2}(?:\(\s{0,2}\+?\s{0,2})?\d[\d \u00a0\-.()/]{4,40}\d"
    rf"(?:\s{{0,3}}[,(]?\s{{0,3}}(?<![A-Za-z]){_EXTENSION}\b\)?)?",
    re.IGNORECASE,
)
_PHONE_LABEL = re.compile(
    r"(?<![\w@.])(?:t[ée]l[ée]phones?|tel[ée]fonos?|t[ée]l|tel|tfno|telf|phones?|mobiles?|mob|"
    r"portables?|m[óo]vil|celular|cellulaire|cell|cel|gsm|whatsapp|office|direct|fijo|fixe|"
    r"bureau|oficina|hotline|t|m|p|o|(?P<fax>fax|t[ée]l[ée]copie))\b\.?",
    re.IGNORECASE,
)
_SINGLE_LETTER = re.compile(r"[tmpo]\.?\s{0,2}:", re.IGNORECASE)
_JOINER = re.compile(r"[\s,/;]{0,6}(?:(?:or|ou|o|y|et|and|/)[\s,/]{1,6})?", re.IGNORECASE)
_SLASH = re.compile(r"\s{0,2}/\s{0,2}")
MAX_PHONES_PER_LINE = 16


@dataclass(frozen=True, slots=True)
class PhoneSpan:
    """One phone found in a line: as printed, and where it stands."""

    printed: str
    start: int
    end: int


def find_phones(text: str) -> list[PhoneSpan]:
    """The phones of one line of a contacts block, in order; fax numbers are skipped.

    A number counts when it starts with '+' (or "00" and a country code), when a phone label
    (Tel, Tél., Phone, Mobile, Portable, Móvil, Celular, Fijo, Office, T:, M: …) stands between
    the previous phone and it, or when it follows another phone joined by "/", "or", "ou", "o".
    Numbers joined by "/" are split when the part after the slash is a whole number; a short
    tail ("5140/1", "9111/12") is an alternative ending of the same number and stays with it.
    """
    found: list[PhoneSpan] = []
    if not isinstance(text, str) or not text:
        return found
    labels = [
        m
        for m in islice(_PHONE_LABEL.finditer(text), MAX_PHONES_PER_LINE * 4)
        if len(m.group(0).rstrip(".")) > 1 or _SINGLE_LETTER.match(text, m.start())
    ]
    next_label = 0
    previous_end = 0
    previous_kind = ""
    for match in islice(_NUMBER.finditer(text), MAX_PHONES_PER_LINE):
        label: re.Match[str] | None = None
        while next_label < len(labels) and labels[next_label].start() < match.start():
            if labels[next_label].start() >= previous_end:
                label = labels[next_label]
            next_label += 1
        for piece_start, piece in _pieces(text, match.start(), match.end()):
            digits = sum(ch.isdecimal() for ch in EXTENSION_TAIL.sub("", piece))
            if digits < MIN_NUMBER_DIGITS or digits > MAX_NUMBER_DIGITS + 2:
                continue
            plus = piece.lstrip(" (").startswith("+") or piece.lstrip(" (").startswith("00")
            between = text[previous_end:piece_start]
            if label is not None:
                kind = "fax" if label.group("fax") else "phone"
                label = None
            elif previous_kind and _JOINER.fullmatch(between):
                kind = previous_kind
            elif plus and (digits >= 8 or piece.lstrip(" (").startswith("+")):
                kind = "phone"
            else:
                continue
            previous_end = piece_start + len(piece)
            previous_kind = kind
            if kind == "phone":
                found.append(PhoneSpan(piece.strip(), piece_start, previous_end))
    return found


def _pieces(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """A matched run cut where a slash starts another whole number (a short tail stays)."""
    run = text[start:end]
    # A closing bracket that opened before the run, or a lone trailing one, is not the phone's.
    if run.endswith(")") and run.count("(") < run.count(")"):
        run = run[:-1].rstrip()
    parts: list[tuple[int, str]] = []
    offset = 0
    for slash in _SLASH.finditer(run):
        head = run[offset : slash.start()]
        tail = run[slash.end() :]
        tail_digits = _first_group_digits(tail)
        whole_tail = sum(ch.isdecimal() for ch in tail)
        if tail_digits <= 4 and whole_tail <= 4:
            continue  # "5140/1": an alternative ending, kept with its number
        if (
            sum(ch.isdecimal() for ch in head) >= MIN_NUMBER_DIGITS
            and whole_tail >= MIN_NUMBER_DIGITS
        ):
            parts.append((start + offset, head))
            offset = slash.end()
    parts.append((start + offset, run[offset:]))
    return [(s, p) for s, p in parts if p.strip()]


def _first_group_digits(text: str) -> int:
    count = 0
    for ch in text:
        if ch.isdecimal():
            count += 1
        elif count:
            break
    return count


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
    # the email standing in for a missing name is cleaned as the EMAIL lines are
    full = name or org or next((e for e in map(clean_email, contact.emails) if e), "")
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
        numbers = phone_numbers(phone)
        # A printed alternative ending ("…5140/1") is two numbers: each gets its own line.
        for value in numbers if len(numbers) > 1 else [phone] if phone else []:
            lines.append("TEL;TYPE=VOICE:" + _vcard_escape(value))
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
