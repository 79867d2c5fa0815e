"""Contact blocks assembled at random from the pieces of the catalogued formats (lead-ins, name,
honorific, role, office, labelled or bare phones and addresses, inline or one person per line,
paragraphs, stacked lines, list items; English, French, Spanish), after body text that quotes a
person and gives a hotline: every block gives exactly the people it was built from."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

import pytest

from newsroom_tui.extraction.contacts import extract_contacts
from newsroom_tui.models import Contact

FIRST = ["Ana", "Jonas", "Leila", "Marta", "Omar", "Claire", "Pedro", "Aïcha", "Hugo", "Nadia"]
FIRST += ["Ruth", "Tomás", "Ines", "Kwame", "Li", "Élodie", "Juan Carlos", "Marie-Claire"]
LAST = ["Berg", "Haddad", "Okafor", "Dubois", "Ríos", "van Dijk", "Mensah", "Lindqvist"]
LAST += ["De Souza", "Ndiaye", "Kovač", "Nakamura", "O'Neill", "Al-Rashid", "García López"]
LAST += ["Traoré", "Fontaine", "Ben Salah", "d'Almeida"]
HONORIFICS = {
    "en": ["", "", "", "Dr. ", "Ms. ", "Mr. "],
    "fr": ["", "", "M. ", "Mme ", "Dr "],
    "es": ["", "", "Sr. ", "Sra. ", "Dra. "],
}
CITIES = ["Geneva", "Cairo", "Dakar", "Nairobi", "Bangkok", "Lima", "Tunis", "Amman", "Kabul"]
ROLES = {
    "en": ["Spokesperson", "Media Officer", "Senior Communications Officer", "Head of Office"],
    "fr": ["porte-parole", "chargée de communication", "Chargé de presse"],
    "es": ["Portavoz", "Oficial de Comunicación", "Asistente de Prensa"],
}
LEAD_INS = {
    "en": [
        ("inline", "For more information, please contact "),
        ("inline", "For further information please contact "),
        ("colon", "For more information:"),
        ("colon", "For media inquiries, please contact:"),
        ("colon", "FOR MORE INFORMATION PLEASE CONTACT:"),
        ("heading", "Media contacts"),
        ("heading", "For more information"),
    ],
    "fr": [
        ("inline", "Pour plus d’informations, veuillez contacter "),
        ("inline", "Pour plus d'informations sur ce projet, veuillez contacter "),
        ("colon", "Pour plus d’informations :"),
        ("colon", "Renseignements :"),
        ("heading", "Contacts presse"),
    ],
    "es": [
        ("inline", "Para más información, por favor contacte a "),
        ("inline", "Para mayor información, favor comunicarse con "),
        ("colon", "Para más información:"),
        ("colon", "Informes:"),
        ("heading", "Contactos para medios"),
    ],
}
PHONE_LABELS = {
    "en": ["Tel: ", "Tel. ", "Phone: ", "Mobile: ", "T: ", ""],
    "fr": ["Tél. : ", "Tél : ", "Portable : ", ""],
    "es": ["Tel: ", "Teléfono: ", "Móvil: ", "Celular: ", ""],
}
EMAIL_LABELS = {
    "en": ["Email: ", "E-mail: ", "Email ", ""],
    "fr": ["Email : ", "Courriel : ", "E-mail : ", ""],
    "es": ["Correo electrónico: ", "Email: ", "Correo: ", ""],
}
JOINERS = {"en": " or ", "fr": " ou ", "es": " o "}
BODY = (
    "<p>“We will continue,” said Paula Reyes, a teacher in Tacna. Families can call the hotline"
    " on +1 800 555 0100 or write to families@example.org.</p>"
)


@dataclass
class Person:
    name: str
    office: str
    city: str
    role: str
    phones: list[str]
    email: str

    def contact(self) -> Contact:
        return Contact(self.name, self.office, self.phones, [self.email] if self.email else [])


def _phone(rng: random.Random) -> str:
    code = rng.choice(["41", "221", "254", "20", "51", "66", "962"])
    groups = [str(rng.randint(10, 999)) for _ in range(rng.randint(3, 4))]
    return f"+{code} " + rng.choice([" ", "-"]).join(groups)


def _person(rng: random.Random, lang: str, taken: set[str]) -> Person:
    while True:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if first + last not in taken:
            taken.add(first + last)
            break
    plain = unicodedata.normalize("NFKD", first[0] + last)
    local = "".join(c for c in plain if c.isascii() and c.isalnum()).lower()
    city = rng.choice(CITIES)
    phones = [_phone(rng) for _ in range(rng.randint(0, 2))]
    return Person(
        name=rng.choice(HONORIFICS[lang]) + f"{first} {last}",
        office=("IOM " if lang == "en" else "OIM ") + city,
        city=city,
        role=rng.choice(ROLES[lang]) if rng.random() < 0.5 else "",
        phones=phones,
        email=f"{local}@iom.int" if rng.random() < 0.9 or not phones else "",
    )


def _pieces(rng: random.Random, lang: str, person: Person, *, at: bool) -> list[str]:
    if at:
        preposition = {
            "en": ("at", person.office),
            "fr": ("au", f"Bureau de l’OIM à {person.city}"),
            "es": ("en la", f"Oficina de la OIM en {person.city}"),
        }[lang]
        person.office = preposition[1]
        pieces = [f"{person.name} {preposition[0]} {preposition[1]}"]
    else:
        pieces = [person.name, *([person.role] if person.role else []), person.office]
    pieces += [rng.choice(PHONE_LABELS[lang]) + phone for phone in person.phones]
    if person.email:
        pieces.append(rng.choice(EMAIL_LABELS[lang]) + person.email)
    return pieces


def _block(rng: random.Random) -> tuple[str, list[Person]]:
    lang = rng.choice(["en", "fr", "es"])
    kind, lead_in = rng.choice(LEAD_INS[lang])
    taken: set[str] = set()
    people = [
        _person(rng, lang, taken) for _ in range(rng.randint(1, 3 if kind == "inline" else 5))
    ]
    if kind == "inline":
        at = rng.random() < 0.5
        texts = [", ".join(_pieces(rng, lang, p, at=at)) for p in people]
        return f"<p>{lead_in}{JOINERS[lang].join(texts)}</p>", people
    head = f"<h3>{lead_in}</h3>" if kind == "heading" else f"<p>{lead_in}</p>"
    layout = rng.choice(["lines", "paragraphs", "stacked", "list"])
    chunks = []
    for person in people:
        pieces = _pieces(rng, lang, person, at=False)
        if layout == "paragraphs":
            chunks.append("<p>" + rng.choice([", ", " | ", " – "]).join(pieces) + "</p>")
        elif layout == "stacked":
            chunks.append("<p>" + "<br>".join(pieces) + "</p>")
        elif layout == "list":
            chunks.append("<li>" + ", ".join(pieces) + "</li>")
        else:
            chunks.append(", ".join(pieces))
    if layout == "lines":
        return head + "<p>" + "<br>".join(chunks) + "</p>", people
    if layout == "list":
        return head + "<ul>" + "".join(chunks) + "</ul>", people
    return head + "".join(chunks), people


@pytest.mark.parametrize("seed", range(8))
def test_generated_blocks_give_exactly_their_people(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        html, people = _block(rng)
        assert extract_contacts(BODY + html) == [p.contact() for p in people], html
