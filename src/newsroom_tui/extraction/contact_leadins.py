"""Lead-ins of press-contacts blocks: the phrases that open the block ("For more information,
please contact", "For more information:", "Media contacts", "Pour plus d'informations, veuillez
contacter", "Renseignements :", "Para más información, por favor contacte a", "Informes:", any
sentence that ends in a request to contact), found in text folded to lower case without
accents. Every pattern has bounded repeats; a block full of lead-in openers costs linear time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice

_APOSTROPHES = "'’‘ʼ´`′"

# --- lead-ins (matched on folded text: lower case, no accents, one kind of apostrophe) --------
_S = r"\s{1,4}"
_COLON = r"\s{0,2}:"
# A request to get in touch, in any of the three languages (never opened by a line break: a
# clause ends there).
_REQUEST = (
    r"(?:(?:please|kindly)[^\S\n]{1,4})?(?:contact\b|call\b|e-?mail\b|write[^\S\n]{1,4}to\b"
    r"|get[^\S\n]{1,4}in[^\S\n]{1,4}touch\b|reach[^\S\n]{1,4}out\b)"
    r"|(?:veuillez|merci[^\S\n]{1,4}de|pri(?:ere|e)[^\S\n]{1,4}de|vous[^\S\n]{1,4}pouvez)?[^\S\n]{0,4}"
    r"(?:contacter|joindre|ecrire[^\S\n]{1,4}a|vous[^\S\n]{1,4}adresser[^\S\n]{1,4}a|s'adresser[^\S\n]{1,4}a)\b"
    r"|contactez\b"
    r"|(?:(?:por[^\S\n]{1,4})?favor[^\S\n]{1,4}(?:de[^\S\n]{1,4})?|se[^\S\n]{1,4}ruega[^\S\n]{1,4}|sirvase[^\S\n]{1,4}|puede[^\S\n]{1,4})?"
    r"(?:contactar(?:se)?|contacte|comunicarse|comuniquese|ponerse[^\S\n]{1,4}en[^\S\n]{1,4}contacto"
    r"|escribir[^\S\n]{1,4}a|escriba[^\S\n]{1,4}a|dirigirse[^\S\n]{1,4}a)\b"
)
_CLAUSE_CHARS = 200
_CLAUSE = rf"[^.;\n]{{0,{_CLAUSE_CHARS}}}?"
# Phrases that open a lead-in when a request to contact (or, for the first ones, a colon)
# follows within the clause.
_OPENER = rf"""
    for{_S}(?:more|further|additional){_S}(?:information|details)
  | for{_S}(?:media|press){_S}(?:inquiries|enquiries|queries|interviews|requests)
  | for{_S}(?:interviews|inquiries|enquiries|queries)
  | more{_S}information
  | pour{_S}(?:plus{_S}d'?\s{{0,2}}|de{_S}plus{_S}amples{_S}|toutes?{_S}(?:autres?{_S})?)informations?
  | pour{_S}tout{_S}renseignement
  | para{_S}(?:mas|mayor(?:es)?|obtener{_S}mas){_S}informacion(?:es)?
  | para{_S}mayores{_S}informes
"""
# Words that open a request: a lead-in when a request to contact follows within the clause.
_PLEASE = rf"""please|kindly|veuillez|merci{_S}de|favor|sirvase|se{_S}ruega
  |pour{_S}toute{_S}(?:demande|question)|si{_S}vous{_S}souhaitez
  |if{_S}you{_S}(?:wish|would{_S}like|need|want)|si{_S}(?:desea|quiere)"""
# Phrases that are lead-ins by themselves where they stand alone (a heading, a line's start, a
# colon after them).
_LABEL = rf"""
    (?:media|press){_S}(?:contacts?|inquiries|enquiries|queries|relations)\b
  | for{_S}(?:media|press){_S}(?:inquiries|enquiries|queries)\b
  | contacts?{_S}(?:presse|medias?|media|de{_S}presse)\b
  | contacts?{_S}pour{_S}les{_S}medias\b
  | contactos?{_S}(?:de{_S}prensa|para{_S}(?:los{_S})?medios|de{_S}medios|con{_S}(?:los{_S})?medios)\b
  | consultas{_S}de{_S}(?:prensa|medios)\b
  | (?:for{_S})?(?:more|further|additional){_S}information(?:{_COLON}|\s{{0,3}}$)
  | (?:pour{_S}(?:plus{_S}d'?\s{{0,2}}|de{_S}plus{_S}amples{_S})|para{_S}(?:mas|mayor){_S})
    informa(?:tions?|cion)\s{{0,3}}$
  | pour{_S}(?:plus{_S}d'?\s{{0,2}}|de{_S}plus{_S}amples{_S})informations?{_COLON}
  | pour{_S}toute{_S}information(?:{_S}(?:complementaire|supplementaire))?\b
  | informations?{_S}(?:complementaires?|supplementaires?){_COLON}
  | para{_S}(?:mas|mayor){_S}informacion{_COLON}
  | (?:mas|mayor(?:es)?){_S}(?:informacion|informes){_COLON}
  | (?:^|(?<=\n))\s{{0,3}}(?:renseignements|informes|contacts?|contactos?)(?:{_COLON}|\s{{0,3}}$)
  | renseignements{_COLON}
  | informes{_COLON}
"""
# The definition of a lead-in, in one pattern. Lines are matched with it; a block's text is
# searched by find_anchors, which finds the same lead-ins without trying the clause's 200
# characters of request phrases at every opener (a differential test holds them equal).
ANCHOR = re.compile(
    rf"""
    (?P<clause>
        (?:{_OPENER}){_CLAUSE}(?:{_REQUEST}|{_COLON})
      | (?:{_PLEASE}){_S}{_CLAUSE}(?:{_REQUEST})
    )
    | (?P<label>{_LABEL})
    """,
    re.VERBOSE | re.MULTILINE,
)
# Every opener, "please" and label starts with one of these characters (in folded text): the
# class lets most places be passed over without trying the alternatives.
_FIRST_CHARACTERS = r"[acfikmprsv\s]"
_STARTS_AT = re.compile(
    rf"(?={_FIRST_CHARACTERS})"
    rf"(?=(?P<opener>{_OPENER})|(?P<please>(?:{_PLEASE}){_S})|(?P<label>{_LABEL}))"
    rf"(?=(?P<also_label>{_LABEL}))?",
    re.VERBOSE | re.MULTILINE,
)
_REQUEST_AT = re.compile(rf"(?=[cdefgjkmprsvw\s])(?=(?:{_REQUEST}))")
_REQUEST_RE = re.compile(_REQUEST)
_LONGEST_REQUEST = 80
"""More characters than any request phrase holds ("vous adresser a", "ponerse en contacto", with
their spaces)."""
_CLAUSE_BREAK = re.compile(r"[.;\n]")
MAX_ANCHOR_STARTS = 2_000
"""Places where a lead-in may start that are looked at in one block (real blocks hold a few)."""
# Every lead-in holds one of these; most blocks hold none, and substring tests cost less than
# the pattern's search.
ANCHOR_WORDS = (
    # requests (every "please …" lead-in and every opener followed by a request holds one)
    "contact",
    "call",
    "mail",
    "write",
    "touch",
    "reach",
    "joindre",
    "ecrire",
    "adress",
    "comunic",
    "escrib",
    "dirig",
    # openers followed by a colon, and labels
    "inform",
    "detail",
    "quir",
    "querie",
    "interview",
    "request",
    "renseign",
    "press",
    "prensa",
    "media",
    "medios",
)
ANCHOR_LETTERS = "cdgjmpqw"
AFTER_ANCHOR = re.compile(
    r"(?:[\s:,.\-–—]{0,10}(?:(?:a|con|avec|with|at)\b|the\s{1,3}following|les\s{1,3}personnes"
    r"\s{1,3}suivantes|las\s{1,3}siguientes\s{1,3}personas|ci-dessous|below)?){0,3}[\s:,.\-–—]{0,10}"
)


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


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A lead-in found in a block's folded text."""

    start: int
    end: int
    label: bool


def find_anchors(folded: str) -> list[Anchor]:
    """The lead-ins of a block's folded text, left to right: what ANCHOR.finditer finds.

    Each place where an opener, a "please" or a label starts is looked at once. For an opener,
    the first request (or colon) within its clause is searched in the clause's window; when a
    block holds many openers, the places where a request starts are listed once for the whole
    text instead, so a block full of openers still costs linear time with a small factor.
    """
    found: list[Anchor] = []
    starts = list(islice(_STARTS_AT.finditer(folded), MAX_ANCHOR_STARTS))
    if not starts:
        return found
    requests = _Requests(folded, listed=len(starts) > 8)
    cursor = 0
    for start in starts:
        position = start.start()
        if position < cursor:
            continue
        anchor: Anchor | None = None
        if start.group("opener") is not None:
            anchor = _clause_end(folded, position, start.end("opener"), requests, colon=True)
        elif start.group("please") is not None:
            anchor = _clause_end(folded, position, start.end("please"), requests, colon=False)
        if anchor is None:
            group = "label" if start.group("label") is not None else "also_label"
            if start.group(group) is not None:
                anchor = Anchor(position, start.end(group), label=True)
        if anchor is not None:
            found.append(anchor)
            cursor = max(anchor.end, position + 1)
    return found


class _Requests:
    """Where requests to contact start in a text: searched in a window, or listed once."""

    def __init__(self, folded: str, *, listed: bool) -> None:
        self.folded = folded
        self.starts = [m.start() for m in _REQUEST_AT.finditer(folded)] if listed else None

    def first(self, begin: int, limit: int) -> int:
        """The first place in [begin, limit] where a request starts, or -1."""
        if self.starts is None:
            # The search may read past the limit: a request starting there reads its words after.
            match = _REQUEST_AT.search(self.folded, begin, limit + 1 + _LONGEST_REQUEST)
            return match.start() if match and match.start() <= limit else -1
        index = bisect_left(self.starts, begin)
        return (
            self.starts[index] if index < len(self.starts) and self.starts[index] <= limit else -1
        )


def _clause_end(
    folded: str, position: int, opened: int, requests: _Requests, *, colon: bool
) -> Anchor | None:
    """The lead-in opened at `position` (its opener ends at `opened`), when a request, or else a
    colon, follows within the clause (at most _CLAUSE_CHARS characters, no ".", ";" or line
    break before it)."""
    limit = opened + _CLAUSE_CHARS
    stop = _CLAUSE_BREAK.search(folded, opened, limit + 1)
    if stop:
        limit = stop.start()
    limit = min(limit, len(folded))
    request = requests.first(opened, limit)
    best: Anchor | None = None
    if request >= 0:
        match = _REQUEST_RE.match(folded, request)
        if match:
            best = Anchor(position, match.end(), label=False)
    if colon:
        found = folded.find(":", opened, limit + 3)
        if found >= 0:
            begin = found
            while begin > opened and found - begin < 2 and folded[begin - 1].isspace():
                begin -= 1
            if begin <= limit and (best is None or begin < request):
                best = Anchor(position, found + 1, label=False)
    return best


def anchor_stands(anchor: Anchor, folded: str, heading: bool) -> bool:
    """A label lead-in ("Media contacts") counts in a heading, at a line's start or before a
    colon; anywhere else it is a phrase of the text. A clause lead-in always counts."""
    if not anchor.label or heading:
        return True
    after = folded[anchor.end : anchor.end + 3]
    line_start = folded.rfind("\n", 0, anchor.start) + 1
    before = folded[line_start : anchor.start]
    return (
        folded[anchor.start : anchor.end].rstrip().endswith(":")
        or after.lstrip(" ").startswith((":", "\n"))
        or not after.strip()
        or not before.strip(" -•*")
    )


def may_anchor(folded: str) -> bool:
    """Every lead-in holds one of ANCHOR_WORDS; most blocks hold none. Every one of those words
    holds one of a few letters, which are looked for first (a text of digits or symbols has
    none of them)."""
    if not any(letter in folded for letter in ANCHOR_LETTERS):
        return False
    return any(word in folded for word in ANCHOR_WORDS)
