"""A synthetic newsroom of N press releases in French, generated on demand and deterministically.

Nothing is written to disk: release `i` is a pure function of (seed, i), so the loopback server
renders any of 100,000 article pages from its index in well under a millisecond, and the benchmark
fills a database straight from the same documents (`Newsroom.release`) without an HTTP round trip.

Each release is ~800 words: a dateline lead, headings, paragraphs drawn from a Zipf-distributed
vocabulary (French stop words first, a few hundred domain words, then a long tail of generated
French-looking words), a bulleted list, a table and a contacts block ("Pour plus d'informations,
veuillez contacter … Tel : … Email : …@iom.int"). Some words are planted at known rates so every
search class has a meaning: COMMON_WORD is in every release, RARE_WORD in one release in
RARE_EVERY, PHRASE in about three in ten. Release LARGE_INDEX is ~300 KB of Markdown.

Pages use IOM's markup (`div.narrow-content div.field--type-text-with-summary`); the feed is RSS 2.0
with absolute links. Release 0 is the newest; dates spread evenly over ten years.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache

from newsroom_tui.models import Contact, Release

GENERATOR_VERSION = 1
"""Bumped when the output changes (part of ETags and of the cached database's key)."""
DEFAULT_SEED = 20_240_601
LARGE_INDEX = 5
"""The release whose body is ~LARGE_BYTES of Markdown (when N is larger than this index)."""
LARGE_BYTES = 300_000
TYPICAL_WORDS = 800
COMMON_WORD = "migrants"
RARE_WORD = "zooplancton"
RARE_EVERY = 997
PHRASE = "gestion des frontières"
PHRASE_EVERY = 8
NEWEST = datetime(2026, 6, 30, 9, 0, tzinfo=UTC)
SPAN = timedelta(days=3650)
NEWS_PATH = "/fr/news/"
FEED_PATH = "/fr/rss.xml"
FEED_SHAPES = ("plain", "html", "atom")
"""The feed shapes the benchmark serves (see `Newsroom.feed_xml`)."""
ORG = "Organisation internationale pour les migrations"


def _split(text: str) -> list[str]:
    """The words of a whitespace-separated literal (long word lists read better that way)."""
    return text.split()


MONTHS = _split(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)

# --- vocabulary -------------------------------------------------------------------------------

_STOPWORDS = _split(
    """de la le les et des à en du un une pour dans que qui sur par au avec est sont ont
a ce cette leurs leur plus aux ne pas se son sa ses il elle ils nous été être comme mais ou où aussi
entre tout tous selon depuis après avant contre sans sous vers chez très déjà encore ainsi dont
lors car donc afin notamment plusieurs chaque certains autres même bien l'OIM d'autres l'aide
qu'il n'a c'est"""
)

_CONTENT = _split(
    """migration réfugiés personnes déplacées santé sécurité frontières gestion protection
retour réintégration communautés gouvernement partenaires humanitaire assistance urgence crise
conflit sécheresse inondations climat changement développement données rapport enquête programme
projet financement donateurs femmes enfants jeunes familles travailleurs emploi formation droits
accès services abris eau assainissement nourriture vaccination épidémie choléra paludisme pays
région régions national nationale internationale organisation directrice générale mission
soutien réponse besoins populations vulnérables victimes traite trafic passeurs route routes
Méditerranée désert mer bateaux naufrage disparus morts sauvetage arrivées départs transit
centres camps sites hébergement accueil intégration inclusion cohésion sociale économique
économie envois fonds diaspora compétences main-d'œuvre recrutement éthique employeurs
politique politiques cadre accord pacte mondial objectifs durable mise œuvre capacités
renforcement autorités locales municipalités société civile ONG agences Nations Unies système
coordination cluster plan appel millions dollars contributions évaluation suivi déplacement
matrice suivi indicateurs statistiques chiffres hausse baisse augmentation diminution année
mois semaine dernière prochaine récemment aujourd'hui annoncé déclaré souligné rappelé ajouté
expliqué estimé indiqué précisé salué appelé exhorté réaffirmé engagement solidarité dignité
respect vie lutte prévention risques catastrophes résilience adaptation environnement
environnementale terres agriculture pêche pasteurs éleveurs saison pluies récoltes insécurité
alimentaire nutrition malnutrition hôpital cliniques médecins infirmiers soins psychosocial
mentale violence genre exploitation abus enfance éducation écoles enseignants documents
identité état civil papiers visa passeports mobilité libre circulation corridor voies légales
régulière irrégulière ordonnée sûre humaine dialogue coopération bilatérale régionale
sous-régionale conférence atelier réunion sommet ministres délégation visite terrain équipes
personnel volontaires bénévoles témoignages histoire parcours espoir avenir opportunités
entreprises microentreprises subventions transferts monétaires kits articles non alimentaires
bâches couvertures moustiquaires latrines forages puits points d'eau hygiène savon
sensibilisation campagne radio messages information orientation référencement cas dossiers
accompagnement juridique avocats tribunaux lois législation réforme gouvernance transparence
redevabilité efficacité innovation numérique technologies plateforme outils cartographie
satellite images analyses tendances projections scénarios modèles prévisions anticipation
alerte précoce préparation relèvement reconstruction logements quartiers villes urbaines
rurales villages provinces districts départements frontalières côtières insulaires
montagneuses arides"""
)

_PREFIXES = ("", "", "", "re", "dé", "pré", "in", "con", "pro", "trans", "inter", "é", "sur", "co")
_ROOTS = _split(
    """migr vall port cour form struct mand vent ten duc fér gén cré lég prév sécur médi
territ agric financ nation commun popul protég régl accueil déplac habit organ coordonn planif
évalu surveill document identif enregistr transport log nourr soign éduqu employ recrut rapatri
intégr inclu particip mobil bénéfic contribu distribu construi répar assain vaccin diagnost
prélev cartograph anticip prépar relev reconstru"""
)
_SUFFIXES = _split(
    """ation ations ement ements ité ités eur eurs euse euses ique iques ées és ants
antes ère ères age ages iste istes ible ibles ions aient erait eraient ance ances ence ences
aire aires al ale aux elle elles if ive ifs ives oir oire oires"""
)


_TABLE_BITS = 20
"""The sampling table has 2**_TABLE_BITS entries."""


@lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[str]]:
    """Stop words, domain words, then ~34k generated words; and a Zipf sampling table (built once).

    The table holds each word in proportion to its Zipf weight (exponent 1.15: about 55% of the
    running text is stop words, 16% domain words, the rest the long tail), so drawing a word is
    one `getrandbits` and one list index instead of a bisection over cumulative weights.
    """
    words: list[str] = []
    seen: set[str] = set()
    for word in itertools.chain(_STOPWORDS, _CONTENT):
        if word not in seen and word not in (RARE_WORD, COMMON_WORD):
            seen.add(word)
            words.append(word)
    rng = random.Random(7)
    combos = [p + r + s for p in _PREFIXES for r in _ROOTS for s in _SUFFIXES]
    rng.shuffle(combos)
    for word in combos:
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank + 2.7) ** 1.15 for rank in range(len(words))]
    scale = (1 << _TABLE_BITS) / sum(weights)
    table: list[str] = []
    cumulative = 0.0
    for word, weight in zip(words, weights, strict=True):
        cumulative += weight * scale
        table.extend([word] * (round(cumulative) - len(table)))
    table.extend([words[0]] * ((1 << _TABLE_BITS) - len(table)))
    return words, table[: 1 << _TABLE_BITS]


# --- places, people, topics -------------------------------------------------------------------

_PLACES: tuple[tuple[str, str, str], ...] = (
    # (phrase, dateline city, region tag)
    ("au Sahel", "NIAMEY", "Afrique de l'Ouest et du Centre"),
    ("au Niger", "NIAMEY", "Afrique de l'Ouest et du Centre"),
    ("au Mali", "BAMAKO", "Afrique de l'Ouest et du Centre"),
    ("au Tchad", "N'DJAMENA", "Afrique de l'Ouest et du Centre"),
    ("au Sénégal", "DAKAR", "Afrique de l'Ouest et du Centre"),
    ("en Guinée", "CONAKRY", "Afrique de l'Ouest et du Centre"),
    ("au Burkina Faso", "OUAGADOUGOU", "Afrique de l'Ouest et du Centre"),
    ("au Cameroun", "YAOUNDÉ", "Afrique de l'Ouest et du Centre"),
    ("en Côte d'Ivoire", "ABIDJAN", "Afrique de l'Ouest et du Centre"),
    ("en République démocratique du Congo", "KINSHASA", "Afrique de l'Ouest et du Centre"),
    ("en Éthiopie", "ADDIS-ABEBA", "Afrique de l'Est et Corne de l'Afrique"),
    ("en Somalie", "MOGADISCIO", "Afrique de l'Est et Corne de l'Afrique"),
    ("au Soudan", "PORT-SOUDAN", "Afrique de l'Est et Corne de l'Afrique"),
    ("au Kenya", "NAIROBI", "Afrique de l'Est et Corne de l'Afrique"),
    ("en Ouganda", "KAMPALA", "Afrique de l'Est et Corne de l'Afrique"),
    ("au Mozambique", "MAPUTO", "Afrique australe"),
    ("à Madagascar", "ANTANANARIVO", "Afrique australe"),
    ("en Libye", "TRIPOLI", "Moyen-Orient et Afrique du Nord"),
    ("en Tunisie", "TUNIS", "Moyen-Orient et Afrique du Nord"),
    ("au Maroc", "RABAT", "Moyen-Orient et Afrique du Nord"),
    ("en Égypte", "LE CAIRE", "Moyen-Orient et Afrique du Nord"),
    ("au Yémen", "ADEN", "Moyen-Orient et Afrique du Nord"),
    ("au Liban", "BEYROUTH", "Moyen-Orient et Afrique du Nord"),
    ("en Irak", "BAGDAD", "Moyen-Orient et Afrique du Nord"),
    ("en Haïti", "PORT-AU-PRINCE", "Amériques"),
    ("en Colombie", "BOGOTÁ", "Amériques"),
    ("au Venezuela", "CARACAS", "Amériques"),
    ("en Équateur", "QUITO", "Amériques"),
    ("au Bangladesh", "COX'S BAZAR", "Asie et Pacifique"),
    ("en Afghanistan", "KABOUL", "Asie et Pacifique"),
    ("aux Philippines", "MANILLE", "Asie et Pacifique"),
    ("en Ukraine", "KYIV", "Europe et Asie centrale"),
    ("en Méditerranée centrale", "GENÈVE", "Europe et Asie centrale"),
)
_THEMES = (
    "Santé",
    "Protection",
    "Climat et environnement",
    "Retour et réintégration",
    "Gestion des frontières",
    "Urgences humanitaires",
    "Données et recherche",
    "Travail et migration",
)
_VERBS = (
    "appelle à renforcer",
    "lance un programme pour",
    "salue les progrès de",
    "alerte sur",
    "intensifie son soutien à",
    "publie un rapport sur",
    "soutient",
    "s'inquiète de",
    "mobilise des fonds pour",
    "renforce",
    "étend",
    "réclame davantage de moyens pour",
)
_OBJECTS = (
    "la protection des migrants",
    "la santé des personnes déplacées",
    "la réintégration des migrants de retour",
    "l'accès à l'eau potable",
    "la sécurité des travailleurs migrants",
    "les communautés touchées par la sécheresse",
    "les victimes de la traite",
    "l'inclusion des réfugiés et des migrants",
    "les jeunes en quête d'emploi",
    "la résilience face aux catastrophes",
    "les familles déplacées par les inondations",
    "la préparation aux épidémies",
)
_HEADINGS = (
    "Contexte",
    "Une réponse coordonnée",
    "Chiffres clés",
    "Sur le terrain",
    "Perspectives",
    "Témoignages",
    "Financement",
    "Prochaines étapes",
    "Partenariats",
    "Ce que disent les données",
)
_FIRST_NAMES = _split(
    "Hélène Zoé Aïssatou François Jérôme Amélie Noémie Mamadou Fatoumata Étienne Chloé Léa "
    "Adélaïde Souleymane Inès Benoît Céline Mariam Grégoire Anaïs"
)
_LAST_NAMES = _split(
    "Diallo Ndiaye Traoré Lefèvre Ménard Kaboré Gómez Benali Dubois Keïta Mercier Sow Nguyễn "
    "Haddad Camara Lévêque Ouédraogo Bérenger Touré Mbaye"
)
_SECTIONS = (
    ("communiques-de-presse", 80),
    ("declarations", 12),
    ("notes-d-information", 8),
)
"""Sections given to releases built directly (`Newsroom.release`), with their weights."""


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")[:70].strip("-")


def display_date(day: datetime) -> str:
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


# --- documents ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Meta:
    """What the feed says about a release (cheap: no body)."""

    index: int
    guid: str
    title: str
    path: str
    published: datetime
    city: str
    tags: tuple[str, ...]
    section: str
    summary: str


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a release body: 'h2', 'h3', 'p', 'ul', 'table' or 'contacts'."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    contacts: tuple[Contact, ...] = ()


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    count = rng.randint(low, high)
    draw = rng.getrandbits
    table = vocabulary()[1]
    words = [table[draw(_TABLE_BITS)] for _ in range(count)]
    if count > 12:
        words[count // 2] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, extra: str = "") -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 5))]
    if extra:
        sentences.insert(rng.randint(0, len(sentences)), extra)
    return " ".join(sentences)


def _words(text: str) -> int:
    return text.count(" ") + 1


class Newsroom:
    """N synthetic releases; every method is a pure function of (seed, index)."""

    def __init__(self, n: int, seed: int = DEFAULT_SEED) -> None:
        if n < 1:
            raise ValueError("a newsroom needs at least one release")
        self.n = n
        self.seed = seed
        self._step = SPAN / n

    # --- metadata ---------------------------------------------------------------------------

    def _rng(self, index: int, stream: int) -> random.Random:
        return random.Random((self.seed * 1_000_003 + index) * 4 + stream)

    def meta(self, index: int) -> Meta:
        rng = self._rng(index, 0)
        place, city, region = rng.choice(_PLACES)
        verb, obj = rng.choice(_VERBS), rng.choice(_OBJECTS)
        title = f"L'OIM {verb} {obj} {place}"
        if rng.random() < 0.5:
            title += f" : {rng.randint(2, 950)} 000 personnes concernées"
        jitter = ((index * 2_654_435_761) % 997) / 997
        published = NEWEST - self._step * (index + jitter)
        published = published.replace(microsecond=0)
        theme = rng.choice(_THEMES)
        roll = rng.randrange(100)
        section = _SECTIONS[0][0]
        for name, weight in _SECTIONS:
            if roll < weight:
                section = name
                break
            roll -= weight
        summary = (
            f"{city.title()} – L'{ORG} (OIM) {verb} {obj} {place}, où des milliers de "
            f"{COMMON_WORD} et de personnes déplacées ont besoin d'aide."
        )
        slug = slugify(title)
        return Meta(
            index=index,
            guid=f"oim-bench-{index:06d}",
            title=title,
            path=f"{NEWS_PATH}{slug}-{index}",
            published=published,
            city=city,
            tags=(region, theme),
            section=section,
            summary=summary,
        )

    @staticmethod
    def index_from_path(path: str) -> int | None:
        """The release index of an article path (`/fr/news/<slug>-<index>`), or None."""
        if not path.startswith(NEWS_PATH):
            return None
        _, _, tail = path.rpartition("-")
        return int(tail) if tail.isdigit() else None

    # --- body -------------------------------------------------------------------------------

    def blocks(self, index: int) -> list[Block]:
        meta = self.meta(index)
        rng = self._rng(index, 1)
        target = TYPICAL_WORDS
        if index == LARGE_INDEX:
            target = LARGE_BYTES // 7  # words of ~6 letters plus a space
        lead = (
            f"{meta.city}, {display_date(meta.published)} – L'{ORG} (OIM) {meta.title[6:]}. "
            f"Selon les dernières estimations, plus de {rng.randint(2, 900)} 000 {COMMON_WORD} "
            f"et personnes déplacées ont besoin d'une assistance immédiate. " + _sentence(rng)
        )
        blocks = [Block("p", lead)]
        words = _words(lead)
        planted: list[str] = []
        if index % PHRASE_EVERY == 3:
            planted.append(
                f"La {PHRASE} reste au cœur de la coopération entre les autorités et l'OIM."
            )
        if index % RARE_EVERY == 11:
            planted.append(f"Des relevés de {RARE_WORD} ont été réalisés le long des côtes.")
        headings = list(_HEADINGS)
        rng.shuffle(headings)
        section_number = 0
        extras_done = False
        while words < target:
            heading = headings[section_number % len(headings)]
            if section_number >= len(headings):
                heading += f" ({section_number // len(headings) + 1})"
            blocks.append(Block("h2" if section_number % 3 != 2 else "h3", heading))
            section_number += 1
            for _ in range(rng.randint(2, 3)):
                text = _paragraph(rng, planted.pop() if planted else "")
                blocks.append(Block("p", text))
                words += _words(text)
                if words >= target and not planted:
                    break
            if not extras_done and section_number == 2:
                extras_done = True
                items = tuple(_sentence(rng, 4, 9)[:-1] for _ in range(rng.randint(4, 6)))
                blocks.append(Block("ul", items=items))
                words += sum(_words(item) for item in items)
                rows = [("Région", "Personnes assistées", "Variation sur un an")]
                for place, _city, _region in rng.sample(_PLACES, 4):
                    rows.append(
                        (
                            place.split(" ", 1)[1].capitalize(),
                            f"{rng.randint(1, 999)} {rng.randint(100, 999)}",
                            f"{rng.choice('+-')}{rng.randint(1, 60)} %",
                        )
                    )
                blocks.append(Block("table", rows=tuple(rows)))
                words += 20
                quote = (
                    f"« {_sentence(rng, 10, 18)[:-1]} », a déclaré la Directrice générale de "
                    f"l'OIM. Voir aussi notre page sur la {PHRASE if index % 5 == 1 else 'migration'}."
                )
                blocks.append(Block("p", quote))
                words += _words(quote)
        blocks.append(Block("contacts", contacts=self.contacts(index)))
        return blocks

    def contacts(self, index: int) -> tuple[Contact, ...]:
        rng = self._rng(index, 2)
        meta_city = self.meta(index).city.title()
        people = []
        for number in range(rng.randint(1, 2)):
            first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
            office = "Genève" if number else meta_city
            email = f"{_ascii(first[0] + last).lower().replace(' ', '')}@iom.int"
            phone = f"+41 22 717 9{rng.randint(100, 999)}"
            people.append(Contact(f"{first} {last}", f"OIM {office}", [phone], [email]))
        return tuple(people)

    # --- renderings -------------------------------------------------------------------------

    def markdown(self, blocks: list[Block]) -> str:
        parts: list[str] = []
        for block in blocks:
            if block.kind == "h2":
                parts.append(f"## {block.text}")
            elif block.kind == "h3":
                parts.append(f"### {block.text}")
            elif block.kind == "p":
                parts.append(block.text)
            elif block.kind == "ul":
                parts.append("\n".join(f"- {item}" for item in block.items))
            elif block.kind == "table":
                header, *rows = block.rows
                lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
                lines += ["| " + " | ".join(row) + " |" for row in rows]
                parts.append("\n".join(lines))
            elif block.kind == "contacts":
                lines = ["Pour plus d'informations, veuillez contacter :"]
                for c in block.contacts:
                    lines.append(
                        f"{c.name}, {c.organization}, Tel : {c.phones[0]}, "
                        f"Email : [{c.emails[0]}](mailto:{c.emails[0]})"
                    )
                parts.append("  \n".join(lines))
        return "\n\n".join(parts) + "\n"

    def text(self, blocks: list[Block]) -> str:
        parts: list[str] = []
        for block in blocks:
            if block.kind in ("h2", "h3", "p"):
                parts.append(block.text)
            elif block.kind == "ul":
                parts.append("\n".join(block.items))
            elif block.kind == "table":
                parts.append("\n".join(" ".join(row) for row in block.rows))
            elif block.kind == "contacts":
                lines = ["Pour plus d'informations, veuillez contacter :"]
                lines += [
                    f"{c.name}, {c.organization}, Tel : {c.phones[0]}, Email : {c.emails[0]}"
                    for c in block.contacts
                ]
                parts.append("\n".join(lines))
        return "\n\n".join(parts)

    def body_html(self, blocks: list[Block]) -> str:
        e = html.escape
        parts: list[str] = []
        for block in blocks:
            if block.kind in ("h2", "h3"):
                parts.append(f"<{block.kind}>{e(block.text)}</{block.kind}>")
            elif block.kind == "p":
                parts.append(f"<p>{e(block.text)}</p>")
            elif block.kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
            elif block.kind == "table":
                header, *rows = block.rows
                head = "".join(f"<th>{e(cell)}</th>" for cell in header)
                body = "".join(
                    "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>"
                    for row in rows
                )
                parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            elif block.kind == "contacts":
                lines = ["Pour plus d'informations, veuillez contacter :"]
                for c in block.contacts:
                    mail = e(c.emails[0])
                    lines.append(
                        f"{e(c.name)}, {e(c.organization)}, Tel : {e(c.phones[0])}, "
                        f'Email : <a href="mailto:{mail}">{mail}</a>'
                    )
                parts.append("<p>" + "<br>\n".join(lines) + "</p>")
        return "\n".join(parts)

    def page_html(self, index: int) -> str:
        """The article page, in IOM's markup, with the site's header, menu and footer."""
        meta = self.meta(index)
        e = html.escape
        stamp = meta.published.isoformat()
        related = "".join(
            f'<li><a href="{self.meta(j).path}">{e(self.meta(j).title)}</a></li>'
            for j in range(index + 1, min(index + 4, self.n))
        )
        tags = " ".join(f'<a href="/fr/news?tag={slugify(t)}">{e(t)}</a>' for t in meta.tags)
        return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{e(meta.title)} | {ORG}</title>
  <meta property="og:title" content="{e(meta.title)}">
  <meta property="article:published_time" content="{stamp}">
  <link rel="canonical" href="{meta.path}">
  <link rel="alternate" type="application/rss+xml" title="Communiqués de presse" href="{FEED_PATH}">
  <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"page": "{meta.path}"}});</script>
</head>
<body class="path-node page-node-type-press-release">
  <a class="skip-link" href="#main-content">Aller au contenu principal</a>
  <header class="site-header" role="banner">
    <a class="site-logo" href="/fr/">OIM — ONU Migration</a>
    <form class="search-form" action="/fr/search" method="get"><input type="search" name="keys" aria-label="Rechercher"><button>Rechercher</button></form>
  </header>
{_MENU_HTML}
  <main id="main-content" role="main">
    <article class="node node--type-press-release">
      <div class="page-header"><div class="tag">Communiqué de presse</div>
        <h1 class="page-title">{e(meta.title)}</h1></div>
      <div class="date">{display_date(meta.published)}</div>
      <div class="field--name-field-tags">{tags}</div>
      <div class="social-share share">Partager : <a href="https://twitter.com/intent/tweet?url={meta.path}">X</a> <a href="https://www.facebook.com/sharer/sharer.php?u={meta.path}">Facebook</a></div>
      <div class="narrow-content">
        <div class="field--type-text-with-summary">
{self.body_html(self.blocks(index))}
        </div>
      </div>
      <aside class="related-content"><h2>À lire aussi</h2><ul>{related}</ul></aside>
    </article>
  </main>
{_FOOTER_HTML}
</body>
</html>
"""

    def feed_xml(self, base_url: str, count: int | None = None, shape: str = "plain") -> bytes:
        """The newest `count` releases (all by default) as a feed of one of FEED_SHAPES, links
        made absolute: "plain" (RSS 2.0, one plain sentence per description), "html" (RSS 2.0
        shaped like a Drupal newsroom's: each description an escaped HTML paragraph with links
        and emphasis, `category` with a domain, `dc:creator`, `guid isPermaLink="false"`, the
        content namespace declared) or "atom" (Atom 1.0, `content type="html"` and `summary`)."""
        if shape not in FEED_SHAPES:
            raise ValueError(f"feed shape: one of {', '.join(FEED_SHAPES)}")
        base = base_url.rstrip("/")
        stop = min(count or self.n, self.n)
        if shape == "atom":
            return self._atom(base, stop)
        e = html.escape
        items: list[str] = []
        for index in range(stop):
            meta = self.meta(index)
            if shape == "html":
                categories = "".join(
                    f'<category domain="{base}/fr/taxonomy/term/{100 + n}">{e(tag)}</category>'
                    for n, tag in enumerate(meta.tags)
                )
                description = e(self.summary_html(meta, base))
                extra = f"<dc:creator>{e(self.author(meta))}</dc:creator>"
            else:
                categories = "".join(f"<category>{e(tag)}</category>" for tag in meta.tags)
                description = e(meta.summary)
                extra = ""
            items.append(
                f"<item><title>{e(meta.title)}</title><link>{base}{meta.path}</link>"
                f"<description>{description}</description>"
                f"<pubDate>{format_datetime(meta.published)}</pubDate>{categories}{extra}"
                f'<guid isPermaLink="false">{meta.guid}</guid></item>\n'
            )
        newest = format_datetime(self.meta(0).published)
        namespaces = (
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            if shape == "html"
            else ""
        )
        head = (
            f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"{namespaces}>\n'
            "<channel>\n"
            f"<title>OIM — Communiqués de presse (banc d'essai)</title>\n"
            f"<link>{base}/fr/news</link>\n"
            f"<description>Communiqués de presse synthétiques pour les mesures.</description>\n"
            f"<language>fr</language><lastBuildDate>{newest}</lastBuildDate>\n"
        )
        return (head + "".join(items) + "</channel>\n</rss>\n").encode("utf-8")

    def summary_html(self, meta: Meta, base: str) -> str:
        """The summary as one HTML paragraph with a link, emphasis and a strong dateline."""
        place = meta.title.split(" : ")[0]
        return (
            f'<p><strong>{meta.city.title()}</strong> – L\'<a href="{base}/fr">{ORG}</a> '
            f"(OIM) publie un communiqué : <em>{place}</em>. Des milliers de {COMMON_WORD} et de "
            f'personnes déplacées ont besoin d\'aide (<a href="{base}{meta.path}">lire la '
            "suite</a>).</p>"
        )

    @staticmethod
    def author(meta: Meta) -> str:
        first = _FIRST_NAMES[meta.index % len(_FIRST_NAMES)]
        last = _LAST_NAMES[(meta.index // len(_FIRST_NAMES)) % len(_LAST_NAMES)]
        return f"{first} {last}"

    def _atom(self, base: str, stop: int) -> bytes:
        e = html.escape
        entries: list[str] = []
        for index in range(stop):
            meta = self.meta(index)
            stamp = meta.published.isoformat().replace("+00:00", "Z")
            categories = "".join(f'<category term="{e(tag)}"/>' for tag in meta.tags)
            body = self.summary_html(meta, base)
            entries.append(
                f'<entry><title type="text">{e(meta.title)}</title>'
                f'<link rel="alternate" type="text/html" href="{base}{meta.path}"/>'
                f"<id>urn:uuid:{_uuid(self.seed, index)}</id>"
                f"<published>{stamp}</published><updated>{stamp}</updated>"
                f"<author><name>{e(self.author(meta))}</name></author>{categories}"
                f'<summary type="html">{e(body)}</summary>'
                f'<content type="html">{e(body)}</content></entry>\n'
            )
        newest = self.meta(0).published.isoformat().replace("+00:00", "Z")
        head = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">\n'
            "<title>OIM — Communiqués de presse (banc d'essai)</title>\n"
            f'<link rel="alternate" type="text/html" href="{base}/fr/news"/>\n'
            f'<link rel="self" type="application/atom+xml" href="{base}{FEED_PATH}"/>\n'
            f"<id>{base}/fr/news</id><updated>{newest}</updated>\n"
        )
        return (head + "".join(entries) + "</feed>\n").encode("utf-8")

    # --- direct to the store ----------------------------------------------------------------

    def release(self, index: int, base_url: str = "http://127.0.0.1/") -> Release:
        """Release `index` as the sync would store it (Markdown and text built directly)."""
        meta = self.meta(index)
        blocks = self.blocks(index)
        return Release(
            id=meta.guid,
            url=base_url.rstrip("/") + meta.path,
            title=meta.title,
            published=meta.published,
            language="fr",
            section=meta.section,
            tags=list(meta.tags),
            summary=meta.summary,
            markdown=self.markdown(blocks),
            text=self.text(blocks),
            contacts=list(blocks[-1].contacts),
        )

    def releases(self, start: int = 0, stop: int | None = None) -> Iterator[Release]:
        for index in range(start, self.n if stop is None else min(stop, self.n)):
            yield self.release(index)


def _menu_html() -> str:
    labels = (
        ("Qui sommes-nous", "/fr/qui-sommes-nous"),
        ("Structure", "/fr/structure-organisationnelle-de-loim"),
        ("Notre travail", "/fr/notre-travail"),
        ("Ce que nous faisons", "/fr/ce-que-nous-faisons"),
        ("Partenariats", "/fr/partenariats"),
        ("Où travaillons-nous", "/fr/ou-travaillons-nous"),
        ("Agir", "/fr/agir"),
        ("Travailler avec nous", "/fr/travailler-avec-nous"),
        ("Engagez-vous", "/fr/engagez-vous"),
        ("Données et recherche", "/fr/donnees-et-recherche"),
        ("Agenda 2030", "/fr/agenda-2030"),
        ("Communiqués de presse", "/fr/news"),
    )
    items = "\n".join(f'      <li><a href="{href}">{html.escape(t)}</a></li>' for t, href in labels)
    return f'  <nav class="main-menu" aria-label="Menu principal">\n    <ul>\n{items}\n    </ul>\n  </nav>'


_MENU_HTML = _menu_html()
_FOOTER_HTML = """  <footer class="site-footer" role="contentinfo">
    <p>Contenu synthétique généré pour les mesures de newsroom-tui : aucun fait, nom ni numéro n'est réel.</p>
    <ul class="footer-links"><li><a href="/fr/agir">Agir</a></li><li><a href="/fr/news">Médias</a></li><li><a href="/fr/rss.xml">RSS</a></li></ul>
  </footer>"""


@lru_cache(maxsize=8)
def _uuid(seed: int, index: int) -> str:
    """A UUID-shaped id, a pure function of (seed, index)."""
    digits = hashlib.md5(f"{seed}-{index}".encode(), usedforsecurity=False).hexdigest()
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def newsroom(n: int, seed: int = DEFAULT_SEED) -> Newsroom:
    """A shared instance per (n, seed)."""
    return Newsroom(n, seed)
