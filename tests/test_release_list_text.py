"""The release list's match highlighting: accent- and case-insensitive, position-preserving."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsroom_tui.widgets.release_list import fold, highlight_spans


def test_fold_and_spans() -> None:
    assert fold("Sécurité à GENÈVE") == "securite a geneve"
    title = "La Sécurité des migrants à Genève"
    spans = highlight_spans(title, ["securite", "geneve"])
    assert [title[a:b] for a, b in spans] == ["Sécurité", "Genève"]
    assert highlight_spans(title, []) == []
    assert highlight_spans(title, ["", "absent"]) == []


@given(st.text())
def test_fold_keeps_one_character_per_character(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)
