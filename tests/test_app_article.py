"""The article pane: long documents load in chunks without freezing, headings are navigable,
the theme is remembered, and narrow terminals hide the tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, Static

from newsroom_tui.app import build_app
from newsroom_tui.sanitise import clean_body
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.article_view import (
    PAGE_BYTES,
    ArticleView,
    body_chunks,
    extract_links,
    first_chunk,
    split_chunks,
)
from newsroom_tui.widgets.section_tree import SectionTree
from uifixtures import (
    fill,
    notifications,
    profile,
    record_browser_opens,
    release,
    sample_app,
    settle,
)


def long_markdown(sections: int = 250) -> str:
    part = "Paragraphe sur la migration et la sécurité des personnes déplacées. " * 15
    return "".join(f"## Partie {i}\n\n{part}\n\n" for i in range(sections))


def test_split_chunks_keeps_everything() -> None:
    text = long_markdown()
    chunks = split_chunks(text, 20_000)
    assert "".join(chunks) == text
    assert all(len(c) <= 20_000 for c in chunks)


def test_the_first_chunk_fills_the_pane_and_ends_with_a_block() -> None:
    text = long_markdown(20)
    for cells in (1, 500, 1_234, 5_000):
        head = first_chunk(text, cells)
        assert head is not None and len(head) >= cells and text.startswith(head)
        # a block is never cut, and the rest starts with the blank line (as in split_chunks)
        assert head.endswith("\n") and text[len(head)] == "\n" and not head.endswith("\n\n")
        assert len(head) < cells + len(long_markdown(1)) + 2
    assert first_chunk(text, len(text) + 1) == text
    assert first_chunk("x" * 30_000, 100) is None  # no paragraph break: the default chunk


@pytest.mark.parametrize(
    "before",
    [
        "- one\n- two\n- three",  # the last item of a list
        "1. one\n2. two",
        "| a | b |\n|---|---|\n| 1 | 2 |",  # a table row
        "> quoted\n> still",
        "first line of a paragraph\nits second line",
        "```\ncode\n\nmore code\n```",  # a fence (and inside it)
    ],
)
def test_a_chunk_never_ends_where_the_widget_would_parse_it_again_wrongly(before: str) -> None:
    """The Markdown widget parses an appended chunk from the last line it holds: a chunk ends
    after a block of one line only (a list, table, quote or longer paragraph would be replaced
    by its last line)."""
    markdown = "# Title\n\nIntro.\n\n" + before + "\n\nAfter.\n\nEnd.\n"
    cut = markdown.index(before) + len(before)
    head = first_chunk(markdown, cut - 1)
    assert head is not None and len(head) > cut  # not right after that block: the next break
    assert head == markdown[: markdown.index("After.") + len("After.") + 1]


async def test_a_document_shown_in_chunks_has_the_blocks_of_one_piece(tmp_path: Path) -> None:
    """Chunked or whole, the same blocks with the same heights (lists, a table, a quote)."""
    parts = ["Intro paragraph. " * 20]
    for i in range(12):
        parts += [
            f"## Part {i}",
            "A paragraph " * 30,
            "- first item\n- second item " + "longer " * 10 + "\n- third item",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "> a quote\n> on two lines",
        ]
    markdown = "\n\n".join(parts) + "\n"
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), [release(i, f"Communiqué {i}", markdown=markdown) for i in (1, 2)])
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        article = screen.query_one(ArticleView)
        for release_id in ("r000001", "r000002"):  # the second starts with a paneful
            screen.open_release(release_id)
            await settle(pilot)
            chunked = [(type(b).__name__, b.virtual_region.height) for b in article.body.children]
            await article.body.update(article.pages[0])
            await settle(pilot)
            whole = [(type(b).__name__, b.virtual_region.height) for b in article.body.children]
            assert chunked == whole


async def test_a_document_starts_with_a_paneful_once_the_layout_is_measured(
    tmp_path: Path,
) -> None:
    """The first release opened widens the pane, so its first chunk has the default size; the
    next ones start with what fills the pane as measured, and a layout change measures it again."""
    data_dir = tmp_path / "data"
    releases = [release(i, f"Communiqué {i}", markdown=long_markdown(30)) for i in (1, 2)]
    fill(data_dir, profile(), releases)
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        article = screen.query_one(ArticleView)
        screen.open_release("r000001")
        assert article._first_chunk_cells() is None  # the release's layout is not measured
        await settle(pilot)
        region = article.scrollable_content_region
        assert article._first_chunk_cells() == region.width * region.height
        screen.open_release("r000002")
        await settle(pilot)
        assert article.body.source == article.pages[0]  # the rest followed
        narrower = region.width * region.height
        await pilot.press("z")  # reading mode: a wider pane, measured once laid out
        await settle(pilot)
        region = article.scrollable_content_region
        assert article._first_chunk_cells() == region.width * region.height > narrower


def test_body_chunks_keep_everything_and_end_at_safe_breaks() -> None:
    text = long_markdown(60) + "- a\n- b\n\n" + long_markdown(60)
    chunks = body_chunks(text, 6_000)
    assert "".join(chunks) == text and len(chunks) > 3
    assert all(c.endswith("\n") and not c.startswith("- ") for c in chunks)
    assert body_chunks("- item\n" * 5_000, 6_000) == ["- item\n" * 5_000]  # no safe break


def test_extract_links_numbers_each_url_once() -> None:
    markdown = (
        "[a](https://x.example/1) [b](https://x.example/1) [c](/rel) "
        '[d](https://x.example/2 "t") <https://x.example/3> [e](javascript:void)'
    )
    links = extract_links(markdown, "https://site.example/news/")
    assert [link.url for link in links] == [
        "https://x.example/1",
        "https://site.example/rel",
        "https://x.example/2",
        "https://x.example/3",
        "javascript:void",
    ]
    assert [link.number for link in links] == [1, 2, 3, 4, 5]


async def test_long_release_is_paged_and_each_page_loads_in_chunks(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    markdown = long_markdown()
    assert len(markdown) > 250_000
    fill(data_dir, profile(), [release(1, "Un très long communiqué", markdown=markdown)])
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_release("r000001")
        await pilot.pause()  # the first chunk only: the rest of the page is still loading
        article = screen.query_one(ArticleView)
        first = article.body.source
        assert 0 < len(first) <= PAGE_BYTES
        assert "".join(article.pages) == clean_body(markdown)
        assert len(article.pages) > 10 and all(len(p) <= PAGE_BYTES for p in article.pages)
        await pilot.press("j")  # keys are handled while the rest of the page loads
        await settle(pilot)
        assert article.body.source == article.pages[0]
        pager = str(article.query_one("#article-pages", Static).render())
        assert pager.startswith(f"Page 1 of {len(article.pages)}")
        await pilot.press("full_stop")  # from the list: the next page
        await settle(pilot)
        assert article.page == 1 and article.body.source == article.pages[1]
        article.focus()
        await pilot.press("comma")
        await settle(pilot)
        assert article.page == 0
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert article.scroll_y > 0
        assert isinstance(article.body, Markdown)


async def test_theme_is_remembered(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    again = build_app(profile(), tmp_path / "data")
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_narrow_terminal_hides_the_tree_until_asked(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        tree = screen.query_one(SectionTree)
        assert screen.has_class("-narrow")
        assert not tree.display
        await pilot.press("t")
        await settle(pilot)
        assert tree.display
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not screen.has_class("-narrow")


async def test_a_clicked_link_goes_through_the_allowlist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markdown reports a clicked link; the article view resolves it against the page and the
    app opens it only if the allowlist accepts it."""
    opened = record_browser_opens(monkeypatch)
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        body = app.screen.query_one(ArticleView).body
        body.post_message(Markdown.LinkClicked(body, "/fr/rapport"))
        body.post_message(Markdown.LinkClicked(body, "javascript:alert(1)"))
        await settle(pilot)
        assert opened == ["https://www.iom.int/fr/rapport"]
        assert any(m.startswith("Refused to open") for m in notifications(app))
