"""Press contacts: finds the contacts block that closes a release body and splits it into entries.

The extractor works on the body HTML (never on the Markdown, where markdownify escapes `_`): the
HTML is flattened into blocks of text (paragraphs, list items, cells, headings; `<br>` becomes a
line break), and the last lead-in is looked for. A lead-in is a phrase that opens a contacts block:
"For more information, please contact", "For more information:", "For media inquiries", "Media
contacts", "Pour plus d'informations, veuillez contacter", "Contacts presse", "Renseignements :",
"Para más información, por favor contacte", "Contactos para medios", "Informes:", or any sentence
that ends in a request to contact. What follows it (the rest of its line, then the next blocks)
is read line by line: a line naming an office alone ("IOM:", "In Geneva:", a bold "UNHCR") sets
the office of the people under it, a line is cut into segments (semicolons, "or"/"ou"/"o", an
address followed by the next name), each segment gives the text before its first phone or email
(a name, a role, an office) and its phones and emails, and segments are grouped into people. The
block ends at prose, at a heading that is not an office, or at "About IOM". See
docs/contact-formats.md for the formats this reads and where each was seen.

Every regular expression has bounded repeats only, and the scanned block and the number of
contacts are capped, so hostile input costs linear time. Nothing here raises on any string.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from urllib.parse import unquote

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from newsroom_tui.extraction.contact_formats import (
    MAX_NAME_CHARS,
    find_phones,
    normalise_phone,
)
from newsroom_tui.extraction.contact_names import (
    clean_part,
    has_org_word,
    has_role_noun,
    has_team_word,
    has_verb,
    leading_office,
    looks_like_person,
    names_an_office,
    person_key,
    split_office,
    starts_with_org,
    trailing_person,
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
"""Matches of one pattern looked at in one segment (a contact line holds a handful)."""
MAX_ANCHOR_TRIES = 4
MAX_LINES = 400
"""Lines of one block read (a block of ten people in stacked lines holds about sixty)."""
MAX_PROSE_SKIPPED = 3
"""Lines of prose passed over between a lead-in and its first contact before giving up."""

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

# --- lead-ins (matched on folded text: lower case, no accents, one kind of apostrophe) --------
_S = r"\s{1,4}"
_COLON = r"\s{0,2}:"
# A request to get in touch, in any of the three languages.
_REQUEST = (
    r"(?:(?:please|kindly)\s{1,4})?(?:contact\b|call\b|e-?mail\b|write\s{1,4}to\b"
    r"|get\s{1,4}in\s{1,4}touch\b|reach\s{1,4}out\b)"
    r"|(?:veuillez|merci\s{1,4}de|pri(?:ere|e)\s{1,4}de|vous\s{1,4}pouvez)?\s{0,4}"
    r"(?:contacter|joindre|ecrire\s{1,4}a|vous\s{1,4}adresser\s{1,4}a|s'adresser\s{1,4}a)\b"
    r"|contactez\b"
    r"|(?:(?:por\s{1,4})?favor\s{1,4}(?:de\s{1,4})?|se\s{1,4}ruega\s{1,4}|sirvase\s{1,4}|puede\s{1,4})?"
    r"(?:contactar(?:se)?|contacte|comunicarse|comuniquese|ponerse\s{1,4}en\s{1,4}contacto"
    r"|escribir\s{1,4}a|escriba\s{1,4}a|dirigirse\s{1,4}a)\b"
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
# searched by _find_anchors, which finds the same lead-ins without trying the clause's 200
# characters of request phrases at every opener (a differential test holds them equal).
_ANCHOR = re.compile(
    rf"""
    (?P<clause>
        (?:{_OPENER}){_CLAUSE}(?:{_REQUEST}|{_COLON})
      | (?:{_PLEASE}){_S}{_CLAUSE}(?:{_REQUEST})
    )
    | (?P<label>{_LABEL})
    """,
    re.VERBOSE | re.MULTILINE,
)
_STARTS_AT = re.compile(
    rf"(?=(?P<opener>{_OPENER})|(?P<please>(?:{_PLEASE}){_S})|(?P<label>{_LABEL}))"
    rf"(?=(?P<also_label>{_LABEL}))?",
    re.VERBOSE | re.MULTILINE,
)
_REQUEST_AT = re.compile(rf"(?=(?:{_REQUEST}))")
_REQUEST_RE = re.compile(_REQUEST)
_CLAUSE_BREAK = re.compile(r"[.;\n]")
MAX_ANCHOR_STARTS = 2_000
"""Places where a lead-in may start that are looked at in one block (real blocks hold a few)."""
# Every lead-in holds one of these; most blocks hold none, and substring tests cost less than
# the pattern's search.
_ANCHOR_WORDS = (
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
_ANCHOR_LETTERS = "cdgjmpqw"
# A heading under which a mailto link counts even without a lead-in.
_CONTACT_HEADING = re.compile(r"\bcontact|\bpresse\b|\bprensa\b|\bmedias?\b|\bmedios\b")
_AFTER_ANCHOR = re.compile(
    r"(?:[\s:,.\-–—]{0,10}(?:(?:a|con|avec|with|at)\b|the\s{1,3}following|les\s{1,3}personnes"
    r"\s{1,3}suivantes|las\s{1,3}siguientes\s{1,3}personas|ci-dessous|below)?){0,3}[\s:,.\-–—]{0,10}"
)
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
    r"(@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}|" + _MAILTO_CLOSE + r")"
    r"[ \t]{0,3}(?:[,.]|\s(?:and|et|y))[ \t]{1,3}(?:(?:and|et|y)[ \t]{1,3})?(?=[^\W\d_])"
)
_LEADING_JOINER = re.compile(
    r"^(?:\s{0,3}(?:and|et|y|or|ou|o|&|plus|as\s{1,3}well\s{1,3}as|encore|also|aussi|tambi[ée]n"
    r"|(?-i:de|of|from|del|du|a|con))\s{1,3})+",
    re.IGNORECASE,
)
_DASH_PARTS = re.compile(r"\s[–—-]\s|\s/\s|,")

# --- emails ------------------------------------------------------------------------------------
_MAILTO_MARK = re.compile(_MAILTO_OPEN + "([^\ue010\ue011]{0,300})" + _MAILTO_CLOSE)
_TEXT_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]{1,64}(?:@| @(?=[A-Za-z0-9])|@ (?=[A-Za-z0-9]))[A-Za-z0-9.\-]{1,253}"
)
_LINK_TEXT_EMAIL = re.compile(r"[^\s@<>()\[\]]{1,64}\s?@\s?[^\s@<>()\[\]]{1,253}")
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
_TRAILING_PREPOSITION = re.compile(
    r"(?:\s(?:at|on|via|to|à|a|au|en|sur|par|al|por|en\s{1,3}el|at\s{1,3}the))+\s{0,3}:?$",
    re.IGNORECASE,
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


class _LinkEnd:
    """Closes a mailto link: the text inside it is no address of its own (the href wins)."""


_LINK_END = _LinkEnd()


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


# ================================================================================================
# Public API


def extract_contacts(body_html: str, *, tree: BeautifulSoup | None = None) -> list[Contact]:
    """The contacts of one release body (HTML), in page order; [] when it has no contacts block.

    The block closes the body, so the last lead-in is tried first; an earlier one is used when a
    later one gives nothing (at most MAX_ANCHOR_TRIES of them).

    `tree` spares the parse when the caller already has it: it must be `BeautifulSoup(body_html,
    "lxml")` of this very string (as extract_page has), not yet modified; it is only read.
    """
    if not isinstance(body_html, str) or not body_html:
        return []
    blocks = _flatten(body_html, tree)
    for region in _anchor_regions(blocks):
        found = _Reader(mailto_only=False).read(region)
        if found:
            return found
    region = _heading_region(blocks)
    return _Reader(mailto_only=True).read(region) if region else []


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
    link_depth = 0
    total = 0

    def flush() -> None:
        if not pieces:
            return
        text = "".join(pieces)
        pieces.clear()
        if text.strip():
            blocks.append(_Block(unicodedata.normalize("NFC", text), heading_depth > 0))

    # Most items are strings and elements: they are tested for first.
    stack: list[PageElement | _Close | _LinkEnd | str] = [soup]
    while stack and total < MAX_TEXT_CHARS:
        item = stack.pop()
        if isinstance(item, NavigableString):
            if isinstance(item, PreformattedString):  # comments, CDATA, doctype…
                continue
            text = str(item)
            if _MAILTO_OPEN in text or _MAILTO_CLOSE in text:
                text = _MARKERS.sub("", text)
            if link_depth and "@" in text:
                text = _LINK_TEXT_EMAIL.sub(" ", text)
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
                    stack.append(_LINK_END)
                    link_depth += 1
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
        if isinstance(item, _LinkEnd):
            link_depth -= 1
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
    """Candidate contacts blocks, last lead-in first: the lead-in's block cut after the phrase,
    then the blocks that follow it (bounded).

    Lazy, from the end: the block closes the body, so the first region usually answers and the
    blocks before its lead-in are never folded nor searched.
    """
    tries = 0
    for index in range(len(blocks) - 1, -1, -1):
        if tries >= MAX_ANCHOR_TRIES:
            return
        block = blocks[index]
        folded = _fold(block.text)
        if not _may_anchor(folded):
            continue
        anchors = [a for a in _find_anchors(folded) if _anchor_stands(a, folded, block.heading)]
        if not anchors:
            continue
        tries += 1
        anchor = anchors[-1] if block.heading else anchors[0]
        rest = block.text[anchor.end :]
        lead = _AFTER_ANCHOR.match(rest)
        if lead:
            rest = rest[lead.end() :]
        first = [_Block(rest, False)] if rest.strip() else []
        yield _bounded(first, blocks, index + 1)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A lead-in found in a block's folded text."""

    start: int
    end: int
    label: bool


def _find_anchors(folded: str) -> list[_Anchor]:
    """The lead-ins of a block's folded text, left to right: what _ANCHOR.finditer finds.

    Each place where an opener, a "please" or a label starts is looked at once. For an opener,
    the first request (or colon) within its clause is searched in the clause's window; when a
    block holds many openers, the places where a request starts are listed once for the whole
    text instead, so a block full of openers still costs linear time with a small factor.
    """
    found: list[_Anchor] = []
    starts = list(islice(_STARTS_AT.finditer(folded), MAX_ANCHOR_STARTS))
    if not starts:
        return found
    requests = _Requests(folded, listed=len(starts) > 8)
    cursor = 0
    for start in starts:
        position = start.start()
        if position < cursor:
            continue
        anchor: _Anchor | None = None
        if start.group("opener") is not None:
            anchor = _clause_end(folded, position, start.end("opener"), requests, colon=True)
        elif start.group("please") is not None:
            anchor = _clause_end(folded, position, start.end("please"), requests, colon=False)
        if anchor is None:
            group = "label" if start.group("label") is not None else "also_label"
            if start.group(group) is not None:
                anchor = _Anchor(position, start.end(group), label=True)
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
            match = _REQUEST_AT.search(self.folded, begin, limit + 1)
            return match.start() if match else -1
        index = bisect_left(self.starts, begin)
        return (
            self.starts[index] if index < len(self.starts) and self.starts[index] <= limit else -1
        )


def _clause_end(
    folded: str, position: int, opened: int, requests: _Requests, *, colon: bool
) -> _Anchor | None:
    """The lead-in opened at `position` (its opener ends at `opened`), when a request, or else a
    colon, follows within the clause (at most _CLAUSE_CHARS characters, no ".", ";" or line
    break before it)."""
    limit = opened + _CLAUSE_CHARS
    stop = _CLAUSE_BREAK.search(folded, opened, limit + 1)
    if stop:
        limit = stop.start()
    limit = min(limit, len(folded))
    request = requests.first(opened, limit)
    best: _Anchor | None = None
    if request >= 0:
        match = _REQUEST_RE.match(folded, request)
        if match:
            best = _Anchor(position, match.end(), label=False)
    if colon:
        found = folded.find(":", opened, limit + 3)
        if found >= 0:
            begin = found
            while begin > opened and found - begin < 2 and folded[begin - 1].isspace():
                begin -= 1
            if begin <= limit and (best is None or begin < request):
                best = _Anchor(position, found + 1, label=False)
    return best


def _anchor_stands(anchor: _Anchor, folded: str, heading: bool) -> bool:
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


def _may_anchor(folded: str) -> bool:
    """Every lead-in holds one of _ANCHOR_WORDS; most blocks hold none. Every one of those words
    holds one of a few letters, which are looked for first (a text of digits or symbols has
    none of them)."""
    if not any(letter in folded for letter in _ANCHOR_LETTERS):
        return False
    return any(word in folded for word in _ANCHOR_WORDS)


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


class _Reader:
    """Reads the lines of one candidate block into contacts."""

    def __init__(self, *, mailto_only: bool) -> None:
        self.mailto_only = mailto_only
        self.entries: list[_Entry] = []
        self.current: _Entry | None = None
        self.office = ""
        self.stopped = False
        self.prose_skipped = 0

    def read(self, region: list[_Block]) -> list[Contact]:
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
        folded = _fold(text)
        if _END_OF_BLOCK.match(folded):
            self.stopped = True
            return
        if _may_anchor(folded):
            bare = folded.lstrip(" -•*")
            match = _ANCHOR.match(bare)
            anchor = _Anchor(0, match.end(), match.group("label") is not None) if match else None
            if anchor and (line.heading or _anchor_stands(anchor, bare, False)):
                offset = len(folded) - len(bare)
                rest = text[offset + anchor.end :]
                lead = _AFTER_ANCHOR.match(rest)
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


def _lines(region: list[_Block]) -> Iterator[_Line]:
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
        email = _valid_email(m.group(0).replace(" ", ""))
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
    text = _SYMBOLS.sub(" ", _MARKERS.sub(" ", text))
    for _ in range(2):
        text = _TRAILING_LABELS.sub("", text)
        text = _LEADING_LABELS.sub("", text)
        text = _TRAILING_PREPOSITION.sub("", text.rstrip(_EDGE_PUNCT))
        text = text.strip(_EDGE_PUNCT)
    text = _LEADING_JOINER.sub("", text).strip(_EDGE_PUNCT)
    text = _FIELD_LABEL.sub("", text).strip(_EDGE_PUNCT)
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


# ================================================================================================
# Entry to contact


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
