"""ArticleView: a release or a cached section page as Markdown, with numbered links and headings.

Textual's Markdown widget slows down with the number of blocks it holds (every frame walks them
all), so a long document is shown a page at a time (`.` and `,` turn pages), and each page in
chunks: the first chunk at once, the rest appended by a worker that yields between chunks. Links are read
from the Markdown here and listed by number; every link (numbered or clicked) is handed to the
screen as `LinkRequested`, which checks it against the allowlist before anything opens.

Textual's Markdown widget (with markdown-it and Pygments behind it, ~55 ms to import) is not
part of the reader's first paint: the screen calls `prepare_body` once it has painted, which
imports it in a thread (the UI keeps answering meanwhile) and then mounts it; a document shown
before that imports it on the spot.

One frame per document: showing a document holds the screen's repaint (`App.batch_update`)
until the first chunk of its body is mounted, so its title, meta line, links and first paragraph
reach the terminal in the same frame, together with whatever the screen changed in the same
handler (the list's open marker, the contacts panel); a new title never sits over the previous
body. The hold ends when the first chunk is in, or after HOLD_LIMIT at the latest.

Find (`find`, `find_step`): the matches of a text in the page shown, accents and case ignored,
highlighted in place in the Markdown blocks and stepped through with n / N; when the page shown
has none, the next page that has one is shown. Tables scroll sideways with left / right.
"""

from __future__ import annotations

import asyncio
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urljoin, urlsplit

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from newsroom_tui.i18n import N_, _
from newsroom_tui.local_formats import format_date, format_number
from newsroom_tui.models import Release, SectionPage
from newsroom_tui.sanitise import clean_body, clean_line, clean_title
from newsroom_tui.speedups.gc_tuning import collect, collector_paused
from newsroom_tui.widgets.article_find import FindInArticle
from newsroom_tui.widgets.language_badges import LanguageBadges

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import AwaitMount
    from textual.widgets import Markdown
    from textual.widgets._markdown import MarkdownHeader

TABLE_STEP = 8
"""Columns a table moves sideways per left / right."""

FIRST_CHUNK = 3_000
"""Markdown shown at once (at least) when the pane's size for the screen's layout is not known
yet (more than a screenful at 120x40); the rest follows in chunks."""
FIRST_CHUNK_LIMITS = (600, 8_000)
"""Bounds of the first chunk when it is sized from the pane (see `first_chunk`)."""
CHUNK_BYTES = 6_000
"""Size of each later chunk: small, so no append holds the UI for long."""
PAGE_BYTES = 16_000
"""Markdown held by the widget at once; longer documents are paged (typical releases are ~6 KB).
Every frame while a page loads lays out all of its blocks: at 24 KB the longest pause opening a
300 KB release was 70-100 ms, at 16 KB 60-80 ms."""

HOLD_LIMIT = 0.3
"""Longest time (s) a document holds the screen's repaint waiting for its first chunk: past it,
the header is painted first rather than the screen standing still (a first document whose
Markdown machinery is still being imported)."""

COLLECT_AFTER = 0.5
"""Seconds after a document is shown before the garbage it left is collected (a person is
reading by then; a full collection right away would delay its frame: speedups/gc_tuning.py)."""

_INLINE_LINK = re.compile(
    r"(?<!!)\[((?:[^\[\]\\]|\\.){0,500})\]\(\s*<?([^\s()<>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")


@dataclass(frozen=True, slots=True)
class Link:
    """One link of the document, numbered from 1."""

    number: int
    text: str
    url: str


def extract_links(markdown: str, base_url: str = "") -> list[Link]:
    """The document's links in order of first appearance, each URL once."""
    found: list[tuple[int, str, str]] = []
    for match in _INLINE_LINK.finditer(markdown):
        found.append((match.start(), match.group(1).replace("\\", ""), match.group(2)))
    for match in _AUTOLINK.finditer(markdown):
        found.append((match.start(), match.group(1), match.group(1)))
    links: list[Link] = []
    seen: set[str] = set()
    for _position, text, url in sorted(found):
        if base_url and not urlsplit(url).scheme and not url.startswith("#"):
            url = urljoin(base_url, url)
        if url in seen or url.startswith("#"):
            continue
        seen.add(url)
        links.append(Link(len(links) + 1, clean_line(text, limit=120) or url, clean_line(url)))
    return links


_NOT_ALONE = re.compile(r"\s|([-*+>|]|\d{1,9}[.)])(\s|$)|```|~~~|<")
"""A line that may belong to a block of several lines (list, quote, table, code, HTML)."""


def safe_break(markdown: str, start: int, stop: int) -> int:
    """The first paragraph break (blank line) in markdown[start:stop] after which an appended
    chunk is parsed as it would be in one piece, or -1.

    The Markdown widget parses an appended chunk from the last line it holds and updates its
    last block from the first block found there: correct when that line is a whole block (a
    one-line paragraph or a heading), not after the last item of a list, a table row or a line
    of a longer paragraph (the block would be replaced by its last line)."""
    at = markdown.find("\n\n", start, stop)
    while at != -1:
        line_start = markdown.rfind("\n", 0, at) + 1
        line = markdown[line_start:at]
        alone = line_start == 0 or markdown[max(0, line_start - 2) : line_start] == "\n\n"
        following = markdown[at + 2 : at + 3]
        if (
            line
            and alone
            and not _NOT_ALONE.match(line)
            and following not in ("", " ", "\t", "\n")
            and markdown.count("```", 0, at) % 2 == 0
            and markdown.count("~~~", 0, at) % 2 == 0
        ):
            return at
        at = markdown.find("\n\n", at + 1, stop)
    return -1


def first_chunk(markdown: str, cells: int) -> str | None:
    """The start of `markdown` that fills a pane of `cells` character cells: at least `cells`
    characters (each cell shows at most one character of the source), to the first safe
    paragraph break after them (`safe_break`), ending with that break's first newline as
    `split_chunks` does. None when no safe break comes soon enough."""
    if len(markdown) <= cells:
        return markdown
    at = safe_break(markdown, cells, cells + CHUNK_BYTES)
    return markdown[: at + 1] if at != -1 else None


def body_chunks(markdown: str, size: int = CHUNK_BYTES) -> list[str]:
    """Cut `markdown` into pieces of about `size` characters (half to twice that) at safe
    paragraph breaks (`safe_break`), to be appended one after the other; a piece with no safe
    break is kept whole."""
    chunks: list[str] = []
    start = 0
    while len(markdown) - start > size:
        at = safe_break(markdown, start + size // 2, start + 2 * size)
        if at == -1:
            break
        chunks.append(markdown[start : at + 1])
        start = at + 1
    chunks.append(markdown[start:])
    return chunks


def split_chunks(markdown: str, size: int = CHUNK_BYTES) -> list[str]:
    """Cut `markdown` into pieces of about `size` characters, at paragraph breaks when possible."""
    chunks: list[str] = []
    start = 0
    while len(markdown) - start > size:
        cut = markdown.rfind("\n\n", start + size // 2, start + size)
        if cut == -1:
            cut = markdown.rfind("\n", start + size // 2, start + size)
        end = cut + 1 if cut != -1 else start + size
        chunks.append(markdown[start:end])
        start = end
    chunks.append(markdown[start:])
    return chunks


class ArticleView(FindInArticle, can_focus=True):
    """The open document: title, a meta line, the Markdown body and its numbered links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", N_("Scroll down"), show=False),
        Binding("k", "scroll_up", N_("Scroll up"), show=False),
        Binding("g", "scroll_home", N_("Top"), show=False),
        Binding("G", "scroll_end", N_("Bottom"), show=False),
        Binding("right_square_bracket", "next_heading", N_("Next heading"), show=False),
        Binding("left_square_bracket", "previous_heading", N_("Prev heading"), show=False),
        Binding("full_stop", "next_page", N_("Next page"), show=False),
        Binding("comma", "previous_page", N_("Previous page"), show=False),
        Binding("n", "find_step(1)", N_("Next match"), show=False),
        Binding("N", "find_step(-1)", N_("Previous match"), show=False),
        Binding("right,l", "scroll_tables(1)", N_("Tables right"), show=False),
        Binding("left,h", "scroll_tables(-1)", N_("Tables left"), show=False),
    ]

    class LinkRequested(Message):
        """A link of the document should open (not yet checked against the allowlist)."""

        def __init__(self, article: ArticleView, url: str) -> None:
            super().__init__()
            self.article = article
            self.url = url

        @property
        def control(self) -> ArticleView:
            return self.article

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.links: list[Link] = []
        self.document_url = ""
        self.loading_body = False
        self.pages: list[str] = [""]
        self.page = 0
        self._body: Markdown | None = None
        self._body_mounted: AwaitMount | None = None
        self._hold: AbstractContextManager[None] | None = None
        self._hold_token = 0
        self._collection: Timer | None = None
        self._pane: tuple[object, int] | None = None
        """(the layout it was measured under, its area in cells): see `_first_chunk_cells`."""
        self.init_find()

    def compose(self) -> ComposeResult:
        yield Static(id="article-title")
        yield LanguageBadges(id="article-versions")
        yield Static(id="article-meta")
        yield Static(id="article-pages")
        yield Static(id="article-links")

    @property
    def body(self) -> Markdown:
        """The Markdown widget, created and mounted (under the meta line) on first use."""
        if self._body is None:
            from newsroom_tui.widgets.article_table import ArticleMarkdown

            self._body = ArticleMarkdown(id="article-body", open_links=False)
            self._body_mounted = self.mount(self._body, after="#article-meta")
        return self._body

    def prepare_body(self) -> None:
        """Import the Markdown machinery in a thread, then mount the body."""
        if self._body is None:
            self._import_markdown()

    @work(thread=True, group="article-import", exit_on_error=False)
    def _import_markdown(self) -> None:
        import textual.widgets._markdown  # noqa: F401

        self.app.call_from_thread(self._mount_body)

    def _mount_body(self) -> None:
        if self.is_attached:
            _ = self.body

    def show_placeholder(self, title: str, lines: list[str]) -> None:
        """What the pane says before any document was shown (no worker: nothing to unload)."""
        if self._body is not None:
            self.show_message(title, lines)
            return
        self._set_header(title, "")
        self.query_one("#article-links", Static).update(Text("\n".join(lines)))

    def show_message(self, title: str, lines: list[str]) -> None:
        """A placeholder (empty state, section not cached yet) as plain text."""
        self._hold_frame()
        self.clear_find()
        self._set_header(title, "")
        self.links = []
        self.document_url = ""
        self.query_one("#article-links", Static).update(Text("\n".join(lines)))
        self.pages = [""]
        self.show_page(0)

    def show_release(self, release: Release) -> None:
        meta = [format_date(release.published.date()) if release.published else _("undated")]
        if release.section:
            meta.append(release.section)
        meta.extend(release.tags[:4])
        if release.updated:
            meta.append(_("updated · v: what changed") if release.versions else _("updated"))
        if release.summary_only:
            meta.append(_("summary only: the page could not be fetched"))
        markdown = release.markdown or release.summary or release.text
        self._show(release.title, " · ".join(meta), markdown, release.url)

    def show_section(self, page: SectionPage) -> None:
        if page.fetched_at:
            cached = _("cached {time}").format(time=page.fetched_at.strftime("%Y-%m-%d %H:%M"))
        else:
            cached = _("not fetched")
        self._show(page.title, _("site page") + " · " + cached, page.markdown, page.url)

    def _show(self, title: str, meta: str, markdown: str, url: str) -> None:
        self._hold_frame()
        self.clear_find()
        markdown = clean_body(markdown)
        self.document_url = clean_line(url)
        self._set_header(title, meta)
        self.links = extract_links(markdown, url)
        self.query_one("#article-links", Static).update(self._links_text())
        self.pages = split_chunks(markdown, PAGE_BYTES)
        self.show_page(0)

    def show_page(self, page: int) -> None:
        """Show page `page` (0-based) of the document, from its top."""
        self._hold_frame()
        self._unhighlight()
        self.find_matches, self.find_index = [], -1
        self.page = max(0, min(page, len(self.pages) - 1))
        pager = self.query_one("#article-pages", Static)
        if len(self.pages) > 1:
            pager.update(
                Text(
                    _(
                        "Page {page} of {pages} · press . for the next page, , for the previous"
                    ).format(
                        page=format_number(self.page + 1), pages=format_number(len(self.pages))
                    ),
                    "bold",
                )
            )
        else:
            pager.update("")
        pager.display = len(self.pages) > 1
        self.scroll_home(animate=False)
        self._load_body(self.pages[self.page])

    def action_next_page(self) -> None:
        if self.page + 1 < len(self.pages):
            self.show_page(self.page + 1)

    def action_previous_page(self) -> None:
        if self.page > 0:
            self.show_page(self.page - 1)

    def _set_header(self, title: str, meta: str) -> None:
        self.query_one("#article-title", Static).update(Text(clean_title(title)))
        self.query_one(LanguageBadges).show_versions([])  # the screen fills them for a release
        meta_text = Text(clean_line(meta))
        if self.document_url:
            meta_text.append("\n" + self.document_url, "underline")
        self.query_one("#article-meta", Static).update(meta_text)

    def _links_text(self) -> Text:
        if not self.links:
            return Text("")
        text = Text(_("Links (press 1-9 to open)") + "\n", "bold")
        for link in self.links:
            text.append(f"[{link.number}] ", "bold")
            text.append(link.text)
            if link.text != link.url:
                text.append(f" — {link.url}", "dim")
            text.append("\n")
        return text

    # --- one frame per document ----------------------------------------------------------------

    def _hold_frame(self) -> None:
        """Hold the screen's repaint until the body's first chunk is in (see the module doc)."""
        if not self.is_attached:
            return
        if self._hold is None:
            hold = self.app.batch_update()
            hold.__enter__()
            self._hold = hold
        self._hold_token += 1
        self.set_timer(HOLD_LIMIT, partial(self._release_frame, self._hold_token))

    def _release_frame(self, token: int | None = None) -> None:
        """End the hold: from the body loader (token None) or the latest hold's timer."""
        if token is not None and token != self._hold_token:
            return  # an earlier document's timer: the latest hold is still waited for
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.__exit__(None, None, None)

    def on_unmount(self) -> None:
        self._release_frame()
        self._cancel_collection()

    def _cancel_collection(self) -> None:
        if self._collection is not None:
            self._collection.stop()
            self._collection = None

    def _collect_later(self) -> None:
        """Collect the garbage of the documents shown once the reader has been idle a moment."""
        self._cancel_collection()
        self._collection = self.set_timer(COLLECT_AFTER, self._collect)

    def _collect(self) -> None:
        self._collection = None
        collect()

    @work(exclusive=True, group="article-body")
    async def _load_body(self, markdown: str) -> None:
        """Show the first chunk at once and append the rest, yielding between chunks."""
        self.loading_body = True
        self._cancel_collection()
        cells = self._first_chunk_cells()
        head = first_chunk(markdown, FIRST_CHUNK if cells is None else cells) or markdown
        chunks = (
            [head, *body_chunks(markdown[len(head) :])] if len(head) < len(markdown) else [head]
        )
        body = self.body
        with collector_paused():
            try:
                if self._body_mounted is not None:
                    await self._body_mounted
                    self._body_mounted = None
                await body.update(chunks[0])
            except asyncio.CancelledError:
                raise  # the newer document's loader ends the hold (or its timer, or unmounting)
            except BaseException:
                self._release_frame()
                raise
            self._release_frame()
            if len(chunks) > 1:
                # the rest once the first chunk's frame is out (its layout is the pane's size)
                painted = asyncio.Event()
                self.call_after_refresh(painted.set)
                await painted.wait()
            self.call_after_refresh(self._measure_pane)
            for chunk in chunks[1:]:
                await asyncio.sleep(0.01)
                await body.append(chunk)
        self._collect_later()
        self.loading_body = False
        if self.find_text:
            # a page turned to for the find: find on it, without turning again
            self.call_after_refresh(self._find_on_page, self._find_direction, False)

    # --- the first chunk's size ---------------------------------------------------------------------

    def _layout_key(self) -> object:
        """What decides the pane's size: the terminal's size and the screen's layout classes."""
        return (self.app.size, frozenset(self.screen.classes))

    def _measure_pane(self) -> None:
        """Note the pane's area under the layout just painted."""
        if self.is_attached:
            region = self.scrollable_content_region
            self._pane = (self._layout_key(), region.width * region.height)

    def on_resize(self) -> None:
        self._measure_pane()

    def _first_chunk_cells(self) -> int | None:
        """The pane's area in cells if it was measured under the layout shown now, else None
        (the layout changes in the same step as the document: the first release opened widens
        the pane)."""
        if self._pane is None or self._pane[0] != self._layout_key():
            return None
        low, high = FIRST_CHUNK_LIMITS
        return max(low, min(high, self._pane[1]))

    # --- tables ----------------------------------------------------------------------------------

    def action_scroll_tables(self, step: int) -> None:
        """Move the tables in view sideways."""
        from newsroom_tui.widgets.article_table import TableScroll

        if self._body is None:
            return
        view = self.scrollable_content_region
        for table in self._body.query(TableScroll):
            if table.region.overlaps(view):
                table.scroll_relative(x=step * TABLE_STEP, animate=False)

    def link(self, number: int) -> Link | None:
        return self.links[number - 1] if 0 < number <= len(self.links) else None

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        url = event.href
        if self.document_url and not urlsplit(url).scheme and not url.startswith("#"):
            url = urljoin(self.document_url, url)
        self.post_message(self.LinkRequested(self, url))

    def _headings(self) -> list[MarkdownHeader]:
        from textual.widgets._markdown import MarkdownHeader

        return list(self.body.query(MarkdownHeader))

    def action_next_heading(self) -> None:
        top = self.content_region.y
        for header in self._headings():
            if header.region.y > top:
                self.scroll_to_widget(header, top=True, animate=False)
                return

    def action_previous_heading(self) -> None:
        top = self.content_region.y
        previous = [h for h in self._headings() if h.region.y < top]
        if previous:
            self.scroll_to_widget(previous[-1], top=True, animate=False)
