"""Reading a press-contacts block: its lines (offices on lines of their own, segments cut at
semicolons, "or"/"ou"/"o" and after an address) become people, teams and mailboxes, each with
their office, phones and addresses. The block ends at prose, at a heading that is not an office,
or at "About IOM". See docs/contact-formats.md for the formats. Every pattern has bounded
repeats, and the lines and contacts read are capped; nothing here raises on any string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from newsroom_tui.extraction.contact_formats import (
    MAX_NAME_CHARS,
    find_phones,
    normalise_phone,
)
from newsroom_tui.extraction.contact_leadins import (
    AFTER_ANCHOR,
    ANCHOR,
    Anchor,
    anchor_stands,
    fold,
    may_anchor,
)
from newsroom_tui.extraction.contact_names import (
    clean_part,
    has_org_word,
    has_role_noun,
    has_team_word,
    has_verb,
    leading_office,
    leading_org_name,
    looks_like_person,
    names_an_office,
    person_key,
    split_office,
    starts_with_org,
    trailing_person,
)
from newsroom_tui.models import Contact
from newsroom_tui.sanitise import clean_email, clean_line

MAX_CONTACTS = 20
MAX_MATCHES = 32
"""Matches of one pattern looked at in one segment (a contact line holds a handful)."""
MAX_LINES = 400
"""Lines of one block read (a block of ten people in stacked lines holds about sixty)."""
MAX_PROSE_SKIPPED = 3
"""Lines of prose passed over between a lead-in and its first contact before giving up."""

# Private-use characters mark things the flattened text must carry: a mailto address found in an
# href (kept out of the visible text) and block boundaries. Input copies of them are removed.
MAILTO_OPEN = "\ue010"
MAILTO_CLOSE = "\ue011"
MARKERS = re.compile("[\ue010\ue011]")
_END_OF_BLOCK = re.compile(
    r"\s{0,4}(?:about\s{1,3}(?:iom|the\s{1,3}international|us\b)|a\s{1,3}propos\s{1,3}de"
    r"|acerca\s{1,3}de|sobre\s{1,3}(?:la\s{1,3})?(?:oim|organizacion)|notes?\s{1,3}(?:to|for)"
    r"\s{1,3}editors|notes?\s{1,3}aux\s{1,3}redactions|nota\s{1,3}(?:a|para)\s{1,3}(?:los\s{1,3})?"
    r"editores|related\s{1,3}(?:links|news|stories)|language\s{1,3}english|posted\s{0,2}:"
    r"|tags\s{0,2}:|share\s{1,3}this|partager|compartir|disclaimer|avertissement)"
)
_SEPARATOR = re.compile(r"[\s*_\-–—=~•·.#]{0,40}")

# --- segments ----------------------------------------------------------------------------------
# "or" before a number (or a phone label) joins two phones of one person: no split there.
_SPLIT = re.compile(
    r";|\|"
    r"|\s(?:ou|or|o)\s(?![\s(+]{0,3}\d)(?!(?:(?:par|by|via|at|al|a|au|en|on|sur|por)\s{1,3})?"
    r"(?:(?:le|la|el|the|son|su|his|her)\s{1,3})?(?:tel|tél|phone|mobile|mob|cell|portable|móvil"
    r"|movil|celular|fijo|office|bureau|whatsapp|courriel|correo|e-?mail|mail|t[ée]l[ée]phone"
    r"|tel[ée]fono|num[ée]ro|n[úu]mero)\b)",
    re.IGNORECASE,
)
_ONLY_JOINER = re.compile(r"[\s,.:]{0,6}(?:ou|or|o|y|et|and)?[\s,.:]{0,6}", re.IGNORECASE)
# Another contact may follow an address in the same line: "…@iom.int, Marie Curie, Tel …".
_AFTER_EMAIL = re.compile(
    r"(@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}|" + MAILTO_CLOSE + r")"
    r"[ \t]{0,3}(?:[,.]|\s(?:and|et|y))[ \t]{1,3}(?:(?:and|et|y)[ \t]{1,3})?(?=[^\W\d_])"
)
_LEADING_JOINER = re.compile(
    r"^(?:\s{0,3}(?:and|et|y|or|ou|o|&|plus|as\s{1,3}well\s{1,3}as|encore|also|aussi|tambi[ée]n"
    r"|(?-i:de|of|from|del|du|a|con))\s{1,3})+",
    re.IGNORECASE,
)
_DASH_PARTS = re.compile(r"\s[–—-]\s|\s/\s|,")

# --- emails ------------------------------------------------------------------------------------
_MAILTO_MARK = re.compile(MAILTO_OPEN + "([^\ue010\ue011]{0,300})" + MAILTO_CLOSE)
_TEXT_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}")
# A space printed beside the "@" of an address ("jroe @iom.int").
_SPACED_AT = re.compile(
    r"(?<=[A-Za-z0-9._%+\-]) @ ?(?=[A-Za-z0-9])|(?<=[A-Za-z0-9._%+\-])@ (?=[A-Za-z0-9])"
)
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
_PROTECTED = re.compile(r"\[\s{0,2}email(?:\s|\u00a0|&#160;){0,3}protected\s{0,2}\]", re.I)
_LOST_ADDRESS = re.compile(
    r"\[\s{0,2}email(?:\s|\u00a0|&#160;){0,3}protected\s{0,2}\]"
    r"|\b(?:e-?mail|courriel|correo(?:\s{1,3}electr[óo]nico)?)\s{0,3}:?\s{0,3}[.,;]?\s{0,3}$",
    re.I,
)

# --- names -------------------------------------------------------------------------------------
_LABEL_WORDS = (
    r"t[ée]l[ée]phones?|tel[ée]fonos?|t[ée]l|tel|tfno|telf|phones?|mobiles?|mob|portables?"
    r"|m[óo]vil|celular|cellulaire|cell|cel|gsm|whatsapp|fijo|fixe|fax|t[ée]l[ée]copie"
    r"|e-?mails?|courriels?|mail|correos?(?:\s{1,3}electr[óo]nicos?)?|adresse\s{1,3}(?:e-?mail"
    r"|[ée]lectronique)|email\s{1,3}address|t|m|e|p|o"
)
# Labels that close the text before a phone or email ("…, IOM Geneva, Tel.:", "…, Courriel :").
_TRAILING_LABELS = re.compile(
    rf"(?:[\s,;:|/(\-–—]{{0,4}}\b(?:{_LABEL_WORDS})\b\.?\s{{0,3}}:?"
    # "Office:" is a label where it stands as a piece of its own (", Office: +41 …"), not at the
    # end of a name ("IOM Press Office: press@…").
    r"|(?:^|[,;|/(\-–—])\s{0,3}(?:office|oficina|bureau|direct)\s{0,3}:){1,4}"
    r"[\s,;:|/(\-–—]{0,6}$",
    re.IGNORECASE,
)
_LEADING_LABELS = re.compile(
    rf"^[\s,;:|/)\-–—]{{0,4}}(?:\b(?:{_LABEL_WORDS})\b\.?\s{{0,3}}:[\s,;|/\-–—]{{0,4}}){{1,3}}",
    re.IGNORECASE,
)
# Pictograms that stand for labels ("☎ +41 …", "✉ jroe@…").
_SYMBOLS = re.compile("[\u2190-\u2bff\U0001f000-\U0001faff\u00a9\u00ae\u2122\ufe0f]")
# Labels of a form's fields before a name or an office ("Name: …", "Organisation : …").
_FIELD_LABEL = re.compile(
    r"^\s{0,3}(?:(?:full\s)?name|nom(?:\scomplet)?|nombre(?:\scompleto)?|contact|contacto"
    r"|organi[sz]ation|organisme|organismo|organizaci[óo]n|agency|agence|agencia|title|titre"
    r"|position|poste|cargo|fonction|funci[óo]n|role|r[ôo]le|office|bureau|oficina|e-?mail"
    r"|courriel|correo|phone|t[ée]l[ée]phone|tel[ée]fono|tel)\s{0,2}(?::\s{0,3}|$)",
    re.IGNORECASE,
)
# Lowercase only: a capitalised word is part of a name ("América del Sur", "Mar del Plata").
_TRAILING_PREPOSITION = re.compile(
    r"(?:\s(?:at|on|via|to|à|a|au|en|sur|par|al|por|en\s{1,3}el|at\s{1,3}the))+\s{0,3}:?$"
)
_EDGE_PUNCT = " \t,;:.-–—/|()[]\"'«»“”•*"
_LETTER = re.compile(r"[^\W\d_]")
_PAREN = re.compile(r"\(([^()]{1,80})\)")
# A line that names an office alone, for the people under it: "IOM:", "In Geneva:", "UNHCR".
_IN_PLACE = re.compile(
    r"^(?:in|at|from|à|a|au|en|desde|depuis)\s{1,3}(?P<place>[^\W\d_][^:,;]{0,60}?)\s{0,2}:?\s{0,3}$",
    re.IGNORECASE,
)
_OFFICE_PREFIX = re.compile(r"^(?P<office>[^:]{1,80}?)\s{0,2}:\s{0,3}(?P<rest>\S.*)?$", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?]\s{0,3}$")
_LOWER_RUN = re.compile(r"(?:\b[a-zà-ÿ][\w'’-]{0,30}\b[\s,]{1,3}){5}")


@dataclass(slots=True)
class Block:
    text: str
    heading: bool


@dataclass(slots=True)
class _Line:
    text: str
    heading: bool
    block: int
    number: int


@dataclass(slots=True)
class _Segment:
    name: str
    tail: str
    phones: list[str]
    mailto: list[str]
    text_emails: list[str]
    obfuscated: list[str]
    lost: bool = False
    """An address was there and is gone: "[email protected]", or an address label with nothing
    after it (a copy of a page that hid its addresses)."""

    @property
    def has_info(self) -> bool:
        return bool(self.phones or self.mailto or self.text_emails or self.obfuscated)


@dataclass(slots=True)
class _Entry:
    office: str
    block: int
    line: int
    name_lines: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    mailto: list[str] = field(default_factory=list)
    text_emails: list[str] = field(default_factory=list)
    obfuscated: list[str] = field(default_factory=list)
    person: bool = False
    commas: bool = False
    lost: bool = False

    @property
    def has_info(self) -> bool:
        return bool(self.phones or self.mailto or self.text_emails or self.obfuscated)

    def take(self, segment: _Segment) -> None:
        self.lost = self.lost or segment.lost
        self.phones += segment.phones
        self.mailto += segment.mailto
        self.text_emails += segment.text_emails
        self.obfuscated += segment.obfuscated


class BlockReader:
    """Reads the lines of one candidate block into contacts."""

    def __init__(self, *, mailto_only: bool) -> None:
        self.mailto_only = mailto_only
        self.entries: list[_Entry] = []
        self.current: _Entry | None = None
        self.office = ""
        self.stopped = False
        self.prose_skipped = 0

    def read(self, region: list[Block]) -> list[Contact]:
        for line in islice(_lines(region), MAX_LINES):
            self._line(line)
            if self.stopped or len(self.entries) > MAX_CONTACTS * 2:
                break
        return self._contacts()

    # --- lines ---------------------------------------------------------------------------------

    def _line(self, line: _Line) -> None:
        text = line.text.strip()
        if not text or _SEPARATOR.fullmatch(text):
            return
        folded = fold(text)
        if _END_OF_BLOCK.match(folded):
            self.stopped = True
            return
        if may_anchor(folded):
            bare = folded.lstrip(" -•*")
            match = ANCHOR.match(bare)
            anchor = Anchor(0, match.end(), match.group("label") is not None) if match else None
            if anchor and (line.heading or anchor_stands(anchor, bare, False)):
                offset = len(folded) - len(bare)
                rest = text[offset + anchor.end :]
                lead = AFTER_ANCHOR.match(rest)
                text = rest[lead.end() :].strip() if lead else rest.strip()
                if not text:
                    return
        office, rest = _office_label(text, line.heading)
        if office is not None:
            self._close_current()
            self.office = office
            if not rest:
                return
            text = rest
        elif line.heading and not looks_like_person(clean_part(text)):
            self.stopped = True
            return
        for index, raw in enumerate(_segments(text)):
            if index:
                # "… In Geneva: Jane Roe, …" or "…; UNHCR: John Doe, …" within one line
                office, rest = _office_label(raw, False)
                if office is not None:
                    self._close_current()
                    self.office = office
                    raw = rest
            self._segment(_parse_segment(raw), line)
            if self.stopped:
                return

    def _close_current(self) -> None:
        self.current = None

    def _segment(self, seg: _Segment, line: _Line) -> None:
        name = seg.name
        if name and _is_prose(name):
            # A sentence with an address is a mailbox only on the lead-in's own line ("please
            # write to …"); further on it is the body's ("applications go to jobs@…").
            if not seg.has_info or line.number > 0:
                self._prose()
                return
            name = ""
        if not name and seg.tail and not seg.has_info:
            name = seg.tail
        current = self.current
        if not name:
            if not seg.has_info:
                return
            if current is None:
                current = self._new(line)
            current.take(seg)
            if _tail_names(seg.tail):
                self._add_name(current, seg.tail)
            return
        first = _first_part(name)
        person_first = looks_like_person(first)
        if current is None:
            current = self._new(line)
        elif current.has_info:
            same_line = current.line == line.number
            if same_line and not seg.has_info and (not current.person or not person_first):
                # "jroe@iom.int, Jane Roe" or "…, IOM Geneva" after the address; a remark after
                # it ("for interviews", "Skype: …") is no part of the contact.
                if not _tail_names(name):
                    return
            elif (
                same_line
                and current.person
                and not person_first
                and not has_team_word(first)
                and not (seg.mailto or seg.text_emails or seg.obfuscated)
                and not (seg.phones and current.phones)
            ):
                pass  # "<a href=mailto:…>Jane Roe</a>, IOM Washington, +1 …"
            else:
                current = self._new(line)
        elif person_first and current.person:
            other_block = current.block != line.block
            full_line = "," in name or current.commas
            if other_block or full_line or current.line == line.number:
                current = self._new(line)
        self._add_name(current, name)
        current.take(seg)
        if seg.has_info and _tail_names(seg.tail):
            self._add_name(current, seg.tail)
        current.line = line.number
        current.block = line.block

    def _add_name(self, entry: _Entry, name: str) -> None:
        entry.name_lines.append(name)
        if "," in name:
            entry.commas = True
        if not entry.person and looks_like_person(_first_part(name)):
            entry.person = True

    def _new(self, line: _Line) -> _Entry:
        entry = _Entry(office=self.office, block=line.block, line=line.number)
        self.entries.append(entry)
        self.current = entry
        return entry

    def _prose(self) -> None:
        if any(e.has_info or e.person for e in self.entries):
            self.stopped = True
            return
        self.prose_skipped += 1
        self.current = None
        if self.prose_skipped >= MAX_PROSE_SKIPPED:
            self.stopped = True

    # --- entries to contacts ---------------------------------------------------------------------

    def _contacts(self) -> list[Contact]:
        contacts: list[Contact] = []
        seen: set[str] = set()
        last_with_info = max((i for i, e in enumerate(self.entries) if e.has_info), default=-1)
        for index, entry in enumerate(self.entries):
            if self.mailto_only and not entry.mailto:
                continue
            # A person without an address or a phone counts where the block vouches for them:
            # their address was there and is gone, they are named by the lead-in's own line, or
            # people with addresses follow them. A name after the last address is not trusted
            # (a caption, a byline).
            if not entry.has_info and not (entry.lost or entry.line == 0 or index < last_with_info):
                continue
            contact = _to_contact(entry)
            if contact is None:
                continue
            # The same person given twice (a lead-in's line and a list below it) is one contact;
            # two people sharing an office's mailbox are two.
            keys = {f"{person_key(contact.name)}|{e.lower()}" for e in contact.emails}
            if keys and keys <= seen:
                continue
            seen |= keys
            contacts.append(contact)
            if len(contacts) >= MAX_CONTACTS:
                break
        return contacts


def _lines(region: list[Block]) -> Iterator[_Line]:
    number = 0
    for index, block in enumerate(region):
        for text in block.text.split("\n"):
            if text.strip():
                yield _Line(text, block.heading, index, number)
                number += 1


def _office_label(text: str, heading: bool) -> tuple[str | None, str]:
    """(office, rest of the line) when the line opens with an office alone: "IOM:", "UNHCR :",
    "In Geneva:", a heading "OIM Sénégal"; (None, text) otherwise."""
    stripped = text.strip(" \t-•*")
    place = _IN_PLACE.match(stripped)
    if place and (stripped.endswith(":") or heading):
        return clean_part(place.group("place")), ""
    prefix = _OFFICE_PREFIX.match(stripped)
    if prefix:
        office = prefix.group("office").strip()
        rest = (prefix.group("rest") or "").strip()
        in_place = _IN_PLACE.match(office + ":")
        if in_place:
            return clean_part(in_place.group("place")), rest
        if _is_office_name(office):
            return clean_part(office), rest
        return None, text
    if heading and _is_office_name(stripped) and not looks_like_person(stripped):
        return clean_part(stripped), ""
    return None, text


def _is_office_name(text: str) -> bool:
    """A short name of an organisation or office ("IOM", "UNHCR", "OIM Tunisie", "Bureau de
    l'OIM à Dakar"), not a label ("Tel") nor a role."""
    cleaned = clean_part(text)
    if not cleaned or len(cleaned) > 80 or len(cleaned.split()) > 10 or "," in cleaned:
        return False
    if _LEADING_LABELS.match(cleaned + ":") or _TRAILING_LABELS.search(cleaned + ":"):
        return False
    if _FIELD_LABEL.match(cleaned + ":"):
        return False
    if has_role_noun(cleaned) or looks_like_person(_first_part(cleaned)):
        return False
    if any(ch.isdigit() for ch in cleaned) or "@" in cleaned:
        return False
    return starts_with_org(cleaned) or (has_org_word(cleaned) and not has_team_word(cleaned))


def _segments(text: str) -> list[str]:
    text = _AFTER_EMAIL.sub(lambda m: m.group(1) + "\n", text)
    out: list[str] = []
    for line in text.split("\n"):
        out += [p for p in _SPLIT.split(line) if not _ONLY_JOINER.fullmatch(p)]
    return out


def _parse_segment(raw: str) -> _Segment:
    """Phones, emails (by source), the name text before the first of them and the text after."""
    text = raw.replace("＠", "@").replace("﹫", "@").replace("．", ".")
    lost = bool(_LOST_ADDRESS.search(text))
    text = _PROTECTED.sub(" ", text)
    if "@" in text:
        text = _SPACED_AT.sub("@", text)
    text = clean_line(text.replace(MAILTO_OPEN, " " + MAILTO_OPEN), limit=len(text) + 10)
    spans: list[tuple[int, int]] = []
    mailto: list[str] = []
    for m in islice(_MAILTO_MARK.finditer(text), MAX_MATCHES):
        spans.append(m.span())
        email = valid_email(m.group(1))
        if email:
            mailto.append(email)
    text_emails: list[str] = []
    # Each pattern is only tried where the character it needs is there: a long line of prose
    # costs one substring test instead of a scan that backtracks at every place.
    for m in islice(_TEXT_EMAIL.finditer(text) if "@" in text else (), MAX_MATCHES):
        if _inside(m.start(), spans):
            continue
        email = valid_email(m.group(0))
        if email:
            spans.append(m.span())
            text_emails.append(email)
    obfuscated: list[str] = []
    obfuscations = (
        (_OBFUSCATED_BRACKETS, any(ch in text for ch in "[({<")),
        (_OBFUSCATED_WORDS, " at " in text or " AT " in text),
    )
    for pattern, present in obfuscations:
        if not present:
            continue
        for m in islice(pattern.finditer(text), MAX_MATCHES):
            if _inside(m.start(), spans):
                continue
            domain = _OBF_DOT.sub(".", m.group(2)).replace(" ", "")
            email = valid_email(m.group(1) + "@" + domain)
            if email:
                spans.append(m.span())
                obfuscated.append(email)
    # Phones are looked for with the addresses blanked out (digits in a local part are no phone).
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    phones: list[str] = []
    for phone in find_phones("".join(blanked)):
        spans.append((phone.start, phone.end))
        phones.append(clean_line(phone.printed, limit=64))
    # The text between the phones and addresses: the first piece that is not only labels is
    # the name (it usually comes first), the last one may add an office ("…, jroe@iom.int, IOM
    # Geneva") or the name when the address came first ("jroe@iom.int – Jane Roe").
    gaps: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start >= position:
            gaps.append(_clean_name_text(text[position:start]))
        position = max(position, end)
    gaps.append(_clean_name_text(text[position:]) if spans else "")
    if not spans:
        gaps = [_clean_name_text(text)]
    named = [g for g in gaps if g]
    name = named[0] if named else ""
    tail = named[-1] if len(named) > 1 else ""
    return _Segment(name, tail, phones, mailto, text_emails, obfuscated, lost and not spans)


def _clean_name_text(text: str) -> str:
    if len(text) > MAX_NAME_CHARS * 2:
        return text[: MAX_NAME_CHARS * 2]  # prose: nothing to clean, it ends the block
    return _clean_name_text_cached(text)


@lru_cache(maxsize=8192)
def _clean_name_text_cached(text: str) -> str:
    """_clean_name_text of a short piece, once per process: the same names, offices and labels
    come back release after release."""
    text = _SYMBOLS.sub(" ", MARKERS.sub(" ", text))
    for _ in range(2):
        text = _TRAILING_LABELS.sub("", text)
        text = _LEADING_LABELS.sub("", text)
        text = _TRAILING_PREPOSITION.sub("", text.rstrip(_EDGE_PUNCT))
        text = text.strip(_EDGE_PUNCT)
    text = _LEADING_JOINER.sub("", text).strip(_EDGE_PUNCT)
    text = _FIELD_LABEL.sub("", text).strip(_EDGE_PUNCT)
    if "(" in text and text.count("(") > text.count(")"):
        text += ")"  # "Ruth Abebe (IOM Ethiopia)": the edges took the closing bracket
    return text if _LETTER.search(text) else ""


def _tail_names(tail: str) -> bool:
    """Text after a contact's phones and addresses that names them or their office ("IOM
    Geneva", "Jane Roe" after her address), not a remark ("for interviews", "Skype: …")."""
    return (
        bool(tail)
        and tail[:1].isupper()
        and not _is_prose(tail)
        and not any(mark in tail for mark in (":", "@", "/", "http"))
    )


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _is_prose(text: str) -> bool:
    """A sentence rather than a name, role or office: long, or a run of lower-case words that
    names no role nor office, or a full sentence."""
    words = text.split()
    if len(text) > 150 or len(words) > 16:
        return True
    if len(words) >= 8 and _SENTENCE_END.search(text):
        return True
    if len(words) >= 3 and has_verb(text):
        return True
    return bool(_LOWER_RUN.search(text + " ")) and not (has_role_noun(text) or has_org_word(text))


def _first_part(name: str) -> str:
    head = _DASH_PARTS.split(name, maxsplit=1)[0]
    left, _ = split_office(head)
    left = _PAREN.sub(" ", left)
    return clean_part(left)


def valid_email(raw: str) -> str | None:
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
    person, team, organization, place = _read_name_lines(entry.name_lines)
    organization = organization or entry.office or place
    name = person or team
    if not emails and not phones:
        # A person named in the block without an address or a phone is still a contact.
        if not person:
            return None
        return Contact(name=name, organization=organization, phones=[], emails=[])
    if not name and organization:
        # An office's mailbox or line: the office is its name.
        name, organization = organization, (entry.office if entry.office != organization else "")
    if not name:
        name = emails[0] if emails else ""
    if not name:
        return None
    return Contact(name=name, organization=organization, phones=phones, emails=emails)


def _read_name_lines(lines: list[str]) -> tuple[str, str, str, str]:
    """(person, team or role, organisation, place) from the text an entry gave before its
    addresses."""
    person = team = organization = role = ""
    others: list[str] = []
    parts: list[str] = []
    for line in lines:
        for piece in _DASH_PARTS.split(line):
            for inner in _PAREN.findall(piece):
                parts.append(inner)
            parts.append(_PAREN.sub(" ", piece))
    for raw in islice(parts, 40):
        part = clean_line(_clean_name_text(raw), limit=MAX_NAME_CHARS)
        part = clean_part(part)
        if not part or not _LETTER.search(part):
            continue
        left, office = split_office(part)
        opening = leading_office(raw.strip())
        if opening:
            organization = organization or opening
            continue
        if not person and looks_like_person(part):
            person = part
            continue
        if not person and office and looks_like_person(left):
            person = left
            organization = organization or office
            continue
        if has_role_noun(part):
            if office and names_an_office(office):
                organization = organization or office
            # "UNHCR Chief Spokeswoman in Geneva", "IOM Spokesperson": the organisation leads
            organization = organization or leading_org_name(part)
            if not person:
                person = trailing_person(part)
            role = role or part
            continue
        if has_team_word(part):
            if not team:
                team, team_office = split_office(part) if not starts_with_org(part) else (part, "")
                organization = organization or team_office
            continue
        if has_org_word(part):
            organization = organization or part
            continue
        if office and not person and not team:
            organization = organization or office
            continue
        if len(part) <= 80 and not _is_prose(part) and len(others) < 3:
            others.append(part)
    # Without an office's name, what is left of the line says where the person works ("Geneva",
    # "observatoire régional des migrations, Dakar").
    place = ", ".join(others)
    # A line naming a role and no person ("Regional Media Officer, IOM Dakar, …") is a contact
    # named for the role, like a team.
    return person, team or (role if not person else ""), organization, place


def _dedupe(values: list[str], *, key: Callable[[str], str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        k = key(value)
        if k and k not in seen:
            seen.add(k)
            out.append(value)
    return out
