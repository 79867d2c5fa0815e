"""Pilot tests for the contacts directory over a real Store: listing, the `changed` mark, filter
as you type, a contact's releases, opening a release on the screen below, copy keys, markup."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.command import CommandPalette, Hit
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static

from newsroom_tui.app import NewsroomApp
from newsroom_tui.commands import NewsroomCommands
from newsroom_tui.models import Contact, Release
from newsroom_tui.paths import styles_dir
from newsroom_tui.screens.contacts_directory import CHANGED_MARK, ContactsDirectoryScreen
from newsroom_tui.screens.copy_menu import CopyMenuScreen
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.storage.store import Store
from uifixtures import sample_app, settle, shown_text

HOSTILE = "[@click=app.quit]x[/]"


def _release(number: int, title: str, day: int, contacts: list[Contact]) -> Release:
    return Release(
        id=f"r{number}",
        url=f"https://www.iom.int/fr/news/{number}",
        title=title,
        published=datetime(2024, 5, day, 9, 0, tzinfo=UTC),
        language="fr",
        section="Communiqués",
        markdown=f"# {title}\n",
        text=title,
        contacts=contacts,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(tmp_path / "directory.sqlite")
    db.apply_batch(
        [
            _release(
                1,
                "Ancien communiqué",
                10,
                [Contact("Jeanne Dupont", "OIM Genève", ["+41 79 000 00 00"], ["jdupont@iom.int"])],
            ),
            _release(
                2,
                "Nouveau communiqué",
                20,
                [
                    Contact(
                        "Jeanne Dupont", "OIM Genève", ["+41 22 717 91 11"], ["jdupont@iom.int"]
                    ),
                    Contact("Paul Martin", "OIM Dakar", ["+221 33 869 62 00"], ["pmartin@iom.int"]),
                ],
            ),
            _release(
                3, "[b]Titre[/b] piégé", 15, [Contact(HOSTILE, HOSTILE, [], ["evil@iom.int"])]
            ),
        ]
    )
    yield db
    db.close()


class BaseScreen(Screen[None]):
    """Stands in for the main screen: records the releases it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("reader", markup=False)

    def open_release(self, release_id: str) -> None:
        self.opened.append(release_id)


class DirectoryApp(App[None]):
    CSS_PATH = str(styles_dir() / "dialogs.tcss")

    def __init__(self, store: Store, filter_text: str = "") -> None:
        super().__init__()
        self.store = store
        self.filter_text = filter_text
        self.base = BaseScreen()
        self.copied: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.push_screen(self.base)
        self.push_screen(ContactsDirectoryScreen(self.store, self.filter_text))

    def copy_text(self, text: str, what: str) -> None:
        self.copy_to_clipboard(text)
        self.copied.append((text, what))


def _table(app: App[None], selector: str = "#directory-table") -> DataTable[Text]:
    return app.screen.query_one(selector, DataTable)


def _rows(app: App[None], selector: str = "#directory-table") -> list[list[str]]:
    table = _table(app, selector)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_lists_every_contact_with_changed_mark(store: Store) -> None:
    app = DirectoryApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ContactsDirectoryScreen)
        rows = _rows(app)
        assert [row[0] for row in rows] == [HOSTILE, "Jeanne Dupont", "Paul Martin"]
        jeanne = rows[1]
        assert jeanne[1:] == [
            "OIM Genève",
            "jdupont@iom.int",
            "+41 22 717 91 11",
            "2",
            "2024-05-20",
            CHANGED_MARK,
        ]
        assert rows[2][-1] == ""
        status = shown_text(app.screen.query_one("#directory-status", Static))
        assert status == "3 contacts"


async def test_filter_as_you_type_narrows(store: Store) -> None:
    app = DirectoryApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#directory-filter", Input).has_focus
        await pilot.press(*"dak")
        await settle(pilot)
        assert [row[0] for row in _rows(app)] == ["Paul Martin"]
        await pilot.press("backspace", "backspace", "backspace", *"geneve")
        await settle(pilot)
        assert [row[0] for row in _rows(app)] == ["Jeanne Dupont"]
        await pilot.press(*["backspace"] * 6, *"nobody")
        await settle(pilot)
        assert _rows(app) == []
        status = shown_text(app.screen.query_one("#directory-status", Static))
        assert status == "0 contacts matching nobody"


async def test_initial_filter(store: Store) -> None:
    app = DirectoryApp(store, filter_text="pmartin")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert [row[0] for row in _rows(app)] == ["Paul Martin"]


async def test_contact_releases_then_open_one(store: Store) -> None:
    app = DirectoryApp(store, filter_text="jeanne")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # from the filter to the list
        assert _table(app).has_focus
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsDirectoryScreen)
        assert screen.has_class("-show-releases")
        assert _rows(app, "#directory-releases") == [
            ["2024-05-20", "Nouveau communiqué"],
            ["2024-05-10", "Ancien communiqué"],
        ]
        title = shown_text(screen.query_one("#directory-releases-title", Static))
        assert title == "Releases with Jeanne Dupont (2) · changed; earlier: +41 79 000 00 00"
        assert _table(app, "#directory-releases").has_focus
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen is app.base
        await settle(pilot)
        assert app.base.opened == ["r1"]


async def test_escape_hides_releases_then_closes(store: Store) -> None:
    app = DirectoryApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.has_class("-show-releases")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ContactsDirectoryScreen)
        assert not app.screen.has_class("-show-releases")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.base
        assert app.base.opened == []


async def test_copy_keys_in_directory(store: Store) -> None:
    app = DirectoryApp(store, filter_text="paul")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # typed into the filter, not a copy
        await settle(pilot)
        assert app.clipboard == ""
        assert app.screen.query_one("#directory-filter", Input).value == "paulc"
        await pilot.press("backspace", "down", "c")
        assert app.clipboard == "pmartin@iom.int"
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, CopyMenuScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.clipboard == "Paul Martin <pmartin@iom.int>"
        assert isinstance(app.screen, ContactsDirectoryScreen)


async def test_markup_names_are_literal(store: Store) -> None:
    app = DirectoryApp(store, filter_text="evil")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        table = _table(app)
        cell = table.get_row_at(0)[0]
        assert isinstance(cell, Text)
        assert cell.plain == HOSTILE
        assert not cell.spans
        await pilot.press("down", "enter")
        await settle(pilot)
        assert _rows(app, "#directory-releases") == [["2024-05-15", "[b]Titre[/b] piégé"]]
        await pilot.click("#directory-table")
        await pilot.click("#directory-releases-title")
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_opens_release_in_the_real_reader(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert app.store is not None
        await app.push_screen(ContactsDirectoryScreen(app.store, "dupont"))
        await settle(pilot)
        assert [row[0] for row in _rows(app)] == ["Jeanne Dupont"]
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main
        await settle(pilot)
        assert isinstance(main, MainScreen) and main.open_release_id == "r000001"


# --- command palette ---------------------------------------------------------------------------


async def _hits(app: NewsroomApp, query: str) -> list[Hit]:
    provider = NewsroomCommands(app.screen)
    await provider.startup()
    hits = [hit async for hit in provider.search(query)]
    found = [hit for hit in hits if isinstance(hit, Hit)]
    assert len(found) == len(hits), "a search answers Hits only"
    return found


def _plain(hit: Hit) -> str:
    assert isinstance(hit.prompt, Content)
    return hit.prompt.plain


async def test_palette_finds_releases_and_opens_one(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        hits = await _hits(app, "securite")
        releases = [h for h in hits if _plain(h).startswith("Release: ")]
        assert [_plain(h) for h in releases] == ["Release: Sécurité des migrants en Méditerranée"]
        releases[0].command()
        await settle(pilot)
        assert main.open_release_id == "r000001"


async def test_palette_copies_a_contact_email(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        hits = await _hits(app, "dupont")
        contacts = [h for h in hits if _plain(h).startswith("Contact: ")]
        assert [_plain(h) for h in contacts] == ["Contact: Jeanne Dupont <jdupont@iom.int>"]
        contacts[0].command()
        await settle(pilot)
        assert app.clipboard == "jdupont@iom.int"
        directory = [h for h in hits if _plain(h).startswith("Contacts directory filtered")]
        assert len(directory) == 1
        directory[0].command()
        await settle(pilot)
        assert isinstance(app.screen, ContactsDirectoryScreen)
        assert [row[0] for row in _rows(app)] == ["Jeanne Dupont"]


async def test_palette_opens_a_section(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        hits = await _hits(app, "qui sommes")
        sections = [h for h in hits if _plain(h) == "Section: Qui sommes-nous"]
        assert len(sections) == 1
        sections[0].command()
        await settle(pilot)
        assert main.article.document_url.startswith("https://www.iom.int/")
        assert main.open_release_id is None


async def test_palette_shows_markup_titles_literally(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        hits = await _hits(app, "click")
        titles = [_plain(h) for h in hits if _plain(h).startswith("Release: ")]
        assert titles == ["Release: [@click=app.quit]Read[/]"]
        for hit in hits:
            assert "[" not in (hit.help or "")
        # Through the real palette: type, wait for its worker, choose; nothing runs but the open.
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"click")
        await settle(pilot)
        results = app.screen.query_one(OptionList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        wanted = [i for i, p in enumerate(prompts) if p.startswith("Release: [@click=app.quit]")]
        assert len(wanted) == 1
        results.highlighted = wanted[0]
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.open_release_id == "r000012"
