"""The reader in English, French and Spanish: the footer, the list (its dates, its count line),
the article's header, the contacts panel, the status line, notifications, the help and the
sync log, each asserted on screen in the language `build_app(ui_lang=...)` chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from newsroom_tui import i18n
from newsroom_tui.app import NewsroomApp
from newsroom_tui.screens.help import HelpScreen
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.screens.sync_log import SyncLogScreen
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.filter_line import FilterLine
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import SectionTree
from uifixtures import notifications, sample_app, settle, shown_text

SIZE = (140, 40)

EXPECTED: dict[str, dict[str, Any]] = {
    "en": {
        "footer": {"Search", "Next", "Unread", "Star", "Sync", "Read", "Help", "Quit"},
        "count": "8 releases — all cached",
        "list_date": "31 May 2024 ",
        "article_date": "31 May 2024 · Communiqués · Europe",
        "contacts": "Contacts · Sécurité des migrants en Méditerranée",
        "phone": "Tel +41 22 717 9111",
        "status": "last sync 2024-06-01 10:30",
        "years": "Years",
        "marked": "Marked 7 releases read. U: undo",
        "undone": "7 releases unread again.",
        "help": ("Everywhere", "escape, q or ? closes this help"),
        "log": "No sync has run since the reader started",
    },
    "fr": {
        "footer": {
            "Rechercher",
            "Suivant",
            "Non lus",
            "Favori",
            "Synchroniser",
            "Lire",
            "Aide",
            "Quitter",
        },
        "count": "8 communiqués — tout le cache",
        "list_date": "31 mai 2024 ",
        "article_date": "31 mai 2024 · Communiqués · Europe",
        "contacts": "Contacts · Sécurité des migrants en Méditerranée",
        "phone": "Tél. +41 22 717 9111",
        "status": "dernière synchro 2024-06-01 10:30",
        "years": "Années",
        "marked": "7 communiqués marqués comme lus. U : annuler",
        "undone": "7 communiqués de nouveau non lus.",
        "help": ("Partout", "échap, q ou ? ferme cette aide"),
        "log": "Aucune synchronisation depuis l'ouverture du lecteur",
    },
    "es": {
        "footer": {
            "Buscar",
            "Siguiente",
            "No leídos",
            "Favorito",
            "Sincronizar",
            "Leer",
            "Ayuda",
            "Salir",
        },
        "count": "8 comunicados — toda la caché",
        "list_date": "31 may. 2024 ",
        "article_date": "31 de mayo de 2024 · Communiqués · Europe",
        "contacts": "Contactos · Sécurité des migrants en Méditerranée",
        "phone": "Tel. +41 22 717 9111",
        "status": "última sincronización 2024-06-01 10:30",
        "years": "Años",
        "marked": "7 comunicados marcados como leídos. U: deshacer",
        "undone": "7 comunicados vuelven a estar sin leer.",
        "help": ("En todas partes", "esc, q o ? cierra esta ayuda"),
        "log": "No se ha sincronizado desde que se abrió el lector",
    },
}


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)


def main_screen(app: NewsroomApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def footer_descriptions(app: NewsroomApp, pilot: Any, at_least: int) -> set[str]:
    """The descriptions the footer shows (it recomposes after a focus change: waited for)."""
    for _ in range(200):
        keys = list(app.screen.query(FooterKey))
        if len(keys) >= at_least:
            return {key.description for key in keys}
        await pilot.pause(0.02)
    raise AssertionError("the footer never showed its keys")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
async def test_the_reader_speaks_the_chosen_language(tmp_path: Path, lang: str) -> None:
    expected = EXPECTED[lang]
    app = sample_app(tmp_path / "data", ui_lang=lang)
    assert i18n.language() == lang
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert expected["footer"] <= await footer_descriptions(app, pilot, len(expected["footer"]))
        assert str(screen.query_one(FilterLine).render()).startswith(expected["count"])
        first_row = screen.query_one(ReleaseList).render_line(0).text
        date_at = first_row.index(expected["list_date"])  # padded to the widest date
        assert first_row[date_at:].split("Sécurité des migrants")[0].strip() == (
            expected["list_date"].strip()
        )
        assert str(screen.query_one("#status-sync", Static).render()) == expected["status"]
        tree = screen.query_one(SectionTree)
        assert expected["years"] in [str(node.label) for node in tree.root.children[-1].children]

        await pilot.press("enter")
        await settle(pilot)
        meta = str(screen.query_one("#article-meta", Static).render())
        assert meta.startswith(expected["article_date"]), meta
        assert shown_text(screen.query_one("#contacts-title", Static)) == expected["contacts"]
        assert shown_text(screen.query_one(".contact-phone", Static)) == expected["phone"]

        screen.release_list.focus()
        await pilot.press("A")
        await settle(pilot)
        assert expected["marked"] in notifications(app)
        await pilot.press("U")
        await settle(pilot)
        assert expected["undone"] in notifications(app)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
async def test_help_and_sync_log_in_the_language(tmp_path: Path, lang: str) -> None:
    heading, footer = EXPECTED[lang]["help"]
    app = sample_app(tmp_path / "data", ui_lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        headings = [shown_text(s) for s in app.screen.query(".help-heading").results(Static)]
        assert headings[0] == heading
        assert shown_text(app.screen.query_one("#help-footer", Static)) == footer
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, SyncLogScreen)
        texts = [shown_text(s) for s in app.screen.query(Static).results(Static)]
        assert any(text.startswith(EXPECTED[lang]["log"]) for text in texts), texts


async def test_the_reader_follows_the_language_set_before_it_starts(tmp_path: Path) -> None:
    """The CLI sets the language (from --ui-lang, the setting or the locale) before it builds
    the app: the app reads it, it does not choose one of its own."""
    i18n.use_language("es")
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = main_screen(app).query_one(ArticleView)
        title = str(article.query_one("#article-title", Static).render())
        assert title == "Ningún comunicado abierto"
