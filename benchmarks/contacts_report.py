"""Recall and precision of the contacts extractor on the fixture corpus of contact blocks.

The corpus (tests/fixtures/contacts/corpus/*.toml) reproduces the contact-block formats of real
releases (docs/contact-formats.md) with invented people, numbers and addresses; each block carries
its exact expected contacts. Each block is rendered into a release body (a prelude of body text
that quotes people and mentions stray addresses, then the block), run through extract_contacts,
and compared with what is expected:

- contacts: an expected contact is found when an extracted one shares an email with it, or, for
  contacts without email, has the same name (case and accents aside) or a phone in common;
  precision counts extracted contacts that match an expected one.
- emails, phones (by normalised number), names (exactly as expected): counted over all blocks.

Run: `make contacts-report` (or `python -m benchmarks.contacts_report`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsroom_tui.extraction.contact_formats import phone_numbers
from newsroom_tui.extraction.contact_names import fold_words
from newsroom_tui.extraction.contacts import extract_contacts
from newsroom_tui.models import Contact

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "contacts" / "corpus"
LANGUAGES = ("en", "fr", "es")

# Body text that comes before each block: people quoted in the body, addresses and phones of
# the body. None of it may become a contact.
PRELUDES: dict[str, list[str]] = {
    "en": [
        "<p>GENEVA – The number of people displaced by the floods has doubled in a week, the"
        " organization said on Tuesday.</p><p>“We need access now,” said Hana Lindqvist, IOM"
        " Chief of Mission. “Every day counts,” added Tomas Ferreira, an engineer in Beira.</p>"
        "<p>Applications for the fellowship go to fellows2031@iom.int; the hotline for families is"
        " +258 800 112 233.</p>",
        "<p>NAIROBI – A new cross-border health programme was launched today.</p><p>Dr. Amina"
        " Wekesa, Head of the Migration Health Unit, said the clinics would open in May. Farah"
        " Osei (fosei@example.org) chairs the steering group.</p>",
        "<p>BANGKOK – Returns resumed this week after a pause of two months.</p><blockquote>“The"
        " journey was long,” said Somchai Pirom, 34.</blockquote><p>Questions about tenders:"
        " procurement.bkk@iom.int, tel. +66 2 555 0199.</p>",
    ],
    "fr": [
        "<p>GENÈVE – Le nombre de personnes déplacées a doublé en une semaine, a indiqué"
        " mardi l’organisation.</p><p>« Nous avons besoin d’accès », a déclaré Hélène"
        " Marchetti, cheffe de mission de l’OIM. « Chaque jour compte », a ajouté Moussa"
        " Diabaté, ingénieur à Mopti.</p><p>Les candidatures sont à envoyer à"
        " stages2031@iom.int ; le numéro vert des familles est le +223 80 00 11 22.</p>",
        "<p>DAKAR – Un nouveau programme de santé transfrontalier a été lancé aujourd’hui.</p>"
        "<p>Le Dr Awa Ndour, responsable de l’unité santé, a précisé que les centres ouvriront"
        " en mai. M. Karim Benali (kbenali@exemple.org) préside le comité.</p>",
        "<p>TUNIS – Les retours ont repris cette semaine.</p><blockquote>« Le voyage a été"
        " long », a confié Yasmine Trabelsi, 29 ans.</blockquote><p>Appels d’offres :"
        " achats.tunis@iom.int, tél. +216 71 000 199.</p>",
    ],
    "es": [
        "<p>GINEBRA – El número de personas desplazadas se duplicó en una semana, informó el"
        " martes la organización.</p><p>“Necesitamos acceso ya”, dijo Lucía Barrenechea, Jefa"
        " de Misión de la OIM. “Cada día cuenta”, añadió Mateo Quispe, ingeniero en Cusco.</p>"
        "<p>Las postulaciones se envían a becas2031@iom.int; la línea para familias es el"
        " +51 800 11 22 33.</p>",
        "<p>SAN JOSÉ – Se lanzó hoy un nuevo programa de salud transfronterizo.</p><p>La Dra."
        " Carmen Oviedo, responsable de la unidad de salud, explicó que los centros abrirán en"
        " mayo. El Sr. Andrés Solano (asolano@ejemplo.org) preside el comité.</p>",
        "<p>QUITO – Los retornos se reanudaron esta semana.</p><blockquote>“El viaje fue largo”,"
        " contó Valeria Chávez, de 27 años.</blockquote><p>Licitaciones: compras.quito@iom.int,"
        " tel. +593 2 000 0199.</p>",
    ],
}


@dataclass(frozen=True, slots=True)
class Fixture:
    """One contact block of the corpus, with its exact expected contacts."""

    id: str
    language: str
    format: str
    html: str
    expected: list[Contact]
    prelude: bool = True

    def page(self) -> str:
        """The block as the body of a release: a prelude of body text, then the block."""
        if not self.prelude:
            return self.html
        preludes = PRELUDES[self.language]
        pick = int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % len(preludes)
        return preludes[pick] + self.html


def cfemail(address: str) -> str:
    """Cloudflare's encoding of an address: a key byte, then every byte XORed with it."""
    key = 0x20 + hashlib.sha256(address.encode()).digest()[0] % 0x5F
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())


def render(html: str) -> str:
    """Expands the corpus's shorthands for protected addresses.

    {cf:ADDRESS}     a link Cloudflare rewrote: text "[email protected]", data-cfemail
    {cfspan:ADDRESS} a span inside a mailto link whose href Cloudflare rewrote too
    """
    out: list[str] = []
    rest = html
    while "{cf" in rest:
        before, _, tail = rest.partition("{cf")
        kind, _, tail = tail.partition(":")
        address, _, rest = tail.partition("}")
        out.append(before)
        code = cfemail(address)
        if kind == "span":
            out.append(
                f'<a href="/cdn-cgi/l/email-protection#{code}"><span class="__cf_email__"'
                f' data-cfemail="{code}">[email&#160;protected]</span></a>'
            )
        else:
            out.append(
                f'<a href="/cdn-cgi/l/email-protection" class="__cf_email__"'
                f' data-cfemail="{code}">[email&#160;protected]</a>'
            )
    out.append(rest)
    return "".join(out)


def load(corpus: Path = CORPUS) -> list[Fixture]:
    """Every fixture of the corpus, in file order (en, es, fr, negatives)."""
    fixtures: list[Fixture] = []
    for path in sorted(corpus.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data["fixture"]:
            expected = [
                Contact(
                    name=c["name"],
                    organization=c.get("organization", ""),
                    phones=list(c.get("phones", [])),
                    emails=list(c.get("emails", [])),
                )
                for c in item.get("contacts", [])
            ]
            fixtures.append(
                Fixture(
                    id=item["id"],
                    language=item["language"],
                    format=item["format"],
                    html=render(item["html"]),
                    expected=expected,
                    prelude=item.get("prelude", True),
                )
            )
    return fixtures


@dataclass(slots=True)
class Tally:
    """Found / expected / extracted counts of one measure."""

    expected: int = 0
    extracted: int = 0
    correct_expected: int = 0
    correct_extracted: int = 0

    @property
    def recall(self) -> float:
        return self.correct_expected / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct_extracted / self.extracted if self.extracted else 1.0


@dataclass(slots=True)
class Score:
    """The four measures of one language (or of the whole corpus)."""

    blocks: int = 0
    empty: int = 0
    """Blocks that must give no contact."""
    exact: int = 0
    contacts: Tally = field(default_factory=Tally)
    emails: Tally = field(default_factory=Tally)
    phones: Tally = field(default_factory=Tally)
    names: Tally = field(default_factory=Tally)
    false_contacts: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def _phones(contact: Contact) -> set[str]:
    return {n for p in contact.phones for n in phone_numbers(p)}


def _matches(a: Contact, b: Contact) -> bool:
    emails_a = {e.lower() for e in a.emails}
    emails_b = {e.lower() for e in b.emails}
    if emails_a and emails_b:
        return bool(emails_a & emails_b)
    if fold_words(a.name) and fold_words(a.name) == fold_words(b.name):
        return True
    return bool(_phones(a) & _phones(b))


def score_block(fixture: Fixture, found: list[Contact], score: Score) -> None:
    """Adds one block's comparison to `score`."""
    score.blocks += 1
    score.empty += not fixture.expected
    if found == fixture.expected:
        score.exact += 1
    score.contacts.expected += len(fixture.expected)
    score.contacts.extracted += len(found)
    pairs: list[tuple[Contact, Contact]] = []
    unmatched = list(found)
    for want in fixture.expected:
        hit = next((got for got in unmatched if _matches(want, got)), None)
        if hit is None:
            score.missed.append(f"{fixture.id}: {want.name}")
            continue
        unmatched.remove(hit)
        pairs.append((want, hit))
    score.contacts.correct_expected += len(pairs)
    score.contacts.correct_extracted += len(pairs)
    for got in unmatched:
        score.false_contacts.append(f"{fixture.id}: {got.name}")
    want_emails = [e.lower() for c in fixture.expected for e in c.emails]
    got_emails = [e.lower() for c in found for e in c.emails]
    _count(score.emails, want_emails, got_emails)
    want_phones = [n for c in fixture.expected for n in sorted(_phones(c))]
    got_phones = [n for c in found for n in sorted(_phones(c))]
    _count(score.phones, want_phones, got_phones)
    score.names.expected += len(fixture.expected)
    score.names.extracted += len(found)
    right = sum(1 for want, got in pairs if want.name == got.name)
    score.names.correct_expected += right
    score.names.correct_extracted += right


def _count(tally: Tally, wanted: list[str], got: list[str]) -> None:
    tally.expected += len(wanted)
    tally.extracted += len(got)
    pool = list(got)
    for value in wanted:
        if value in pool:
            pool.remove(value)
            tally.correct_expected += 1
    pool = list(wanted)
    for value in got:
        if value in pool:
            pool.remove(value)
            tally.correct_extracted += 1


def evaluate(fixtures: Iterable[Fixture]) -> dict[str, Score]:
    """Scores per language and for "all"."""
    scores = {lang: Score() for lang in (*LANGUAGES, "all")}
    for fixture in fixtures:
        found = extract_contacts(fixture.page())
        score_block(fixture, found, scores[fixture.language])
        score_block(fixture, found, scores["all"])
    return scores


def _pct(value: float) -> str:
    return f"{100 * value:5.1f} %"


def report(scores: dict[str, Score]) -> str:
    """The scores as a Markdown table, then the misses and false contacts (if any)."""
    lines = [
        "| language | blocks | exact | contacts R / P | emails R / P | phones R / P | names R / P |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for lang, s in scores.items():
        cells = [
            lang,
            str(s.blocks),
            str(s.exact),
            *(
                f"{_pct(t.recall)} / {_pct(t.precision)} ({t.correct_expected}/{t.expected})"
                for t in (s.contacts, s.emails, s.phones, s.names)
            ),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    total = scores["all"]
    lines.append("")
    lines.append(
        f"Blocks: {total.blocks - total.empty} with contacts, {total.empty} without. Expected"
        f" contacts: {total.contacts.expected}; false contacts: {len(total.false_contacts)};"
        f" missed contacts: {len(total.missed)}."
    )
    for item in total.missed:
        lines.append(f"- missed {item}")
    for item in total.false_contacts:
        lines.append(f"- false {item}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    fixtures = load(args.corpus)
    print(f"Contacts extractor on {len(fixtures)} fixture blocks ({args.corpus.name}/)\n")
    print(report(evaluate(fixtures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
