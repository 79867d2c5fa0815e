"""The search language: parsing, filters, clear errors and the FTS5 text it builds."""

from __future__ import annotations

from datetime import date

import pytest

from newsroom_tui.query import Query, QueryError, Term, parse_query


def test_words_are_and_groups() -> None:
    q = parse_query("migration  Genève")
    assert q.terms == ((Term("migration"),), (Term("Genève"),))
    assert q.match_expression() == '"migration" AND "Genève"'
    assert not q.is_empty_text


def test_phrase_prefix_exclusion_or() -> None:
    q = parse_query('"aide humanitaire" secu* -sport santé OR health')
    assert q.terms[0] == (Term("aide humanitaire", phrase=True),)
    assert q.terms[1] == (Term("secu", prefix=True),)
    assert q.terms[2] == (Term("santé"), Term("health"))
    assert q.excluded == (Term("sport", negated=True),)
    assert q.match_expression() == (
        '("aide humanitaire" AND "secu" * AND ("santé" OR "health")) NOT "sport"'
    )


def test_quotes_inside_words_are_doubled_never_raw() -> None:
    q = parse_query("NEAR AND NOT l'école ^x")
    # every token is quoted: FTS5 operators typed by the user are plain words
    assert q.match_expression() == '"NEAR" AND "AND" AND "NOT" AND "l\'école" AND "^x"'
    assert Term('a"b').fts() == '"a""b"'
    assert Term("secu", prefix=True).fts() == '"secu" *'


def test_lowercase_or_is_a_word() -> None:
    q = parse_query("or noir")
    assert q.terms == ((Term("or"),), (Term("noir"),))


def test_filters() -> None:
    q = parse_query(
        'section:communiques tag:"Afrique de l\'Ouest" lang:FR since:2024-03 until:2024 '
        "is:unread is:starred migrants"
    )
    assert q.section == "communiques"
    assert q.tag == "Afrique de l'Ouest"
    assert q.lang == "fr"
    assert q.since == date(2024, 3, 1)
    assert q.until == date(2024, 12, 31)
    assert q.unread and q.starred
    assert q.terms == ((Term("migrants"),),)


def test_until_month_and_day_are_inclusive_ends() -> None:
    assert parse_query("until:2024-02").until == date(2024, 2, 29)
    assert parse_query("until:2023-02-14").until == date(2023, 2, 14)
    assert parse_query("since:2023-02-14").since == date(2023, 2, 14)


def test_year_intersects_with_since() -> None:
    q = parse_query("since:2024-06 year:2024")
    assert q.date_range() == (date(2024, 6, 1), date(2024, 12, 31))


def test_with_filters_adds_facets() -> None:
    q = parse_query("migration")
    both = q.with_filters(year=2023, unread=True)
    assert both.year == 2023 and both.unread and both.terms == q.terms
    assert q.year is None  # frozen original unchanged
    assert Query().is_empty and not both.is_empty


def test_unknown_key_is_a_word() -> None:
    q = parse_query("https://www.iom.int note:x")
    assert [g[0].text for g in q.terms] == ["https://www.iom.int", "note:x"]


def test_punctuation_only_is_empty() -> None:
    assert parse_query(" - , ; ").is_empty_text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"aide humanitaire', "unbalanced quote"),
        ('tag:"Afrique', "unbalanced quote"),
        ("OR migrants", "'OR' needs a word on each side"),
        ("migrants OR", "'OR' needs a word on each side"),
        ("a OR OR b", "'OR' needs a word on each side"),
        ("a OR -b", "cannot be combined"),
        ("since:hier", "since: expects a date like 2024 or 2024-03 or 2024-03-15"),
        ("until:2024-13", "until: 2024-13 is not a real date"),
        ("year:24", "year: expects a four-digit year"),
        ("is:new", "is: expects unread or starred"),
        ("lang:français", "lang: expects a language code"),
        ("section:", "section: needs a value"),
        ("*", "* must follow a word"),
        ("since:2025 until:2024", "since: is after until:"),
    ],
)
def test_malformed_queries_give_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert "sqlite" not in str(info.value).lower() and "fts5" not in str(info.value).lower()


def test_too_long() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_query("a " * 600)
