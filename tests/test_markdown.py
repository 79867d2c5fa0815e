"""HTML → Markdown: structure kept, links absolute and safe, hostile input bounded and inert."""

from __future__ import annotations

import time

from markdown_it import MarkdownIt

from newsroom_tui.extraction.markdown import (
    MAX_HTML_CHARS,
    ConvertedBody,
    escape_markdown,
    html_to_markdown,
    link_target,
    summary_to_markdown,
)

BASE = "https://www.iom.int/fr/news/un-communique"

_PARSER = MarkdownIt("commonmark").enable("table")


def links(markdown: str) -> list[tuple[str, str]]:
    """(text, target) of every link and image a CommonMark parser finds."""
    found: list[tuple[str, str]] = []
    for block in _PARSER.parse(markdown):
        children = block.children or []
        for index, token in enumerate(children):
            if token.type == "link_open":
                text = children[index + 1].content if index + 1 < len(children) else ""
                found.append((text, str(token.attrs.get("href"))))
            elif token.type == "image":
                found.append((token.content, str(token.attrs.get("src"))))
    return found


def block_types(markdown: str) -> list[str]:
    return [token.type for token in _PARSER.parse(markdown) if token.nesting == 1]


def test_headings_lists_and_paragraphs() -> None:
    result = html_to_markdown(
        "<h2>Contexte</h2><p>Premier paragraphe.</p><ul><li>un</li><li>deux</li></ul>"
        "<ol><li>alpha</li><li>beta</li></ol><h3>Suite</h3><p>Fin.</p>",
        BASE,
    )
    assert isinstance(result, ConvertedBody)
    assert result.markdown == (
        "## Contexte\n\nPremier paragraphe.\n\n- un\n- deux\n\n1. alpha\n2. beta\n\n### Suite\n\nFin."
    )
    assert (
        result.text
        == "Contexte\n\nPremier paragraphe.\n\nun\n\ndeux\n\nalpha\n\nbeta\n\nSuite\n\nFin."
    )
    assert result.notes == []


def test_table_is_kept_and_pipes_in_cells_escaped() -> None:
    result = html_to_markdown(
        "<table><thead><tr><th>Pays</th><th>Nombre</th></tr></thead>"
        "<tbody><tr><td>Mali | Niger</td><td>12</td></tr></tbody></table>",
        BASE,
    )
    assert result.markdown == "| Pays | Nombre |\n| --- | --- |\n| Mali \\| Niger | 12 |"


def test_relative_links_and_images_become_absolute() -> None:
    result = html_to_markdown(
        '<p>Voir <a href="/fr/donnees">les données</a>, <a href="autre">un autre</a> et '
        '<img src="../img/photo.jpg" alt="Une photo"></p>',
        BASE,
    )
    assert links(result.markdown) == [
        ("les données", "https://www.iom.int/fr/donnees"),
        ("un autre", "https://www.iom.int/fr/news/autre"),
        ("Une photo", "https://www.iom.int/fr/img/photo.jpg"),
    ]
    assert result.markdown.count("![Une photo](") == 1
    assert result.text == "Voir les données, un autre et"


def test_unsafe_links_become_plain_text() -> None:
    result = html_to_markdown(
        '<p><a href="javascript:alert(1)">cliquez</a> <a href="data:text/html,x">données</a> '
        '<a href="file:///etc/passwd">fichier</a> <a href="mailto:a@iom.int">courriel</a> '
        '<img src="data:image/png;base64,AAAA" alt="pixel"></p>',
        "",
    )
    assert result.markdown == "cliquez données fichier courriel pixel"
    assert "javascript" not in result.markdown
    assert links(result.markdown) == []


def test_relative_link_without_base_is_text() -> None:
    assert html_to_markdown('<p><a href="/fr/x">ici</a></p>', "").markdown == "ici"


def test_breakout_href_yields_exactly_one_link_to_the_original_target() -> None:
    result = html_to_markdown(
        '<p><a href="http://a.example/x)[x](http://evil.example)">lire</a></p>', BASE
    )
    found = links(result.markdown)
    assert len(found) == 1
    assert found[0] == ("lire", "http://a.example/x%29%5Bx%5D%28http://evil.example%29")
    assert result.markdown.count("](") == 1


def test_link_target_encoding() -> None:
    assert link_target("https://a.example/a b(c)<d>", "") == "https://a.example/a%20b%28c%29%3Cd%3E"
    assert link_target("  /x  ", "https://a.example/") == "https://a.example/x"
    assert link_target("javascript:alert(1)", "https://a.example/") is None
    assert link_target("//evil.example/x", "https://a.example/") == "https://evil.example/x"
    assert link_target(None, "https://a.example/") is None
    assert link_target("-–help", "") is None


def test_markdown_syntax_in_text_stays_text() -> None:
    result = html_to_markdown(
        "<p># not a heading</p><p>Texte [fake](http://evil.example) et *pas gras* _ni_ `code`</p>"
        "<p>1. pas une liste</p><p>- pas une puce</p><p>&gt; pas une citation</p><p>&lt;b&gt;x&lt;/b&gt;</p>",
        BASE,
    )
    assert result.markdown.splitlines() == [
        "\\# not a heading",
        "",
        "Texte \\[fake\\](http://evil.example) et \\*pas gras\\* \\_ni\\_ \\`code\\`",
        "",
        "1\\. pas une liste",
        "",
        "\\- pas une puce",
        "",
        "\\> pas une citation",
        "",
        "\\<b\\>x\\</b\\>",
    ]
    assert links(result.markdown) == []
    assert set(block_types(result.markdown)) == {"paragraph_open"}
    assert "# not a heading" in result.text.splitlines()


def test_plain_text_is_not_over_escaped() -> None:
    result = html_to_markdown(
        "<p>Genève - Tél. : +41 79 123 45 67, 15.3 millions &amp; plus.</p>", BASE
    )
    assert result.markdown == "Genève - Tél. : +41 79 123 45 67, 15.3 millions & plus."


def test_escape_markdown_line_starts() -> None:
    assert escape_markdown("## titre") == "\\## titre"
    assert escape_markdown("a\n# b") == "a\n\\# b"
    assert escape_markdown("a # b") == "a # b"
    assert escape_markdown("=====") == "\\====="
    assert escape_markdown("&amp; &x") == "\\&amp; &x"


def test_active_content_never_reaches_markdown() -> None:
    result = html_to_markdown(
        "<p>Visible</p><script>var secret1 = 1;</script><style>.secret2{}</style>"
        "<noscript>secret3</noscript><template><p>secret4</p></template>"
        '<iframe src="https://x.example">secret5</iframe><object>secret6</object>'
        "<svg><text>secret7</text></svg><form><label>secret8</label><button>secret9</button></form>",
        BASE,
    )
    assert result.markdown == "Visible"
    assert result.text == "Visible"
    assert "secret" not in result.markdown + result.text


def test_code_fence_cannot_be_closed_by_content() -> None:
    result = html_to_markdown("<pre>```\n# titre\n[x](javascript:alert(1))\n  indenté</pre>", BASE)
    assert result.markdown == "````\n```\n# titre\n[x](javascript:alert(1))\n  indenté\n````"


def test_deep_nesting_falls_back_to_plain_text_with_note() -> None:
    html = "<div>" * 1000 + "<p>Au fond # ici</p>" + "</div>" * 1000
    result = html_to_markdown(html, BASE)
    assert result.markdown == "Au fond # ici"
    assert result.text == "Au fond # ici"
    assert len(result.notes) == 1
    assert result.notes[0].startswith("nesting too deep")


def test_huge_whitespace_run_is_collapsed_quickly() -> None:
    html = "<p>début" + " " * 5_000_000 + "fin</p><p>a" + "\n \t" * 1_000_000 + "b</p>"
    started = time.monotonic()
    result = html_to_markdown(html, BASE)
    elapsed = time.monotonic() - started
    assert result.markdown == "début fin\n\na b"
    assert result.notes == []
    assert elapsed < 5.0


def test_whitespace_from_entities_is_collapsed_too() -> None:
    html = "<p>x" + "&#32;" * 200_000 + "y</p>"
    started = time.monotonic()
    result = html_to_markdown(html, BASE)
    assert result.markdown == "x y"
    assert time.monotonic() - started < 5.0


def test_oversized_input_is_truncated_with_a_note() -> None:
    html = "<p>" + "mot " * (MAX_HTML_CHARS // 4 + 1000) + "</p><p>APRÈS-LA-COUPE</p>"
    result = html_to_markdown(html, BASE)
    assert "APRÈS-LA-COUPE" not in result.markdown
    assert result.markdown.startswith("mot mot")
    assert result.notes == [f"HTML longer than {MAX_HTML_CHARS:,} characters: the rest was dropped"]


def test_control_characters_are_sanitised() -> None:
    result = html_to_markdown("<p>titre\x1b]0;pwned\x07 ok\u202e</p>", BASE)
    assert not any(ch in result.markdown + result.text for ch in "\x1b\x07\u202e")
    assert result.markdown.startswith("titre") and result.markdown.endswith(" ok")


def test_empty_and_garbage_input_never_raise() -> None:
    assert html_to_markdown("", BASE) == ConvertedBody("", "", [])
    assert html_to_markdown("<<<>>>&&&;</p></div>", BASE).notes == []
    assert html_to_markdown('<?xml version="1.0" encoding="utf-8"?><p>x</p>', BASE).markdown == "x"


def test_summary_to_markdown() -> None:
    result = summary_to_markdown(
        'Résumé avec <a href="/fr/news/x">un lien</a>.', "https://www.iom.int/"
    )
    assert result.markdown == "Résumé avec [un lien](https://www.iom.int/fr/news/x)."
    assert result.text == "Résumé avec un lien."
