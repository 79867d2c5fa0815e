"""The contacts extractor's shortcuts change nothing: blocks are skipped only when no anchor phrase
can match them, and a paragraph is a bold-only heading exactly when it was before."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction import contact_leadins, contacts
from newsroom_tui.speedups.soup_tree import parse_html

ANCHOR_PIECES = [
    "Pour plus d'informations",
    "pour de plus amples informations",
    "For more information",
    "for further information",
    "Para más información",
    "para mayor informacion",
    "Contacts presse",
    "contact médias",
    "Media contacts",
    "press contact",
    "Contactos de prensa",
    "contactos para los medios",
    "veuillez contacter",
    "please contact",
    "contacte a",
    "ＣＯＮＴＡＣＴ",
    "ｉｎｆｏｒｍａｔｉｏｎ",
    "çontact",
    "ínformation",
    "contac",
    "inform",
    "ation",
    " ",
    "\n",
    ":",
    ", ",
    "x",
]


@settings(max_examples=examples(800), deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES) | st.text(max_size=12), max_size=12).map("".join))
def test_a_block_skipped_by_the_word_test_has_no_anchor(text: str) -> None:
    folded = contact_leadins.fold(text)
    if not contact_leadins.may_anchor(folded):
        assert contact_leadins.ANCHOR.search(folded) is None


def test_every_anchor_phrase_passes_the_word_test() -> None:
    for phrase in ANCHOR_PIECES[:15]:
        assert contact_leadins.may_anchor(contact_leadins.fold(phrase)), phrase


def _bold_only_as_written(tag: object) -> bool:
    """_bold_only before it stopped at the second child."""
    from bs4.element import NavigableString, Tag

    children = [
        c
        for c in tag.contents  # type: ignore[attr-defined]
        if not (isinstance(c, NavigableString) and not str(c).strip())
    ]
    return (
        len(children) == 1 and isinstance(children[0], Tag) and children[0].name in ("strong", "b")
    )


PARAGRAPH_PIECES = ["<strong>a</strong>", "<b>b</b>", "<i>i</i>", " ", "\n", "text", "<!---->"]
PARAGRAPH_PIECES += ["<!-- c -->", "<strong></strong>", "<br>", "<span>s</span>"]


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPH_PIECES), max_size=6).map("".join))
def test_bold_only_is_unchanged(inner: str) -> None:
    soup = parse_html(f"<div><p>{inner}</p></div>")
    for tag in soup.find_all(["p", "div"]):
        assert contacts._bold_only(tag) == _bold_only_as_written(tag)


LEAD_IN_PIECES = [
    "for more information",
    "for further details",
    "for media inquiries",
    "more information",
    "pour plus d'informations",
    "pour toute information complementaire",
    "para mas informacion",
    "si vous souhaitez",
    "if you wish",
    "please ",
    "veuillez ",
    "favor ",
    "se ruega ",
    "contact",
    "contacter",
    "contacte a",
    "comunicarse con",
    "write to",
    "media contacts",
    "contacts presse",
    "contactos de prensa",
    "informes",
    "renseignements",
    "contacts",
    ":",
    " :",
    "  ",
    ".",
    ";",
    "\n",
    ", ",
    "a" * 60,
    "x",
]


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.sampled_from(LEAD_IN_PIECES) | st.text(max_size=8), max_size=16).map("".join))
@example("for more information\ncontacter")  # a line break ends the clause for both
@example("for more informationplease \ncontact")  # and inside a request too
@example("for more information" + "a" * 198 + "contact")  # a request at the clause's last place
def test_fast_lead_in_search_finds_what_the_pattern_finds(text: str) -> None:
    folded = contact_leadins.fold(text)
    fast = [(a.start, a.end) for a in contact_leadins.find_anchors(folded)]
    slow = [m.span() for m in contact_leadins.ANCHOR.finditer(folded)]
    assert fast == slow


def test_every_anchor_word_holds_one_of_the_anchor_letters() -> None:
    for word in contact_leadins.ANCHOR_WORDS:
        assert any(letter in word for letter in contact_leadins.ANCHOR_LETTERS), word
