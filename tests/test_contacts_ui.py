"""Pilot tests for the contacts panel and the copy menu: what is copied is exactly what is shown,
and names that look like markup are shown literally and run nothing."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static

from newsroom_tui.models import Contact
from newsroom_tui.paths import styles_dir
from newsroom_tui.screens.copy_menu import CopyMenuScreen
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.contacts_panel import ContactCard, ContactsPanel
from uifixtures import notifications, sample_app, settle, shown_text

JANE = Contact(
    name="Jane Doe",
    organization="OIM Genève",
    phones=["+41 79 123 45 67", "+41 22 717 91 11 ext. 123"],
    emails=["jdoe@iom.int", "press@iom.int"],
)
PAUL = Contact(name="Paul Martin", organization="OIM Dakar", emails=["pmartin@iom.int"])
NO_EMAIL = Contact(name="Bureau de presse", phones=["+221 33 869 62 00"])


class PanelApp(App[None]):
    """A minimal host with the `copy_text` the real app provides."""

    CSS_PATH = str(styles_dir() / "dialogs.tcss")

    def __init__(self, contacts: list[Contact], title: str = "Une release") -> None:
        super().__init__()
        self.contacts = contacts
        self.release_title = title
        self.copied: list[tuple[str, str]] = []
        self.messages: list[ContactsPanel.ContactCopied] = []

    def compose(self) -> ComposeResult:
        yield ContactsPanel(id="contacts")

    def on_mount(self) -> None:
        panel = self.query_one(ContactsPanel)
        panel.show(self.contacts, self.release_title)
        panel.focus()

    def copy_text(self, text: str, what: str) -> None:
        self.copy_to_clipboard(text)
        self.copied.append((text, what))

    @on(ContactsPanel.ContactCopied)
    def _record(self, message: ContactsPanel.ContactCopied) -> None:
        self.messages.append(message)


async def test_c_copies_selected_email_and_down_moves_selection() -> None:
    app = PanelApp([JANE, PAUL])
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app.clipboard == "jdoe@iom.int"
        await pilot.press("down", "c")
        assert app.clipboard == "pmartin@iom.int"
        panel = app.query_one(ContactsPanel)
        assert panel.selected == 1
        selected = [card.index for card in app.query(ContactCard) if card.has_class("-selected")]
        assert selected == [1]
        await pilot.press("down")  # stays on the last contact
        assert panel.selected == 1
        await pilot.press("k", "c")
        assert app.clipboard == "jdoe@iom.int"
        await settle(pilot)
        assert [m.text for m in app.messages] == ["jdoe@iom.int", "pmartin@iom.int", "jdoe@iom.int"]


async def test_shift_c_copies_all_emails_comma_separated() -> None:
    app = PanelApp([JANE, NO_EMAIL, PAUL])
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("C")
        assert app.clipboard == "jdoe@iom.int, press@iom.int, pmartin@iom.int"
        assert app.copied[-1][1] == "3 emails"


async def test_contact_without_email_copies_nothing() -> None:
    app = PanelApp([NO_EMAIL])
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app.clipboard == ""
        assert app.copied == []
        assert notifications(app) == ["No email for Bureau de presse"]


async def test_card_says_no_email_for_a_phone_only_or_a_named_person() -> None:
    named = Contact(name="Arnaud Lemaire", organization="OIM Tchad")
    app = PanelApp([NO_EMAIL, named, PAUL])
    async with app.run_test() as pilot:
        await pilot.pause()
        cards = list(app.query(ContactCard))
        shown = [[str(s.render()) for s in card.query(Static)] for card in cards]
        assert shown[0] == ["Bureau de presse", "Tel +221 33 869 62 00", "no email"]
        assert shown[1] == ["Arnaud Lemaire", "OIM Tchad", "no email"]
        assert "no email" not in shown[2]
        await pilot.press("down", "c")
        assert app.clipboard == ""
        assert notifications(app) == ["No email for Arnaud Lemaire"]


async def test_copied_email_is_exactly_what_is_shown() -> None:
    hostile = Contact(
        name="A\u202eB",
        emails=[" jd\u200boe@iom.\u2066int\x1b[31m ", "x" * 300 + "@iom.int"],
    )
    app = PanelApp([hostile])
    async with app.run_test() as pilot:
        await settle(pilot)
        shown = [shown_text(s) for s in app.query(".contact-email").results(Static)]
        assert shown[0] == "jdoe@iom.int"
        assert len(shown[1]) == 254
        await pilot.press("c")
        assert app.clipboard == shown[0]
        await pilot.press("C")
        assert app.clipboard == ", ".join(shown)
        name = shown_text(app.query_one(".contact-name", Static))
        assert name == "AB"


async def test_empty_state() -> None:
    app = PanelApp([])
    async with app.run_test() as pilot:
        await settle(pilot)
        empty = app.query_one("#contacts-empty", Static)
        assert empty.display
        assert shown_text(empty) == "No press contacts on this page"
        assert not app.query(ContactCard)
        await pilot.press("c", "C", "x")
        assert app.clipboard == ""
        assert not isinstance(app.screen, CopyMenuScreen)


async def test_show_replaces_contacts() -> None:
    app = PanelApp([JANE])
    async with app.run_test() as pilot:
        await settle(pilot)
        panel = app.query_one(ContactsPanel)
        panel.show([PAUL], "Autre")
        await settle(pilot)
        assert [c.contact.name for c in app.query(ContactCard)] == ["Paul Martin"]
        assert not app.query_one("#contacts-empty", Static).display
        assert shown_text(app.query_one("#contacts-title", Static)) == "Contacts · Autre"
        panel.show([], "Vide")
        await settle(pilot)
        assert app.query_one("#contacts-empty", Static).display


async def test_copy_menu_name_email_phone_and_vcard() -> None:
    app = PanelApp([JANE])
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, CopyMenuScreen)
        options = app.screen.query_one(OptionList)
        labels = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        plain = [str(label) for label in labels]
        assert plain[:2] == ["jdoe@iom.int", "press@iom.int"]
        assert "Jane Doe <jdoe@iom.int>" in plain
        assert "+41 79 123 45 67" in plain
        assert "+41 22 717 91 11 ext. 123" in plain
        assert plain[-1] == "vCard of Jane Doe"

        # "Name <email>"
        await pilot.press(*["down"] * plain.index("Jane Doe <jdoe@iom.int>"), "enter")
        await settle(pilot)
        assert not isinstance(app.screen, CopyMenuScreen)
        assert app.clipboard == "Jane Doe <jdoe@iom.int>"

        # second phone
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*["down"] * plain.index("+41 22 717 91 11 ext. 123"), "enter")
        await settle(pilot)
        assert app.clipboard == "+41 22 717 91 11 ext. 123"

        # vCard
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("end", "enter")
        await settle(pilot)
        card = app.clipboard
        assert card.startswith("BEGIN:VCARD")
        assert card.rstrip().endswith("END:VCARD")
        assert "FN:Jane Doe" in card
        assert "jdoe@iom.int" in card
        assert [m.what for m in app.messages][-1] == "vCard of Jane Doe"


async def test_copy_menu_escape_copies_nothing() -> None:
    app = PanelApp([JANE])
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, CopyMenuScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CopyMenuScreen)
        assert app.clipboard == ""
        assert app.messages == []


MARKUP_NAMES = ["[b]x[/b]", "[@click=app.quit]x[/]", "[/b] Breaking", "[$accent]x[/]"]


async def test_markup_looking_text_is_literal_and_runs_nothing() -> None:
    contacts = [
        Contact(name=name, organization=name, phones=[name], emails=[f"a{i}@iom.int"])
        for i, name in enumerate(MARKUP_NAMES)
    ]
    app = PanelApp(contacts, title="[@click=app.quit]Read[/]")
    async with app.run_test() as pilot:
        await settle(pilot)
        names = [s.visual for s in app.query(".contact-name").results(Static)]
        assert all(isinstance(n, Content) and not n.spans for n in names)
        assert [shown_text(s) for s in app.query(".contact-name").results(Static)] == MARKUP_NAMES
        orgs = [shown_text(s) for s in app.query(".contact-org").results(Static)]
        assert orgs == MARKUP_NAMES
        title = shown_text(app.query_one("#contacts-title", Static))
        assert title == "Contacts · [@click=app.quit]Read[/]"
        # Clicking the text that would be an action link does nothing.
        await pilot.click(".contact-name")
        await pilot.click("#contacts-title")
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None
        # The copy menu shows the name literally too.
        await pilot.press("down", "x")
        await settle(pilot)
        assert isinstance(app.screen, CopyMenuScreen)
        heading = shown_text(app.screen.query_one("#copy-menu-title", Static))
        assert heading == "Copy for [@click=app.quit]x[/]"
        await pilot.click("#copy-menu-title")
        await settle(pilot)
        assert app.is_running


# --- help screen ---------------------------------------------------------------------------------

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "full_stop": ".",
    "comma": ",",
}


def _help_tokens() -> set[str]:
    from newsroom_tui.screens.help import KEYS

    tokens: set[str] = set()
    for _, rows in KEYS:
        for keys, _text in rows:
            tokens.update(keys.replace(", ", " ").replace(" / ", " ").split())
            if keys.startswith("1 … 9"):
                tokens.update(str(n) for n in range(1, 10))
    return tokens


def test_help_lists_every_binding_of_the_reader() -> None:
    from newsroom_tui.app import NewsroomApp
    from newsroom_tui.screens.main import MainScreen
    from newsroom_tui.widgets.article_view import ArticleView
    from newsroom_tui.widgets.release_list import ReleaseList

    tokens = _help_tokens()
    missing: list[str] = []
    for owner in (NewsroomApp, MainScreen, ContactsPanel, ReleaseList, ArticleView):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                shown = KEY_NAMES.get(key.strip(), key.strip())
                if shown not in tokens:
                    missing.append(f"{owner.__name__}: {shown}")
    assert missing == []


class HelpApp(App[None]):
    CSS_PATH = str(styles_dir() / "dialogs.tcss")

    def compose(self) -> ComposeResult:
        yield Static("reader", markup=False)

    def action_help(self) -> None:
        from newsroom_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    BINDINGS: ClassVar[list[BindingType]] = [Binding("question_mark", "help", "Help")]


async def test_help_screen_shows_panes_and_search_syntax_and_closes() -> None:
    from newsroom_tui.screens.help import HelpScreen

    app = HelpApp()
    async with app.run_test(size=(120, 40)) as pilot:
        for close in ("escape", "q", "question_mark"):
            await pilot.press("question_mark")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            headings = [shown_text(s) for s in app.screen.query(".help-heading").results(Static)]
            assert headings == [
                "Everywhere",
                "Which release the keys act on",
                "Row markers",
                "Section menu",
                "Release list",
                "Article",
                "Contacts panel",
                "Contacts directory",
                "Search syntax",
            ]
            keys = " ".join(shown_text(s) for s in app.screen.query(".help-key").results(Static))
            for syntax in ('"retour volontaire"', "secu*", "-sahel", "OR", "section:", "tag:"):
                assert syntax in keys
            for syntax in ("lang:", "since:", "until:", "year:", "is:unread", "is:starred"):
                assert syntax in keys
            await pilot.press(close)
            await settle(pilot)
            assert not isinstance(app.screen, HelpScreen)


# --- in the real reader --------------------------------------------------------------------------


async def test_c_in_the_reader_copies_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app(tmp_path / "data")
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)
    original = app.copy_text

    def counting(text: str, what: str) -> None:
        calls.append((text, what))
        original(text, what)

    monkeypatch.setattr(app, "copy_text", counting)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.open_release("r000001")
        await settle(pilot)
        main.query_one(ContactsPanel).focus()
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "jdupont@iom.int"
        assert calls == [("jdupont@iom.int", "email of Jeanne Dupont")]


async def test_copy_keys_and_directory_work_from_the_release_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen

    app = sample_app(tmp_path / "data")
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.open_release("r000001")
        main.release_list.focus()
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "jdupont@iom.int"
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ContactsDirectoryScreen)
