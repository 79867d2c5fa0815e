"""Press contacts: finds the contacts block that closes a release body and splits it into entries.

The extractor works on the body HTML (never on the Markdown, where markdownify escapes `_`): the
HTML is flattened into blocks of text, the block holding an anchor phrase ("For more information,
please contact", "Pour plus d'informations … contacter", "Para más información … contacte",
"Media contacts", …) and the blocks after it are cut into segments (line breaks, semicolons,
"or"/"ou"/"o"), and segments are grouped into contacts. Every regular expression has bounded
repeats only, and the scanned block and the number of contacts are capped, so hostile input costs
linear time. Nothing here raises on any string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from urllib.parse import unquote

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from newsroom_tui.extraction.contact_formats import (
    MAX_NAME_CHARS,
    MAX_PHONE_DIGITS,
    ORG_WORD,
    normalise_phone,
)
from newsroom_tui.models import Contact
from newsroom_tui.sanitise import clean_email, clean_line
from newsroom_tui.speedups.soup_tree import parse_html

MAX_BLOCK_CHARS = 20_000
"""Characters of the contacts block that are scanned; the rest is ignored."""
MAX_CONTACTS = 20
MAX_TEXT_CHARS = 4_000_000
"""Characters of body text flattened before giving up on the rest of the page."""
MAX_MATCHES = 32
MAX_ANCHOR_TRIES = 3
"""Matches of one pattern looked at in one segment (a contact line holds a handful)."""

# Private-use characters mark things the flattened text must carry: a mailto address found in an
# href (kept out of the visible text) and block boundaries. Input copies of them are removed.
_MAILTO_OPEN = "\ue010"
_MAILTO_CLOSE = "\ue011"
_MARKERS = re.compile("[\ue010\ue011]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "section",
        "article",
        "blockquote",
        "header",
        "footer",
        "address",
        "figure",
        "figcaption",
        "hr",
        "pre",
        "main",
        "aside",
        "nav",
        "form",
        "fieldset",
        "center",
    ]
)
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "head",
        "title",
        "canvas",
        "select",
        "textarea",
        "button",
        "video",
        "audio",
    ]
)
_BOLD_TAGS = frozenset(("strong", "b"))

_APOSTROPHES = "'’‘ʼ´`′"

# --- anchors (matched on folded text: lower case, no accents, one kind of apostrophe) ----------
_S = r"\s{1,4}"
_CLAUSE = r"[^.;\n]{0,160}?\bcontact\w{0,8}"
_ANCHOR = re.compile(
    rf"""
      (?P<fr>pour{_S}plus{_S}d'?\s{{0,2}}informations?\b{_CLAUSE}
        | pour{_S}de{_S}plus{_S}amples{_S}informations?\b(?:{_CLAUSE})?
        | contacts?{_S}(?:presse|medias?)\b)
    | (?P<en>for{_S}(?:more|further){_S}information\b{_CLAUSE}
        | (?:media|press){_S}contacts?\b)
    | (?P<es>para{_S}(?:mas|mayor){_S}informacion\b{_CLAUSE}
        | contactos?{_S}(?:de{_S}prensa|para{_S}(?:los{_S})?medios)\b)
    """,
    re.VERBOSE,
)
# A heading under which a mailto link counts even without an anchor phrase.
_CONTACT_HEADING = re.compile(r"\bcontact|\bpresse\b|\bprensa\b|\bmedias?\b")
_AFTER_ANCHOR = re.compile(r"[\s:,.\-–—]{0,10}")
_AFTER_ANCHOR_ES = re.compile(r"(?:a|con)\b[\s:]{0,6}")
_OFFICE_HEADING = re.compile(
    r"\b(?:iom|oim|office|bureau|oficina|mission|mision|unit|unite|unidad|regional|country)\b"
)
_NOT_OFFICE_HEADING = re.compile(
    r"^\s{0,4}(?:about|a propos|acerca|sobre|notes?|related|see also|voir aussi|lire aussi|"
    r"vea tambien|read more|en savoir plus)\b"
)

# --- segments ----------------------------------------------------------------------------------
# "or" before a number joins two phones of one person, so it does not split there.
_SEMICOLON_OR = re.compile(r";|\s(?:ou|or|o)\s(?![\s(+]{0,3}\d)")
_ONLY_JOINER = re.compile(r"[\s,.:]{0,6}(?:ou|or|o|y|et|and)?[\s,.:]{0,6}", re.IGNORECASE)
# Another contact may follow an address in the same line: "…@iom.int, Marie Curie, Tel …".
_AFTER_EMAIL = re.compile(
    r"(@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}|" + _MAILTO_CLOSE + r")"
    r"[ \t]{0,3}(?:[,.]|\s(?:and|et|y))[ \t]{1,3}"
)

# --- emails ------------------------------------------------------------------------------------
_MAILTO_MARK = re.compile(_MAILTO_OPEN + "([^\ue010\ue011]{0,300})" + _MAILTO_CLOSE)
_TEXT_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}")
_OBF_OPEN = r"[\[\(\{<]\s{0,2}"
_OBF_CLOSE = r"\s{0,2}[\]\)\}>]"
_OBFUSCATED_BRACKETS = re.compile(
    rf"([A-Za-z0-9._%+\-]{{1,64}})\s{{0,3}}{_OBF_OPEN}(?:at|arobase|arroba){_OBF_CLOSE}\s{{0,3}}"
    rf"([A-Za-z0-9\-]{{1,63}}(?:\s{{0,3}}(?:{_OBF_OPEN}(?:dot|point|punto){_OBF_CLOSE}|\.)"
    rf"\s{{0,3}}[A-Za-z0-9\-]{{1,63}}){{1,8}})",
    re.IGNORECASE,
)
# "name AT iom DOT int": only with at least one DOT, so "Jean Dupont at IOM Geneva" is a name.
_OBFUSCATED_WORDS = re.compile(
    r"([A-Za-z0-9._%+\-]{1,64}) (?:at|AT) ([A-Za-z0-9\-]{1,63}(?: (?:dot|DOT) [A-Za-z0-9\-]{1,63}){1,8})"
)
_OBF_DOT = re.compile(
    rf"\s{{0,3}}(?:{_OBF_OPEN}(?:dot|point|punto){_OBF_CLOSE}|\.)\s{{0,3}}|\s{{1,3}}dot\s{{1,3}}",
    re.I,
)
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]{1,64}")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9\-]{1,59}")
_HEX = re.compile(r"[0-9a-fA-F]{4,1024}")

# --- phones ------------------------------------------------------------------------------------
_EXTENSION = r"(?:ext|extension|poste|anexo|x)\.?\s{0,3}:?\s{0,3}\d{1,6}"
_PHONE = re.compile(
    r"(?<![\w+])\+?\(?\+?\d[\d \-.()]{4,28}\d" rf"(?:\s{{0,3}},?\s{{0,3}}{_EXTENSION}\b)?",
    re.IGNORECASE,
)
_PHONE_LABEL = re.compile(
    r"\b(?:t[ée]l[ée]phone|tel[ée]fono|t[ée]l|tel|phone|mobile|mob|portable|m[óo]vil|celular|"
    r"cell|cel|gsm|whatsapp|(?P<fax>fax|t[ée]l[ée]copie))\b",
    re.IGNORECASE,
)
_PHONE_JOINER = re.compile(r"[\s,/]{0,6}(?:(?:or|ou|o|y|et|and)[\s,/]{1,6})?", re.IGNORECASE)

# --- names -------------------------------------------------------------------------------------
_LABELS = re.compile(
    r"\b(?:t[ée]l[ée]phone|tel[ée]fono|t[ée]l|tel|phone|mobile|mob|portable|m[óo]vil|celular|"
    r"cell|cel|gsm|whatsapp|fax|t[ée]l[ée]copie|e-?mail|courriel|mail|correo(?:\s{1,3}electr[óo]nico)?)"
    r"\b\.?\s{0,3}:?",
    re.IGNORECASE,
)
_EDGE_PUNCT = " \t,;:.-–—/|()[]\"'«»"
_AT_SPLIT = re.compile(r"\s(?:at|au|aux|aupr[eè]s\s(?:de|du|des)|en)\s")
_IOM_WORD = re.compile(r"\b(?:IOM|OIM|UN Migration)\b")
_LEADING_ARTICLE = re.compile(
    r"^(?:(?:the|le|la|les|el|los|las)\s{1,3}|l['’]\s{0,1})(?=[A-ZÀ-ÝÑ])", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")


class _Fold(dict[int, str]):
    """str.translate table: one character in, one character out (so offsets stay valid)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _APOSTROPHES:
            out = "'"
        elif ch == "\n":
            out = "\n"
        elif ch.isspace():
            out = " "
        else:
            base = unicodedata.normalize("NFKD", ch)[:1] or ch
            out = base.lower()[:1] or base
        if len(self) < 10_000:
            self[code] = out
        return out


_FOLD = _Fold()


def _fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(slots=True)
class _Block:
    text: str
    heading: bool


@dataclass(slots=True, frozen=True)
class _Close:
    heading: bool


_CLOSE_BLOCK = _Close(heading=False)
_CLOSE_HEADING = _Close(heading=True)


@dataclass(slots=True)
class _Entry:
    name_lines: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    mailto: list[str] = field(default_factory=list)
    text_emails: list[str] = field(default_factory=list)
    obfuscated: list[str] = field(default_factory=list)
    office: str = ""

    @property
    def has_info(self) -> bool:
        return bool(self.phones or self.mailto or self.text_emails or self.obfuscated)


@dataclass(slots=True)
class _Segment:
    name: str
    phones: list[str]
    mailto: list[str]
    text_emails: list[str]
    obfuscated: list[str]


# ================================================================================================
# Public API


def extract_contacts(body_html: str, *, tree: BeautifulSoup | None = None) -> list[Contact]:
    """The contacts of one release body (HTML), in page order; [] when it has no contacts block.

    The block closes the body, so the last anchor phrase is tried first; an earlier one is used
    when a later one gives nothing (at most MAX_ANCHOR_TRIES of them).

    `tree` spares the parse when the caller already has it: it must be `BeautifulSoup(body_html,
    "lxml")` of this very string (as extract_page has), not yet modified; it is only read.
    """
    if not isinstance(body_html, str) or not body_html:
        return []
    blocks = _flatten(body_html, tree)
    for region in _anchor_regions(blocks):
        found = _parse_region(region, mailto_only=False)
        if found:
            return found
    region = _heading_region(blocks)
    return _parse_region(region, mailto_only=True) if region else []


# ================================================================================================
# HTML to blocks


def _flatten(body_html: str, tree: BeautifulSoup | None = None) -> list[_Block]:
    """The body as blocks of text (paragraph-like or heading-like); <br> becomes a newline."""
    html = _SURROGATES.sub("", body_html).replace("\x00", "")
    if tree is not None and html == body_html:
        soup = tree
    else:
        try:
            soup = parse_html(html)
        except (ValueError, TypeError, LookupError, RecursionError, AssertionError):
            return []
    blocks: list[_Block] = []
    pieces: list[str] = []
    heading_depth = 0
    total = 0

    def flush() -> None:
        if not pieces:
            return
        text = "".join(pieces)
        pieces.clear()
        if text.strip():
            blocks.append(_Block(unicodedata.normalize("NFC", text), heading_depth > 0))

    # Most items are strings and elements: they are tested for first.
    stack: list[PageElement | _Close | str] = [soup]
    while stack and total < MAX_TEXT_CHARS:
        item = stack.pop()
        if isinstance(item, NavigableString):
            if isinstance(item, PreformattedString):  # comments, CDATA, doctype…
                continue
            text = str(item)
            if _MAILTO_OPEN in text or _MAILTO_CLOSE in text:
                text = _MARKERS.sub("", text)
            total += len(text)
            pieces.append(text)
            continue
        if isinstance(item, Tag):
            name = (item.name or "").lower()
            if name in _SKIP_TAGS:
                continue
            if name == "br":
                pieces.append("\n")
                continue
            attrs = item.attrs
            cf = _attr(item, "data-cfemail") if attrs and "data-cfemail" in attrs else ""
            if cf:
                decoded = _decode_cfemail(cf)
                if decoded:
                    pieces.append(" " + decoded + " ")
                continue
            if name == "a":
                emails = _link_emails(_attr(item, "href"))
                if emails:
                    stack.append("".join(_MAILTO_OPEN + e + _MAILTO_CLOSE for e in emails))
            is_heading = name in _HEADING_TAGS or (name in ("p", "div") and _bold_only(item))
            if is_heading:
                flush()
                stack.append(_CLOSE_HEADING)
                heading_depth += 1
            elif name in _BLOCK_TAGS:
                flush()
                stack.append(_CLOSE_BLOCK)
            stack.extend(reversed(item.contents))
            continue
        if isinstance(item, _Close):
            flush()
            if item.heading:
                heading_depth -= 1
            continue
        if isinstance(item, str):
            pieces.append(item)  # a mailto marker queued after a link's children
    flush()
    return blocks


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value if isinstance(value, str) else ""


def _bold_only(tag: Tag) -> bool:
    """A paragraph that is only <strong>…</strong>: a heading in all but name."""
    only: PageElement | None = None
    for child in tag.contents:
        if isinstance(child, NavigableString) and not child.strip():
            continue  # whitespace (or an empty comment) does not count
        if only is not None or not (isinstance(child, Tag) and child.name in _BOLD_TAGS):
            return False
        only = child
    return only is not None


def _link_emails(href: str) -> list[str]:
    """Addresses of a mailto: link (query ignored, percent-decoded) or a Cloudflare-protected link."""
    href = href.strip()
    if href[:7].lower() == "mailto:":
        target = unquote(href[7:].partition("?")[0])
        found = (_valid_email(part) for part in target.split(",")[:10])
        return [e for e in found if e]
    if "/cdn-cgi/l/email-protection#" in href:
        decoded = _decode_cfemail(href.rpartition("#")[2])
        email = _valid_email(decoded) if decoded else None
        return [email] if email else []
    return []


def _decode_cfemail(hex_text: str) -> str | None:
    """Cloudflare's email obfuscation: the first byte is a key XORed with every following byte."""
    hex_text = hex_text.strip()
    if len(hex_text) % 2 or not _HEX.fullmatch(hex_text):
        return None
    data = bytes.fromhex(hex_text)
    key = data[0]
    return bytes(b ^ key for b in data[1:]).decode("utf-8", errors="replace")


# ================================================================================================
# Finding the block


def _anchor_regions(blocks: list[_Block]) -> Iterator[list[_Block]]:
    """Candidate contacts blocks, last anchor first: the anchor's block cut after the phrase,
    then the blocks that follow it (bounded).

    Lazy, from the end: the block closes the body, so the first region usually answers and the
    blocks before its anchor are never folded nor searched.
    """
    tries = 0
    for index in range(len(blocks) - 1, -1, -1):
        if tries >= MAX_ANCHOR_TRIES:
            return
        folded = _fold(blocks[index].text)
        if not _may_anchor(folded):
            continue
        match = _ANCHOR.search(folded)
        if not match:
            continue
        tries += 1
        rest = blocks[index].text[match.end() :]
        lead = _AFTER_ANCHOR.match(rest)
        if lead:
            rest = rest[lead.end() :]
        if match.group("es"):
            lead = _AFTER_ANCHOR_ES.match(rest)
            if lead:
                rest = rest[lead.end() :]
        first = [_Block(rest, False)] if rest.strip() else []
        yield _bounded(first, blocks, index + 1)


def _may_anchor(folded: str) -> bool:
    """Every anchor phrase holds one of these words; most blocks hold neither, and two substring
    tests cost less than the pattern's search."""
    return "contact" in folded or "informa" in folded


def _heading_region(blocks: list[_Block]) -> list[_Block]:
    """Fallback: the blocks under a contacts-like heading that hold a mailto link."""
    for index, block in enumerate(blocks):
        if block.heading and len(block.text) < 100 and _CONTACT_HEADING.search(_fold(block.text)):
            end = index + 1
            while end < len(blocks) and not blocks[end].heading:
                end += 1
            if any(_MAILTO_OPEN in blocks[i].text for i in range(index + 1, end)):
                return _bounded([], blocks, index + 1, end)
    return []


def _bounded(
    first: list[_Block], blocks: list[_Block], start: int, end: int | None = None
) -> list[_Block]:
    """`first` then blocks[start:end], cut to MAX_BLOCK_CHARS characters in all."""
    out: list[_Block] = []
    size = 0
    stop = len(blocks) if end is None else end
    candidates = chain(first, (blocks[i] for i in range(start, stop)))
    for block in candidates:
        room = MAX_BLOCK_CHARS - size
        if room <= 0:
            break
        text = block.text[:room]
        size += len(text)
        out.append(_Block(text, block.heading))
    return out


# ================================================================================================
# Block to contacts


def _parse_region(region: list[_Block], *, mailto_only: bool) -> list[Contact]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    office = ""
    for block in region:
        if block.heading:
            folded = _fold(block.text).strip()
            if _ANCHOR.search(folded):
                continue
            if (
                len(folded) <= 100
                and _OFFICE_HEADING.search(folded)
                and not _NOT_OFFICE_HEADING.search(folded)
            ):
                office = _clean_name(block.text)
                current = None
                continue
            break
        stop = False
        for raw in _segments(block.text):
            seg = _parse_segment(raw)
            has_info = bool(seg.phones or seg.mailto or seg.text_emails or seg.obfuscated)
            if seg.name:
                if len(seg.name) > MAX_NAME_CHARS:
                    if any(e.has_info for e in entries):
                        stop = True
                        break
                    if current is not None and current in entries:
                        entries.remove(current)
                    current = None
                    continue
                if current is None or current.has_info:
                    if len(entries) >= MAX_CONTACTS * 2:
                        stop = True
                        break
                    current = _Entry(office=office)
                    entries.append(current)
                current.name_lines.append(seg.name)
            elif has_info and current is None:
                current = _Entry(office=office)
                entries.append(current)
            if current is not None and has_info:
                current.phones += seg.phones
                current.mailto += seg.mailto
                current.text_emails += seg.text_emails
                current.obfuscated += seg.obfuscated
        if stop:
            break
    contacts: list[Contact] = []
    for entry in entries:
        if mailto_only and not entry.mailto:
            continue
        contact = _to_contact(entry)
        if contact is not None:
            contacts.append(contact)
        if len(contacts) >= MAX_CONTACTS:
            break
    return contacts


def _segments(text: str) -> list[str]:
    text = _AFTER_EMAIL.sub(lambda m: m.group(1) + "\n", text)
    out: list[str] = []
    for line in text.split("\n"):
        out += [p for p in _SEMICOLON_OR.split(line) if not _ONLY_JOINER.fullmatch(p)]
    return out


def _parse_segment(raw: str) -> _Segment:
    """Phones, emails (by source) and the name text that precedes the first of them."""
    text = raw.replace("＠", "@").replace("﹫", "@").replace("．", ".")
    text = clean_line(text.replace(_MAILTO_OPEN, " " + _MAILTO_OPEN), limit=len(text) + 10)
    spans: list[tuple[int, int]] = []
    mailto: list[str] = []
    for m in islice(_MAILTO_MARK.finditer(text), MAX_MATCHES):
        spans.append(m.span())
        email = _valid_email(m.group(1))
        if email:
            mailto.append(email)
    text_emails: list[str] = []
    for m in islice(_TEXT_EMAIL.finditer(text), MAX_MATCHES):
        if _inside(m.start(), spans):
            continue
        email = _valid_email(m.group(0))
        if email:
            spans.append(m.span())
            text_emails.append(email)
    obfuscated: list[str] = []
    for pattern in (_OBFUSCATED_BRACKETS, _OBFUSCATED_WORDS):
        for m in islice(pattern.finditer(text), MAX_MATCHES):
            if _inside(m.start(), spans):
                continue
            domain = _OBF_DOT.sub(".", m.group(2)).replace(" ", "")
            email = _valid_email(m.group(1) + "@" + domain)
            if email:
                spans.append(m.span())
                obfuscated.append(email)
    # Phones are looked for with the addresses blanked out (digits in a local part are no phone).
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    phones = _find_phones("".join(blanked), spans)
    first = min((start for start, _ in spans), default=len(text))
    name = _LABELS.sub(" ", text[:first])
    name = name.strip(_EDGE_PUNCT)
    if not _LETTER.search(name):
        name = ""
    return _Segment(name, phones, mailto, text_emails, obfuscated)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _find_phones(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Numbers after a phone label, after another phone, or starting with '+'; fax skipped."""
    phones: list[str] = []
    previous_end = 0
    previous_kind = ""  # "phone", "fax" or ""
    labels = list(islice(_PHONE_LABEL.finditer(text), MAX_MATCHES * 4))
    next_label = 0
    for m in islice(_PHONE.finditer(text), MAX_MATCHES):
        printed = m.group(0).strip()
        digits = sum(ch.isdigit() for ch in printed)
        if digits < 6 or digits > MAX_PHONE_DIGITS + 6:
            continue
        # The last label between the previous phone and this number, if any.
        label: re.Match[str] | None = None
        while next_label < len(labels) and labels[next_label].start() < m.start():
            if labels[next_label].start() >= previous_end:
                label = labels[next_label]
            next_label += 1
        before = text[previous_end : m.start()]
        if label is not None:
            kind = "fax" if label.group("fax") else "phone"
        elif previous_kind and _PHONE_JOINER.fullmatch(before):
            kind = previous_kind
        elif printed.lstrip("(").startswith("+"):
            kind = "phone"
        else:
            continue
        spans.append(m.span())
        previous_end = m.end()
        previous_kind = kind
        if kind == "phone":
            phones.append(clean_line(printed, limit=64))
    return phones


def _valid_email(raw: str) -> str | None:
    """The address cleaned (domain lower-cased) if it has the shape of one, else None."""
    email = clean_email(raw).strip("<>.,;:'\"()[]{}")
    if len(email) > 254 or email.count("@") != 1:
        return None
    local, _, domain = email.partition("@")
    local = local.lstrip(".")
    domain = domain.lower().rstrip(".-")
    if not local or len(local) > 64 or ".." in local or local.endswith("."):
        return None
    if not all(_LOCAL_PART.fullmatch(part) for part in local.split(".")):
        return None
    labels = domain.split(".")
    if len(labels) < 2 or len(domain) > 253:
        return None
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return None
    if not _TLD.fullmatch(labels[-1]):
        return None
    email = f"{local}@{domain}"
    return email if len(email) <= 254 else None


def _to_contact(entry: _Entry) -> Contact | None:
    emails = _dedupe(entry.mailto + entry.text_emails + entry.obfuscated, key=str.lower)
    phones = _dedupe(entry.phones, key=normalise_phone)
    if not emails and not phones:
        return None
    name, organization = _name_and_org(", ".join(entry.name_lines))
    if not organization:
        if entry.office:
            organization = entry.office
        elif _IOM_WORD.search(name):
            organization = name
    if not name:
        name = organization
    return Contact(name=name, organization=organization, phones=phones, emails=emails)


def _name_and_org(text: str) -> tuple[str, str]:
    """'Jean Dupont at IOM Geneva' / 'Jean Dupont, OIM Tunisie' / 'Unité X au Bureau …'."""
    text = _clean_name(text)
    parts = [p for p in (_clean_name(p) for p in text.split(",")) if p]
    if not parts:
        return "", ""
    name, organization = parts[0], ""
    split = _AT_SPLIT.search(name)
    if split and not _IOM_WORD.search(name[: split.start()]):
        name, organization = _clean_name(name[: split.start()]), _clean_name(name[split.end() :])
    elif len(parts) > 1:
        rest = parts[1:]
        organization = next((p for p in rest if ORG_WORD.search(p)), ", ".join(rest))
    return name, organization


def _clean_name(text: str) -> str:
    text = clean_line(text, limit=MAX_NAME_CHARS).strip(_EDGE_PUNCT)
    return _LEADING_ARTICLE.sub("", text).strip(_EDGE_PUNCT)


def _dedupe(values: list[str], *, key: Callable[[str], str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        k = key(value)
        if k and k not in seen:
            seen.add(k)
            out.append(value)
    return out
