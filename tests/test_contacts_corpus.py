"""The corpus of contact blocks (tests/fixtures/contacts/corpus): every block gives exactly its
expected contacts, inside a release body that quotes people and mentions stray addresses and on
its own; the corpus covers every format of docs/contact-formats.md in the sizes the catalogue
promises; the report prints what it measured."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from benchmarks import contacts_report
from benchmarks.contacts_report import Fixture, evaluate, load

from newsroom_tui.extraction.contacts import extract_contacts

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "contact-formats.md"
FIXTURES = load()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_block_gives_exactly_its_contacts(fixture: Fixture) -> None:
    assert extract_contacts(fixture.page()) == fixture.expected
    # and the same on its own, without the body before it
    assert extract_contacts(fixture.html) == fixture.expected


def test_corpus_size_per_language() -> None:
    blocks = Counter(f.language for f in FIXTURES if f.expected)
    assert sum(blocks.values()) >= 80
    assert all(blocks[lang] >= 20 for lang in ("en", "fr", "es")), blocks
    assert len({f.id for f in FIXTURES}) == len(FIXTURES)


def test_every_catalogued_format_has_fixtures_and_every_fixture_a_format() -> None:
    catalogued = set(re.findall(r"^### ((?:EN|FR|ES)-\d+)\b", CATALOGUE.read_text(), re.M))
    used = {f.format for f in FIXTURES if f.format != "NEG"}
    assert catalogued, "no formats found in the catalogue"
    assert used == catalogued


def test_report_prints_scores_per_language() -> None:
    scores = evaluate(FIXTURES)
    assert scores["all"].contacts.recall == 1.0
    assert scores["all"].false_contacts == []
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert contacts_report.main([]) == 0
    text = out.getvalue()
    for lang in ("en", "fr", "es", "all"):
        assert re.search(rf"^\| {lang} \| \d+ \| \d+ \| 100\.0 % / 100\.0 %", text, re.M), text
    assert "false contacts: 0" in text
