"""Rebindable keys: config.toml's [keys] maps binding ids to keys (Textual's keymap); the footer
and the help show the user's keys; a wrong id is one line naming it."""

from __future__ import annotations

import io
from pathlib import Path

from textual.binding import Binding
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from newsroom_tui import paths
from newsroom_tui.app import NewsroomApp, build_app
from newsroom_tui.cli import main
from newsroom_tui.key_bindings import BINDING_IDS
from newsroom_tui.screens.help import HelpScreen
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.settings import Settings
from newsroom_tui.storage.store import Store
from uifixtures import fill, notifications, profile, sample_releases, settle


def test_every_binding_id_is_a_binding_of_the_reader() -> None:
    ids = {
        b.id
        for owner in (NewsroomApp, MainScreen)
        for b in owner.BINDINGS
        if isinstance(b, Binding) and b.id
    }
    assert ids == set(BINDING_IDS)


def test_an_unknown_binding_id_stops_the_reader_with_one_line(tmp_path: Path) -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keys]\nstr = "f"\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(tmp_path)], out=out, err=err)
    assert code == 2
    (line,) = err.getvalue().splitlines()
    assert "keys.str: no such binding (ids: " in line and "star" in line


async def test_a_rebound_key_acts_and_shows_in_the_footer_and_the_help(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases())
    settings = Settings(keys={"star": "f", "order": "ctrl+o", "next": "N,j"})
    app = build_app(prof, tmp_path, settings=settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        footer = {key.description: key.key_display for key in app.screen.query(FooterKey)}
        assert footer["Star"] == "f"
        assert "s" not in footer.values()
        first = app.screen.release_list.current_row  # type: ignore[attr-defined]
        assert first is not None
        await pilot.press("f")
        await settle(pilot)
        with Store.open(paths.database_path(tmp_path, prof.id)) as store:
            release = store.get_release(first.id)
            assert release is not None and release.starred
        await pilot.press("s")  # no longer star: nothing changes
        await settle(pilot)
        with Store.open(paths.database_path(tmp_path, prof.id)) as store:
            release = store.get_release(first.id)
            assert release is not None and release.starred
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {
            str(row.query_one(".help-text", Static).render()): str(
                row.query_one(".help-key", Static).render()
            )
            for row in app.screen.query(".help-row")
        }
        assert rows["star / unstar the release"] == "f"
        assert rows["open the next / previous release"] == "N / j / p"
        assert rows["order: newest first, oldest first, by relevance (while searching)"] == "ctrl+o"
        assert rows["mark the release read / unread"] == "m"
    assert not [n for n in notifications(app) if "settings" in n]


async def test_a_keymap_id_unknown_to_the_reader_is_a_warning(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases())
    app = build_app(prof, tmp_path, settings=Settings(keys={"stra": "f"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("keys.stra: no such binding" in n for n in notifications(app))
