"""Contacts extractor: exact contacts from fixture pages in three languages, helpers, hostile input."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction.contact_formats import (
    find_phones,
    format_name_email,
    format_vcard,
    normalise_phone,
    phone_numbers,
)
from newsroom_tui.extraction.contact_names import looks_like_person
from newsroom_tui.extraction.contacts import extract_contacts
from newsroom_tui.models import Contact

FIXTURES = Path(__file__).parent / "fixtures" / "contacts"


def load(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def cfemail(address: str, key: int = 0x5A) -> str:
    """Cloudflare's encoding: a key byte, then every byte of the address XORed with it."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())


# --- fixture pages -------------------------------------------------------------------------------

EXPECTED: dict[str, list[Contact]] = {
    # English, two contacts joined by "or", mailto (query ignored, percent-decoded), extension.
    "en_two_or_mailto.html": [
        Contact(
            "Jean Dupont",
            "IOM Geneva",
            ["+41 22 717 9123", "+41 79 285 43 10"],
            ["jdupont@iom.int"],
        ),
        Contact("Amira Haddad", "IOM Cairo", ["+202-2736 5104 ext. 231"], ["ahaddad@iom.int"]),
    ],
    # French, clause between "informations" and "contacter", entries split by <br>,
    # Cloudflare data-cfemail, full-width @, entity-encoded @, "poste" extension, Portable.
    "fr_clause_br.html": [
        Contact(
            "Unité de communication",
            "Bureau régional de l’OIM à Dakar",
            ["+221 33 869 6271"],
            ["rodakarcomms@iom.int"],
        ),
        Contact(
            "Aïcha Ndiaye",
            "OIM Tunisie",
            ["+216 71 860 312 poste 45", "+216 98 123 456"],
            ["iomtunisiemedia@iom.int"],
        ),
        Contact("Florence Lemaître", "OIM Mauritanie", ["+222 45 25 31 07"], ["flemaitre@iom.int"]),
    ],
    # Spanish, clause between "información" and "contactar", one contact per <p>, a lone "o"
    # paragraph between them, (at)/(dot) and AT/DOT obfuscation, Móvil and Cel.
    "es_clause_paragraphs.html": [
        Contact(
            "Lucía Fernández Soto",
            "Oficina de la OIM en Costa Rica",
            ["+506 2212 5341", "+506 8834 2210"],
            ["lfernandez@iom.int"],
        ),
        Contact("Diego Ramírez", "OIM Panamá", ["+507 6612 4478"], ["dramirez@iom.int"]),
    ],
    "es_contacte_clause.html": [
        Contact(
            "María José Pérez",
            "Oficina de la OIM en Colombia",
            ["+57 601 639 7777 ext. 1205"],
            ["mjperez@iom.int"],
        ),
    ],
    # "Media contacts" heading, four contacts separated by semicolons.
    "en_media_contacts_semicolons.html": [
        Contact("Grace Wanjiru", "IOM Kenya", ["+254 20 422 1311"], ["gwanjiru@iom.int"]),
        Contact(
            "Tomás Okello",
            "IOM Regional Office for East and Horn of Africa",
            ["+254 20 422 1402"],
            ["tokello@iom.int"],
        ),
        Contact(
            "Sara Lindqvist",
            "IOM Brussels",
            ["+32 2 287 7043", "+32 475 61 88 20"],
            ["slindqvist@iom.int"],
        ),
        Contact("Kofi Mensah", "IOM Geneva", ["+41 22 717 9456"], ["kmensah@iom.int"]),
    ],
    # Office headings give the organisation; "About IOM" ends the block (its address is ignored).
    "en_office_headings.html": [
        Contact("Jean Dupont", "IOM Geneva", ["+41 22 717 9123"], ["jdupont@iom.int"]),
        Contact("Nadia Rahman", "IOM Geneva", ["+41 79 403 12 87"], ["nrahman@iom.int"]),
        Contact("Amira Haddad", "IOM Cairo", ["+202-2736 5104"], ["ahaddad@iom.int"]),
    ],
    # "Pour de plus amples informations" in <strong>, semicolon between phones, "ou", "[at]".
    "fr_plus_amples_semicolon.html": [
        Contact(
            "Moussa Koné",
            "OIM Côte d’Ivoire",
            ["+225 27 22 52 77 00", "+225 07 48 91 23 55"],
            ["mkone@iom.int"],
        ),
        Contact("Hélène Brun", "OIM Sénégal", ["+221 33 869 6200, poste 118"], ["hbrun@iom.int"]),
    ],
    # An address and a phone in the body before the block are not contacts.
    "en_email_outside_block.html": [
        Contact("Priya Natarajan", "IOM Thailand", ["+66 2 343 9412"], ["pnatarajan@iom.int"]),
    ],
    # An anchor phrase inside the body text: the last anchor (the closing block) wins.
    "en_two_anchors.html": [
        Contact(
            "Selam Tesfaye",
            "IOM Ethiopia",
            ["+251 11 557 1742", "+251 91 150 3388"],
            ["stesfaye@iom.int"],
        ),
    ],
    # No contacts block: nothing, even with an address and a phone in the body.
    "en_email_no_block.html": [],
    # "Pour plus d'informations" without "contacter" is not an anchor.
    "fr_no_contacts.html": [],
    # No anchor, but a mailto link under a contacts-like heading; the body's address is ignored.
    "fr_heading_mailto.html": [
        Contact("Unité médias", "OIM Tunisie", [], ["iomtunisiemedia@iom.int"]),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_contacts(name: str) -> None:
    assert extract_contacts(load(name)) == EXPECTED[name]


def test_every_fixture_has_an_expectation() -> None:
    assert {p.name for p in FIXTURES.glob("*.html")} == set(EXPECTED)


# --- inline shapes -------------------------------------------------------------------------------


def test_email_order_mailto_then_text_then_obfuscated_deduplicated() -> None:
    html = (
        "<p>For more information, contact Ana Silva, IOM Lisbon, "
        "Email: kfoo [at] iom [dot] int, asilva@iom.int, "
        '<a href="mailto:ASilva@IOM.Int">asilva@iom.int</a>, '
        '<a href="mailto:press.lisbon@iom.int,asilva@iom.int">Email</a></p>'
    )
    assert extract_contacts(html) == [
        Contact(
            "Ana Silva",
            "IOM Lisbon",
            [],
            ["ASilva@iom.int", "press.lisbon@iom.int", "kfoo@iom.int"],
        )
    ]


def test_name_and_office_on_separate_lines_with_accented_apostrophe_anchor() -> None:
    html = (
        "<p>POUR PLUS D’INFORMATION, VEUILLEZ CONTACTER :</p>"
        "<p>Jeanne Martin<br>OIM Bénin<br>Tél : +229 21 30 82 14<br>"
        "Mobile : +229 97 64 21 09<br>Courriel : jmartin@iom.int</p>"
        "<p>Paul Akpo<br>OIM Togo<br>Tel : +228 22 21 33 04<br>Email : pakpo@iom.int</p>"
    )
    assert extract_contacts(html) == [
        Contact(
            "Jeanne Martin",
            "OIM Bénin",
            ["+229 21 30 82 14", "+229 97 64 21 09"],
            ["jmartin@iom.int"],
        ),
        Contact("Paul Akpo", "OIM Togo", ["+228 22 21 33 04"], ["pakpo@iom.int"]),
    ]


def test_earlier_anchor_used_when_the_last_gives_nothing() -> None:
    html = (
        "<p>Para más información, contacte a Ana Ruiz, OIM Chile, Tel: +56 2 2963 3710.</p>"
        "<p>Para más información sobre el informe, puede contactar a la OIM.</p>"
    )
    assert extract_contacts(html) == [Contact("Ana Ruiz", "OIM Chile", ["+56 2 2963 3710"], [])]


def test_local_numbers_joined_by_ou_belong_to_one_person() -> None:
    html = (
        "<p>Pour plus d'informations, contacter Luc Roy, OIM Haïti, "
        "Tél : 022 717 91 23 ou 079 123 45 67 ou Marc Blanc, OIM Genève, Tél : 022 717 94 40</p>"
    )
    assert extract_contacts(html) == [
        Contact("Luc Roy", "OIM Haïti", ["022 717 91 23", "079 123 45 67"], []),
        Contact("Marc Blanc", "OIM Genève", ["022 717 94 40"], []),
    ]


def test_contactos_de_prensa_and_fax_is_not_a_phone() -> None:
    html = (
        "<h2>Contactos de prensa</h2>"
        "<p>Elena Gómez, OIM Argentina, Tel: +54 11 4815 5194, Fax: +54 11 4815 5195, "
        "Correo electrónico: egomez@iom.int</p>"
    )
    assert extract_contacts(html) == [
        Contact("Elena Gómez", "OIM Argentina", ["+54 11 4815 5194"], ["egomez@iom.int"])
    ]


def test_cloudflare_anchor_and_zero_width_and_bidi_in_address() -> None:
    html = (
        "<p>Media contact: Omar Said, IOM Amman, "
        f'<a data-cfemail="{cfemail("osaid@iom.int", 0x21)}" href="#">[email protected]</a> '
        "or Lina Aziz, IOM Beirut, Email: la\u200bziz@iom.int\u202e</p>"
    )
    assert extract_contacts(html) == [
        Contact("Omar Said", "IOM Amman", [], ["osaid@iom.int"]),
        Contact("Lina Aziz", "IOM Beirut", [], ["laziz@iom.int"]),
    ]


def test_mailto_outside_contacts_heading_is_ignored() -> None:
    html = '<h2>Background</h2><p>Write to <a href="mailto:someone@iom.int">us</a>.</p>'
    assert extract_contacts(html) == []


def test_script_contents_are_ignored() -> None:
    html = (
        "<p>For more information, please contact <script>x='Evil, Tel: +1 555 0100'</script>"
        "Jean Dupont, IOM Geneva, Tel: +41 22 717 9123</p>"
    )
    assert extract_contacts(html) == [Contact("Jean Dupont", "IOM Geneva", ["+41 22 717 9123"], [])]


def test_number_of_contacts_is_capped() -> None:
    entries = "".join(f"<p>Ana Ruiz, IOM Office, Email: p{i}@iom.int</p>" for i in range(50))
    found = extract_contacts("<h3>Media contacts</h3>" + entries)
    assert len(found) == 20
    assert found[0] == Contact("Ana Ruiz", "IOM Office", [], ["p0@iom.int"])


@pytest.mark.parametrize("value", ["", "<p></p>", "\x00\ud800<p>\x1b[31m", "<" * 1000])
def test_degenerate_input(value: str) -> None:
    assert extract_contacts(value) == []


# --- helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("+41 79 123 45 67", "+41791234567"),
        ("+1 (212) 555-0100 ext. 12", "+12125550100x12"),
        ("+202-2736 5104 ext. 231", "+20227365104x231"),
        ("+216 71 860 312 poste 45", "+21671860312x45"),
        ("+221 33 869 6200, poste 118", "+221338696200x118"),
        ("+41 (0)22 717 9123", "+41227179123"),
        ("022 717 91 23", "0227179123"),
        ("(+44) 20 7946 0321", "+442079460321"),
        ("", ""),
        ("Tel", ""),
        ("+ 213 37 65 28 81", "+21337652881"),
        ("+ +222 45 61 07 33", "+22245610733"),
        ("+44 (0)20 7946 0321", "+442079460321"),
        ("+41.22.717.91.11", "+41227179111"),
        ("0041 22 717 91 11", "+41227179111"),
        ("+1 212 555 0100 x142", "+12125550100x142"),
        ("+2 02 2736 5140/1", "+20227365140"),
    ],
)
def test_normalise_phone(printed: str, expected: str) -> None:
    assert normalise_phone(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("+2 02 2736 5140/1", ["+20227365140", "+20227365141"]),
        ("+216 71 860 312/13", ["+21671860312", "+21671860313"]),
        ("022/717.91.11", ["0227179111"]),
        ("+41 22 717 9111 ext. 12", ["+41227179111x12"]),
        ("", []),
    ],
)
def test_phone_numbers(printed: str, expected: list[str]) -> None:
    assert phone_numbers(printed) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tel: +41 22 717 9111, Mobile: +41 79 285 43 10", ["+41 22 717 9111", "+41 79 285 43 10"]),
        ("Tél. : 022/717.91.11 ou 079 123 45 67", ["022/717.91.11", "079 123 45 67"]),
        ("Tel: +41 22 717 9111 / +41 79 123 4567", ["+41 22 717 9111", "+41 79 123 4567"]),
        ("T: +41 22 717 9111 M: +41 79 111 22 33", ["+41 22 717 9111", "+41 79 111 22 33"]),
        ("Fax: +41 22 798 6150", []),
        ("born 2024, room 12 34", []),
        ("Tel: 2212-5300 o 8834-2217", ["2212-5300", "8834-2217"]),
    ],
)
def test_find_phones(line: str, expected: list[str]) -> None:
    assert [p.printed for p in find_phones(line)] == expected


def test_format_name_email() -> None:
    assert format_name_email(Contact("Jean Dupont", "", [], ["jdupont@iom.int"])) == (
        "Jean Dupont <jdupont@iom.int>"
    )
    assert format_name_email(Contact("Dupont, Jean", "", [], ["jdupont@iom.int"])) == (
        '"Dupont, Jean" <jdupont@iom.int>'
    )
    assert format_name_email(Contact("", "", [], ["a@iom.int"])) == "a@iom.int"
    assert format_name_email(Contact("Jean\x1b[2J Dupont", "", [])) is None


def test_format_vcard() -> None:
    card = format_vcard(
        Contact("Jean Dupont", "IOM Geneva; HQ", ["+41 22 717 9123"], ["jdupont@iom.int"])
    )
    assert card == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jean Dupont\r\nN:Dupont;Jean;;;\r\n"
        "ORG:IOM Geneva\\; HQ\r\nTEL;TYPE=VOICE:+41 22 717 9123\r\n"
        "EMAIL;TYPE=INTERNET:jdupont@iom.int\r\nEND:VCARD\r\n"
    )
    alternatives = format_vcard(Contact("Samira Khalil", "IOM Cairo", ["+2 02 2736 5140/1"], []))
    assert "TEL;TYPE=VOICE:+20227365140\r\nTEL;TYPE=VOICE:+20227365141\r\n" in alternatives
    long_card = format_vcard(Contact("é" * 100, "", [], []))
    assert all(len(line.encode()) <= 75 for line in long_card.split("\r\n"))
    assert "\x1b" not in format_vcard(Contact("x\x1b]52;c;AAAA\x07y", "", [], []))


# --- hostile input: linear time --------------------------------------------------------------------

ANCHOR = "<p>For more information, please contact "
HOSTILE: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * n,
    "a-dot": lambda n: "a." * (n // 2),
    "at-signs": lambda n: "@" * n,
    "digits": lambda n: "1" * n,
    "anchor-then-a-dot": lambda n: ANCHOR + "a." * (n // 2),
    "anchor-then-at": lambda n: ANCHOR + "a@" * (n // 2),
    "anchor-then-digits": lambda n: ANCHOR + "Tel: +" + "1 " * (n // 2),
    "anchor-then-labels": lambda n: ANCHOR + "Tel 123456 " * (n // 11),
    "anchor-then-obfuscated": lambda n: ANCHOR + "a [at] b [dot] " * (n // 15),
    "repeated-anchors": lambda n: "pour plus d'informations sur " * (n // 29),
    "repeated-headings": lambda n: "<h4>Contact</h4><p>x</p>" * (n // 240),
}


def best_time(func: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_hostile_input_is_linear(shape: str) -> None:
    n = 100_000
    make = HOSTILE[shape]
    small, large = make(n), make(4 * n)
    # alternated, best of seven each: a busy machine slows both sizes alike
    t1, t4 = float("inf"), float("inf")
    for _ in range(7):
        t1 = min(t1, best_time(lambda: extract_contacts(small), runs=1))
        t4 = min(t4, best_time(lambda: extract_contacts(large), runs=1))
    # Linear growth gives t4 ≈ 4 * t1; quadratic would give 16x.
    assert t4 < 8 * t1 + 0.05, (shape, t1, t4)


def test_one_megabyte_of_letters_is_fast() -> None:
    assert best_time(lambda: extract_contacts("a" * 1_000_000), runs=1) < 2.0


# --- property tests --------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "For more information, please contact ",
        "Pour plus d’informations, veuillez contacter ",
        "Para más información, contacte a ",
        "<h3>Media contacts</h3>",
        "<h4>Contact</h4>",
        "<p>",
        "</p>",
        "<br>",
        " ou ",
        " or ",
        " o ",
        ";",
        ", ",
        "Tel: ",
        "Mobile : ",
        "Fax: ",
        "+41 22 717 9123",
        "ext. 12",
        "@",
        "＠",
        "[at]",
        "(dot)",
        " AT ",
        " DOT ",
        "iom.int",
        "jdupont",
        '<a href="mailto:',
        '">',
        "</a>",
        '<span class="__cf_email__" data-cfemail="',
        "5a2a",
        "\u200b",
        "\u202e",
        "\x1b[31m",
        "\x00",
        "\ue010",
        "\ue011",
        "IOM Geneva",
        "Jean Dupont",
    ]
)


def assert_well_formed(contacts: list[Contact]) -> None:
    assert isinstance(contacts, list)
    assert len(contacts) <= 20
    for contact in contacts:
        assert isinstance(contact, Contact)
        # A contact has an address or a phone, or else a person's name (the block named them).
        assert contact.emails or contact.phones or looks_like_person(contact.name)
        for email in contact.emails:
            assert 0 < len(email) <= 254
            assert email.count("@") == 1
            assert not any(
                ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in email
            )
            assert not any("\u200b" <= ch <= "\u200f" or "\u202a" <= ch <= "\u202e" for ch in email)
        for phone in contact.phones:
            assert "\x1b" not in phone and "\n" not in phone
        assert "\x1b" not in contact.name and "\n" not in contact.name


@settings(deadline=2000, max_examples=examples(200))
@given(st.lists(FRAGMENTS | st.text(max_size=20), max_size=60).map("".join))
def test_property_fragments_never_raise(body: str) -> None:
    assert_well_formed(extract_contacts(body))


@settings(deadline=2000, max_examples=examples(200))
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=2000))
def test_property_any_text_never_raises(body: str) -> None:
    assert_well_formed(extract_contacts(body))
    assert isinstance(normalise_phone(body), str)


@settings(deadline=2000, max_examples=examples(100))
@example("", "", ["\x1b"])  # an email standing in for the name is cleaned too
@given(st.text(max_size=300), st.text(max_size=300), st.lists(st.text(max_size=80), max_size=4))
def test_property_formatters_never_raise(name: str, org: str, values: list[str]) -> None:
    contact = Contact(name, org, values, values)
    card = format_vcard(contact)
    assert card.startswith("BEGIN:VCARD\r\n") and card.endswith("END:VCARD\r\n")
    assert "\x1b" not in card
    line = format_name_email(contact)
    assert line is None or "\n" not in line
