"""config.toml: every key optional, one line naming the key for a wrong key or type; the reader
and the CLI apply what it says."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.cli import main
from newsroom_tui.settings import (
    Settings,
    SettingsError,
    format_duration,
    load_settings,
    parse_duration,
)
from uifixtures import fill, notifications, profile, sample_releases, sample_sections, settle


def write_settings(text: str) -> Path:
    path = paths.config_dir() / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_defaults() -> None:
    assert load_settings() == Settings()
    assert Settings().newsrooms == ("iom-fr",)
    assert Settings().sync_every == 0


def test_every_key_is_read() -> None:
    write_settings(
        """
newsrooms = ["iom-fr", "iom-en", "iom-en"]
theme = "nord"
browser = ["firefox", "--new-tab"]

[reader]
reading_mode = true
order = "oldest"

[sync]
every = "30m"

[notifications]
desktop = true
command = ["notify-send", "--app-name=newsroom-tui"]

[keys]
sort = "O"
"""
    )
    settings = load_settings()
    assert settings.newsrooms == ("iom-fr", "iom-en")
    assert settings.theme == "nord"
    assert settings.browser == ("firefox", "--new-tab")
    assert settings.reading_mode is True
    assert settings.order == "oldest"
    assert settings.sync_every == 1800
    assert settings.desktop_notifications is True
    assert settings.notify_command == ("notify-send", "--app-name=newsroom-tui")
    assert settings.keys == {"sort": "O"}


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("colour = 'red'", "colour", "unknown key"),
        ("[reader]\nordre = 'newest'", "reader.ordre", "unknown key"),
        ("theme = 3", "theme", "expected a theme name, got int 3"),
        ("newsrooms = 'iom-fr'", "newsrooms", "expected a list of profile ids"),
        ("newsrooms = ['IOM FR']", "newsrooms[0]", "expected a profile id"),
        ("browser = 'firefox'", "browser", "expected a list of strings"),
        ("browser = ['firefox', '']", "browser[1]", "non-empty string"),
        ("[reader]\nreading_mode = 'yes'", "reader.reading_mode", "expected true or false"),
        ("[reader]\norder = 'random'", "reader.order", "expected newest, oldest or relevance"),
        ("[sync]\nevery = 'soon'", "sync.every", "expected a duration like 30m"),
        ("[sync]\nevery = '5s'", "sync.every", "between 1m and 7d"),
        ("[sync]\nevery = true", "sync.every", "expected a duration"),
        ("[notifications]\ndesktop = 1", "notifications.desktop", "expected true or false"),
        ("keys = 3", "keys", "expected a table"),
        ("[keys]\nsort = 5", "keys.sort", "expected key names"),
        ("reader = 1", "reader", "expected a table"),
    ],
)
def test_a_wrong_key_or_type_is_one_line_naming_the_key(text: str, key: str, words: str) -> None:
    path = write_settings(text)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {key}: "), message
    assert words in message


def test_invalid_toml_is_one_line() -> None:
    write_settings("theme = ")
    with pytest.raises(SettingsError, match="invalid TOML") as caught:
        load_settings()
    assert "\n" not in str(caught.value)


def test_durations() -> None:
    assert parse_duration("30m") == 1800
    assert parse_duration("2h") == 7200
    assert parse_duration("45") == 2700
    assert parse_duration("off") == 0
    assert format_duration(1800) == "30m"
    assert format_duration(7200) == "2h"
    assert format_duration(90) == "90s"
    with pytest.raises(ValueError):
        parse_duration("8d")


def test_the_cli_refuses_bad_settings_with_exit_2(tmp_path: Path) -> None:
    write_settings("[sync]\nevery = 'sometimes'")
    out, err = io.StringIO(), io.StringIO()
    code = main(["search", "x", "--data-dir", str(tmp_path)], out=out, err=err)
    assert code == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newsroom-tui: invalid settings: ")
    assert "sync.every" in lines[0]


async def test_the_reader_takes_theme_and_order_from_the_settings(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases(), sample_sections(prof))
    write_settings('theme = "nord"\n[reader]\norder = "oldest"')
    app = build_app(prof, tmp_path, settings=load_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        screen = app.screen
        first = screen.release_list.row_at(0)  # type: ignore[attr-defined]
        assert first is not None
        assert first.title == "Aide d'urgence après les inondations"  # the oldest


async def test_an_unknown_theme_is_one_warning(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases())
    app = build_app(prof, tmp_path, settings=Settings(theme="no-such-theme"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("Unknown theme 'no-such-theme'" in n for n in notifications(app))
        assert app.theme != "no-such-theme"


async def test_reading_mode_by_default(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases())
    app = build_app(prof, tmp_path, settings=Settings(reading_mode=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.reading_mode  # type: ignore[attr-defined]
        assert app.screen.open_release_id is not None  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script as the browser")
async def test_the_browser_command_gets_the_url_as_its_last_argument(tmp_path: Path) -> None:
    prof = profile()
    fill(tmp_path, prof, sample_releases())
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(
        f'#!/bin/sh\nprintf "%s|" "$@" > "{record}.part"\nmv "{record}.part" "{record}"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    app = build_app(prof, tmp_path, settings=Settings(browser=(str(script), "--new-tab")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        for _ in range(500):  # the script runs in its own process: wait for what it wrote
            if record.exists():
                break
            await pilot.pause(0.01)
    assert record.read_text() == "--new-tab|https://www.iom.int/fr/news/release-1|"
    assert os.path.exists(record)


def test_the_readme_settings_examples_are_valid_settings() -> None:
    import re
    import tomllib

    from newsroom_tui.settings import parse_settings

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = [
        b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if b.startswith("# config.toml")
    ]
    assert blocks
    for block in blocks:
        parse_settings(tomllib.loads(block), "README.md")


def test_ui_lang_chooses_the_interface_language(tmp_path: Path) -> None:
    write_settings('ui_lang = "fr"\nnewsrooms = []\n')
    assert load_settings().ui_lang == "fr"
    out, err = io.StringIO(), io.StringIO()
    code = main(["search", "newsroom:gamma", "--data-dir", str(tmp_path)], out=out, err=err)
    assert code == 2
    assert "newsroom:gamma ne désigne aucun profil" in err.getvalue()
    write_settings('ui_lang = "de"\n')
    with pytest.raises(SettingsError, match="ui_lang: expected en, fr or es"):
        load_settings()
