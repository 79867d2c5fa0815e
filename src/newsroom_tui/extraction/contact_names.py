"""Names in press contacts: what a piece of a contact line is (a person, a role, an office, a team),
the office without the preposition that introduced it, and the key under which spelling variants
of one person meet (honorifics, accents and case set aside).

Kept apart from the extractor (contacts.py) so that the store groups its directory with the same
rules without loading an HTML parser. Every pattern has bounded repeats; nothing here raises.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsroom_tui.lazy_re import lazy_compile

MAX_PERSON_TOKENS = 6


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_APOSTROPHES = "'’‘ʼ´`′"

# Honorifics as printed before a name. They stay in the name shown but not in the person's key.
HONORIFIC = lazy_compile(
    r"^(?:(?:dr|dra|drs|mr|mrs|ms|mx|miss|mme|mmes|mlle|mlles|m|me|pr|prof|sr|sra|srta|sres|"
    r"lic|licda|ing|arq|abg|do[ñn]a|h\.?\s?e|amb|hon|rev|s\.?\s?e)\.?(?=\s)\s{1,3})+",
    re.IGNORECASE,
)
_PARTICLES = _wordset(
    "de del della delle der den di da das do dos du la le les van von ten ter y e i bin ibn "
    "ben bint al el abu ould mac st st. af av zu"
)
# Words that never belong to a person's name: an office, a role, a team, a place, a label.
_ORG_WORDS = _wordset(
    """iom oim un onu unhcr hcr acnur unicef wfp pam who oms ocha unfpa undp pnud unodc ilo oit
    unesco unops unmas unmiss unama minusma monusco eu ue echo usaid dfid giz ifrc icrc cicr
    office bureau oficina mission misión mision unit unité unite unidad division división
    département departement department departamento headquarters hq siège siege sede ministry
    ministère ministere ministerio embassy ambassade embajada government gouvernement gobierno
    agency agence agencia organization organisation organización organizacion programme program
    programa delegation délégation delegación delegacion secretariat secrétariat secretaría
    secretaria foundation fondation fundación fundacion council conseil consejo commission
    commissión comisión comision institute institut instituto centre center centro
    cross croix cruz crescent croissant roja rouge media médias medias medios press presse prensa
    communication communications comunicación comunicacion comunicaciones team équipe equipe
    equipo desk cellule célula celula section sección seccion service servicio services
    servicios coordination coordinación coordinacion network réseau red nations naciones
    united unies unidas"""
)
# Words of an office that are common surnames too ("Alberto Cruz", "Helen Cross"): they do not
# stop a name from being a person's; "Cruz Roja" and "Red Cross" still fail on their other word.
_SURNAMES_TOO = _wordset("cruz cross croix")
# Nouns of a role: a piece holding one is a role ("Senior Media Officer", "IOM Spokesperson").
_ROLE_NOUNS = _wordset(
    """spokesperson spokesman spokeswoman spokespeople porte-parole portavoz vocero vocera
    officer officers officier oficial chargé chargée charge chargee responsable coordinator
    coordinateur coordinatrice coordinador coordinadora head chef jefe jefa director directeur
    directrice directora manager gestionnaire gerente specialist spécialiste specialiste
    especialista assistant assistante asistente adviser advisor conseiller conseillère
    conseillere asesor asesora consultant consultante consultor consultora associate associé
    associe asociado asociada analyst analyste analista expert experte experto experta
    representative représentant représentante representant representante chief intern
    stagiaire pasante editor rédacteur rédactrice redacteur redactrice writer producer
    photographer photographe fotógrafo fotografo liaison enlace secretary secrétaire
    secretario president président présidente presidente minister ministre ministro ministra
    ambassador ambassadeur ambassadrice embajador embajadora commissioner commissaire
    comisionado professor point"""
)
# Words that qualify a role and never stand in a person's name.
_ROLE_WORDS = _ROLE_NOUNS | _wordset(
    """senior junior regional régional régionale regionale national nationale nacional deputy
    adjoint adjointe adjunto adjunta acting interim intérim focal"""
)
# Words of a team (a unit answering for an office) rather than of the office itself.
_TEAM_WORDS = _wordset(
    """media médias medias medios press presse prensa communication communications
    comunicación comunicacion comunicaciones team équipe equipe equipo desk cellule célula
    celula unit unité unite unidad information informations información informacion
    relations"""
)
# Names of organisations, and the words that open an office's name ("Bureau de l'OIM à …").
_ORG_NAMES = _wordset(
    """iom oim un onu unhcr hcr acnur unicef wfp pam who oms ocha unfpa undp pnud unodc ilo oit
    unesco unops unmas unmiss unama minusma monusco eu ue echo usaid giz ifrc icrc cicr"""
)
_OFFICE_OPENERS = _wordset(
    """office offices bureau bureaux oficina oficinas mission misión mision headquarters hq siège
    siege sede ministry ministère ministere ministerio embassy ambassade embajada government
    gouvernement gobierno delegation délégation delegación delegacion secretariat
    secrétariat secretaría country regional"""
)
# Words that start a place, never a person ("San José" on a line of its own).
_PLACE_STARTS = _wordset(
    "san santa santo são sao saint sainte st. puerto port porto ciudad nueva new los las"
)
# Words of page furniture that can look like two capitalised words ("Related Links").
_STOP_WORDS = _wordset(
    """related links link photo photos video videos download read more see also news press
    release releases share follow subscribe posted language categories category tags themes
    contact contacts information informations información informacion for pour para the le la
    les los las el and et y or ou o email e-mail mail courriel correo tel tél phone mobile
    page home accueil inicio about propos acerca sobre notes note nota editors rédactions
    editores print imprimer imprimir back retour volver top haut arriba menu search rechercher
    buscar english français francais español espanol global local statement déclaration
    declaración declaracion communiqué comunicado story stories"""
)
_TOKEN = lazy_compile(r"[^\W\d_](?:[^\W\d_]|['’\-]){0,30}\.?", re.UNICODE)
_INITIAL = lazy_compile(r"[^\W\d_]\.(?:-?[^\W\d_]\.)?", re.UNICODE)
_SPACES = lazy_compile(r"\s+")
_ELIDED = lazy_compile(r"[dl]['’][^\W\d_]", re.UNICODE)
"""A surname opened by an elided particle: d'Almeida, l'Hôte."""

# "at IOM Cairo", "in Geneva", "au Bureau de l'OIM à Djibouti", "en la Oficina de la OIM en el
# Perú".
_OFFICE_PREPOSITION = lazy_compile(
    r"\s(?:(?:at|in|with|au|aux|aupr[eè]s\s(?:de\sla|de|du|des)|en|con|à)\s(?:l['’]\s?)?"
    r"|(?:à|a|aupr[eè]s\sde)\s(?:la\s|l['’]\s?))",
    re.IGNORECASE,
)
# "of IOM Mexico", "de l'OIM Tunisie", "de la OIM en Chile": only before an office's name.
_OF_PREPOSITION = lazy_compile(
    r"\s(?:of|from|de(?:\sla|\sl['’]\s?)?|del|du|des|d['’])\s?(?=\S)", re.IGNORECASE
)
_LEADING_OFFICE_PREPOSITION = lazy_compile(
    r"^\s{0,3}(?:(?:at|with|au|aux|aupr[eè]s\s(?:de|du|des)|à|en|con|from|of|de|del|du)\s{1,2}"
    r"|d['’]\s?)(?:la\s|l['’]\s?|el\s|los\s|las\s|le\s|les\s|the\s)?",
    re.IGNORECASE,
)
_LEADING_ARTICLE = lazy_compile(
    r"^(?:(?:the|le|la|les|el|los|las)\s{1,3}|l['’]\s{0,1})(?=[^\W\d_])", re.IGNORECASE
)
_EDGE = " \t,;:.-–—/|()[]\"'«»“”"


def strip_honorific(name: str) -> str:
    """The name without the honorifics printed before it ("Dr. Ana Ruiz" -> "Ana Ruiz")."""
    stripped = HONORIFIC.sub("", name.strip())
    return stripped if stripped.strip() else name.strip()


def fold_words(text: str) -> str:
    """Lower case, accents and apostrophe variants removed, whitespace collapsed."""
    if len(text) <= _CACHED_CHARS:
        return _fold_words_cached(text)
    return _fold_words(text)


_CACHED_CHARS = 100
"""Pieces of a contact line up to this length are folded and judged once per process: the same
names, offices and labels come back release after release."""


@lru_cache(maxsize=8192)
def _fold_words_cached(text: str) -> str:
    return _fold_words(text)


def _fold_words(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for apostrophe in _APOSTROPHES:
        kept = kept.replace(apostrophe, "'")
    return " ".join(kept.split())


def person_key(name: str) -> str:
    """The key under which spelling variants of one person meet: honorifics dropped, case and
    accents folded, dots, hyphens and extra spaces ignored ("Mme Aïcha NDIAYE" = "aicha ndiaye")."""
    folded = fold_words(strip_honorific(name))
    folded = re.sub(r"[.\-‐‑–]+", " ", folded)
    return " ".join(folded.split())


def _words(text: str) -> list[str]:
    """The folded words of a piece; a hyphenated word counts whole and by its parts."""
    words = [w.strip(".,;:()") for w in fold_words(text).split()]
    return words + [p for w in words if "-" in w for p in w.split("-")]


def has_org_word(text: str) -> bool:
    return any(w in _ORG_WORDS for w in _words(text)[:40])


def has_role_noun(text: str) -> bool:
    return any(w in _ROLE_NOUNS for w in _words(text)[:40])


# Verbs of a sentence (written in lower case), never part of a name, a role or an office.
_VERBS = _wordset(
    """is are was were be been being am has have had can could will would shall should must may
    might does did send sent write visit apply reach sont était
    étaient être ont avait peut peuvent doit doivent sera seront envoyer envoyez écrire appeler
    visiter consulter trouverez pouvez es son era eran ser está están fue puede pueden debe
    deben será serán enviar envíe escribir llamar visitar consultar encontrará"""
)


def has_verb(text: str) -> bool:
    """A lower-case verb of a sentence ("should", "peut", "pueden") stands in the text."""
    return any(w.strip(".,;:()!?") in _VERBS for w in text.split()[:40])


def has_team_word(text: str) -> bool:
    return any(w in _TEAM_WORDS for w in _words(text)[:40])


@lru_cache(maxsize=8192)
def looks_like_person(text: str) -> bool:
    """Two to six name words, each capitalised (or a particle such as "de", "van", "al"), letters
    only, no word of an office, a role, a place or page furniture; an honorific may lead."""
    if not text or len(text) > 80:
        return False
    body = strip_honorific(text)
    if any(ch.isdigit() or ch in '@:/|;()[]{}<>=+_#*&%$!?"“”«»' for ch in body):
        return False
    tokens = _SPACES.split(body.strip())
    if not 2 <= len(tokens) <= MAX_PERSON_TOKENS:
        return False
    capitals = 0
    for index, token in enumerate(tokens):
        bare = token.strip(",")
        lowered = fold_words(bare).rstrip(".")
        if lowered in _PARTICLES and index > 0:
            continue
        if not (_TOKEN.fullmatch(bare) or _INITIAL.fullmatch(bare)):
            return False
        if not (bare[0].isupper() or _ELIDED.match(bare)):
            return False
        if lowered in _ORG_WORDS and lowered not in _SURNAMES_TOO:
            return False
        if lowered in _ROLE_WORDS or lowered in _STOP_WORDS:
            return False
        if index == 0 and lowered in _PLACE_STARTS:
            return False
        capitals += 1
    return capitals >= 2


def clean_part(text: str) -> str:
    """A piece of a contact line without edge punctuation or a leading article."""
    text = _SPACES.sub(" ", text).strip(_EDGE)
    return _LEADING_ARTICLE.sub("", text).strip(_EDGE)


def split_office(text: str) -> tuple[str, str]:
    """('Jane Roe', 'IOM Cairo') for 'Jane Roe at IOM Cairo'; (text, '') when no office follows.

    "at", "au", "auprès de", "en", "con" introduce any office; "of", "de", "del", "du" only one
    that names an organisation ("María de la Cruz" stays whole). The first of them counts.
    """
    splits: list[tuple[int, str, str]] = []
    for match in _OFFICE_PREPOSITION.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        if left.strip() and right.strip() and right.lstrip()[:1].isalpha():
            office = clean_part(right)
            if office and (office[0].isupper() or has_org_word(office)):
                splits.append((match.start(), clean_part(left), office))
        break
    for match in _OF_PREPOSITION.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        office = clean_part(right)
        if left.strip() and office and _starts_with_org(office):
            splits.append((match.start(), clean_part(left), office))
            break
    if not splits:
        return clean_part(text), ""
    _, left, office = min(splits)
    return left, office


def trailing_person(text: str) -> str:
    """The person at the end of a role ("IOM Spokesperson Jane Roe", "Porte-parole : Jean
    Dupont"), or ""."""
    tail = text.rpartition(":")[2] if ":" in text else text
    tokens = tail.split()
    for size in (4, 3, 2):
        if len(tokens) > size or (":" in text and len(tokens) == size):
            candidate = " ".join(tokens[-size:])
            if looks_like_person(candidate):
                return candidate
    return ""


def leading_office(text: str) -> str:
    """The office of a piece that opens with its preposition ("en la Oficina de la OIM en
    Santiago" -> "Oficina de la OIM en Santiago"), else ""."""
    match = _LEADING_OFFICE_PREPOSITION.match(text)
    if not match:
        return ""
    office = clean_part(text[match.end() :])
    return office if office and (office[0].isupper() or has_org_word(office)) else ""


def _starts_with_org(text: str) -> bool:
    words = _words(text)
    if not words:
        return False
    return words[0] in _ORG_NAMES or (words[0] in _OFFICE_OPENERS and not has_team_word(text))


def names_an_office(text: str) -> bool:
    """The piece names a particular office ("IOM Nigeria", "Bureau de l'OIM à Dakar"), not just
    the word ("Office" in "Head of Office", "Mission" in "Chief of Mission")."""
    words = _words(text)
    return any(w in _ORG_NAMES for w in words) or (len(text.split()) >= 2 and has_org_word(text))


def leading_org_name(text: str) -> str:
    """The organisation's name or acronym that opens a piece ("UNHCR" of "UNHCR Chief
    Spokeswoman"), as printed, or ""."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    bare = first.strip(".,;:()")
    return bare if bare and fold_words(bare) in _ORG_NAMES else ""


def starts_with_org(text: str) -> bool:
    """The piece opens with an organisation's name or acronym ("IOM Kenya", "OIM Tunisie")."""
    return _starts_with_org(text)
