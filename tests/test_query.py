"""The search language: parsing, filters, clear errors and the FTS5 text it builds."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from newsroom_tui.query import And, Not, Or, Query, QueryError, Term, parse_query


def test_words_are_and_groups() -> None:
    q = parse_query("migration  Genève")
    assert q.expr == And((Term("migration"), Term("Genève")))
    assert q.match_expression() == '"migration" AND "Genève"'
    assert not q.is_empty_text


def test_phrase_prefix_exclusion_or() -> None:
    q = parse_query('"aide humanitaire" secu* -sport santé OR health')
    assert q.expr == And(
        (
            Term("aide humanitaire", phrase=True),
            Term("secu", prefix=True),
            Not(Term("sport")),
            Or((Term("santé"), Term("health"))),
        )
    )
    assert q.match_expression() == (
        '("aide humanitaire" AND "secu" * AND ("santé" OR "health")) NOT "sport"'
    )


def test_quotes_inside_words_are_doubled_never_raw() -> None:
    q = parse_query('NEAR l\'école ^x "AND" and not')
    # every token is quoted: FTS5 operators typed by the user are plain words unless they are
    # this language's own (AND, OR, NOT in capitals)
    assert q.match_expression() == ('"NEAR" AND "l\'école" AND "^x" AND "AND" AND "and" AND "not"')
    assert Term('a"b').fts() == '"a""b"'
    assert Term("secu", prefix=True).fts() == '"secu" *'


def test_lowercase_or_is_a_word() -> None:
    q = parse_query("or noir")
    assert q.expr == And((Term("or"), Term("noir")))


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
    assert q.expr == Term("migrants")


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
    assert both.year == 2023 and both.unread and both.expr == q.expr
    assert q.year is None  # frozen original unchanged
    assert Query().is_empty and not both.is_empty


def test_urls_quoted_keys_and_a_trailing_colon_are_words() -> None:
    q = parse_query('https://www.iom.int "note:x" Attention: 10:30')
    assert q.highlight_terms() == ["https://www.iom.int", "note:x", "Attention:", "10:30"]
    assert q.section is None and not q.has_filters


def test_unknown_key_is_an_error_naming_the_valid_keys() -> None:
    with pytest.raises(QueryError) as info:
        parse_query("migrants foo:bar")
    message = str(info.value)
    assert message.startswith("unknown filter foo:")
    for key in ("section:", "tag:", "lang:", "since:", "until:", "year:", "is:"):
        assert key in message
    assert '"foo:bar"' in message  # how to search for the text instead


def test_and_not_and_parentheses_are_operators() -> None:
    q = parse_query("migrants AND (dakar OR tunis) NOT sport")
    assert q.expr == And((Term("migrants"), Or((Term("dakar"), Term("tunis"))), Not(Term("sport"))))
    assert q.match_expression() == '("migrants" AND ("dakar" OR "tunis")) NOT "sport"'
    assert parse_query("NOT sport").expr == Not(Term("sport"))
    assert parse_query("-sport").expr == parse_query("NOT sport").expr
    assert parse_query("NOT NOT sport").expr == Term("sport")


def test_or_binds_tighter_than_and() -> None:
    implied = parse_query("migrants dakar OR tunis")
    assert implied.expr == And((Term("migrants"), Or((Term("dakar"), Term("tunis")))))
    assert parse_query("migrants AND dakar OR tunis").expr == implied.expr
    grouped = parse_query("(migrants dakar) OR tunis")
    assert grouped.expr == Or((And((Term("migrants"), Term("dakar"))), Term("tunis")))
    assert grouped.match_expression() == '(("migrants" AND "dakar") OR "tunis")'


def test_a_group_may_exclude_inside_it() -> None:
    q = parse_query("santé OR (health -sport)")
    assert q.match_expression() == '("santé" OR (("health") NOT "sport"))'
    assert q.highlight_terms() == ["santé", "health"]


def test_only_exclusions_search_what_does_not_match() -> None:
    q = parse_query("-(sport football) NOT tennis")
    assert q.match_expression() is None
    assert q.exclusion_expression() == '("sport" AND "football") OR "tennis"'
    assert not q.has_required_text and not q.is_empty_text


def test_filters_sit_anywhere_at_the_top_and_may_be_joined_by_and() -> None:
    q = parse_query("since:2024 AND migrants tag:afri* AND lang:fr")
    assert q.expr == Term("migrants")
    assert (q.since, q.tag, q.lang) == (date(2024, 1, 1), "afri*", "fr")


def test_flags_are_filters_typed_after_the_text() -> None:
    typed = parse_query("migrants section:presse since:2025 is:unread")
    flags = parse_query(
        "migrants", filters=[("section", "presse"), ("since", "2025"), ("is", "unread")]
    )
    assert flags == dataclasses.replace(typed, text="migrants")
    with pytest.raises(QueryError, match="since: expects a date"):
        parse_query("", filters=[("since", "hier")])
    with pytest.raises(QueryError, match="unknown filter"):
        parse_query("", filters=[("colour", "red")])


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
        ("a OR -b", "'OR' cannot have an excluded -word or NOT on one side"),
        ("a AND", "'AND' needs a word on each side"),
        ("AND a", "'AND' needs a word on each side"),
        ("a AND OR b", "'AND' needs a word on each side"),
        ("NOT", "'NOT' needs a word after it"),
        ("(a OR b", "unbalanced parenthesis: close it with ')'"),
        ("a OR b)", "unbalanced parenthesis: ')' without its '('"),
        ("(-a)", "needs a word to search, not only -words"),
        ("(a tag:x)", "tag: applies to the whole search: put it outside the parentheses"),
        ("a OR section:x", "section: applies to the whole search"),
        ("-tag:x", "tag: cannot be excluded"),
        ("NOT lang:fr", "lang: cannot be excluded"),
        ("nope:x", "unknown filter nope:"),
        ("(" * 20 + "a" + ")" * 20, "too many nested parentheses"),
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
