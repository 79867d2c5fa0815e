"""Watches (saved searches): the TOML file, `search --saved`, the lines a sync prints for them,
and in the reader: `S` saves one, "Watches" lists them with unread counts, and a sync of the
loopback servers announces the new releases that match."""

from __future__ import annotations

import asyncio
import io
import json
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.cli import main
from newsroom_tui.newsrooms.enabled import enabled_profiles
from newsroom_tui.profiles import load_profile
from newsroom_tui.screens.save_watch import SaveWatchScreen
from newsroom_tui.settings import Settings, load_settings
from newsroom_tui.watches import (
    Watch,
    WatchError,
    find_watch,
    load_watches,
    save_watch,
    watches_path,
    write_watches,
)
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import SectionTree
from newsroomsites import Newsroom
from sitekit import Site
from uifixtures import notifications, settle


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def newsrooms() -> Iterator[tuple[Newsroom, Newsroom]]:
    settings = paths.config_dir() / "config.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("newsrooms = []\n", encoding="utf-8")
    with Site() as one, Site() as two:
        alpha = Newsroom(one, "alpha", "Alpha Agency")
        alpha.add("Climate talks open in Norland")
        alpha.add("Harvest report for the valley")
        alpha.publish()
        beta = Newsroom(two, "beta", "Beta Relief")
        beta.add("Climate fund for coastal towns", days=2)
        beta.publish()
        yield alpha, beta


def test_the_file_round_trips_and_names_what_is_wrong() -> None:
    assert load_watches() == []
    watch, replaced = save_watch("Climate", 'climate tag:"Sahel region" is:unread')
    assert not replaced
    assert save_watch("  climate ", "climate OR climat")[1]  # same name, any case: replaced
    save_watch('Odd "name" \\ here', "harvest")
    watches = load_watches()
    assert [w.name for w in watches] == ["climate", 'Odd "name" \\ here']
    assert find_watch("CLIMATE", watches).query_text == "climate OR climat"
    assert watch.query.tag == "Sahel region"
    path = watches_path()
    for text, words in [
        ('[[watch]]\nname = "x"\nquery = "a OR"\n', "watch[0]: query: 'OR' needs a word"),
        ('[[watch]]\nname = "x"\nqery = "a"\n', "watch[0]: qery: unknown key"),
        ('[[watch]]\nname = 3\nquery = "a"\n', "watch[0]: name: expected a string"),
        ('[[watch]]\nname = "a"\nquery = "x"\n[[watch]]\nname = "A"\nquery = "y"\n', "used twice"),
        ("watches = 1\n", "watches: unknown key"),
        ("[[watch]\n", "invalid TOML"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(WatchError) as caught:
            load_watches()
        assert words in str(caught.value) and "\n" not in str(caught.value)
        assert str(caught.value).startswith(str(path))


def test_a_write_is_all_or_nothing(tmp_path: Path) -> None:
    target = tmp_path / "watches.toml"
    write_watches([Watch("a", "x")], target)
    assert [w.name for w in load_watches(target)] == ["a"]
    assert not (tmp_path / "watches.toml.part").exists()


def test_sync_announces_new_matches_and_search_saved_runs_one(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    alpha, beta = newsrooms
    save_watch("Climate", "climate")
    save_watch("Bridges", "bridge newsroom:beta")
    code, out, err = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert code == 0, err
    assert "watch Climate: 2 new releases" in out
    assert "Bridges" not in out
    # nothing new: no watch line
    code, out, _ = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert "watch " not in out
    beta.add("Bridge repaired in Eastport after the climate storm", days=9)
    beta.publish()
    code, out, _ = run("sync", "--all", "--json", "--profile", "alpha", "--data-dir", str(tmp_path))
    payload = json.loads(out)
    assert payload["watches"] == [
        {"name": "Climate", "query": "climate", "new": 1},
        {"name": "Bridges", "query": "bridge newsroom:beta", "new": 1},
    ]
    # one newsroom's sync announces what it stored
    alpha.add("Climate school opens", days=12)
    alpha.publish()
    code, out, _ = run("sync", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert "watch Climate: 1 new release: Climate school opens" in out
    code, out, _ = run(
        "search", "--saved", "climate", "--json", "--profile", "alpha", "--data-dir", str(tmp_path)
    )
    found = json.loads(out)
    assert found["total"] == 4
    assert {hit["newsroom"] for hit in found["results"]} == {"alpha", "beta"}
    code, _, err = run("search", "--saved", "nothing", "--data-dir", str(tmp_path))
    assert code == 2 and "no watch named 'nothing' (watches: Climate, Bridges)" in err


def test_a_broken_watches_file_never_fails_the_sync(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    watches_path().parent.mkdir(parents=True, exist_ok=True)
    watches_path().write_text("[[watch]]\nname = 'x'\n", encoding="utf-8")
    code, _, err = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert code == 0
    assert "watches not checked: " in err and "query: expected a string" in err


def test_the_desktop_notification_is_an_argument_list(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    record = tmp_path / "notified.txt"
    script = tmp_path / "notify.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{record}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    config = paths.config_dir() / "config.toml"
    config.write_text(
        f'newsrooms = []\n[notifications]\ndesktop = true\ncommand = ["{script}", "--urgency=low"]\n',
        encoding="utf-8",
    )
    save_watch("Climate; rm -rf /", "climate")
    code, _, err = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path / "d"))
    assert code == 0, err
    for _ in range(500):  # the command runs in its own process: wait for what it wrote
        if record.exists() and record.read_text().endswith("releases|"):
            break
        time.sleep(0.01)
    assert record.read_text() == (
        "--urgency=low|newsroom-tui|Watch 'Climate; rm -rf /': 2 new releases|"
    )


async def test_the_reader_saves_lists_and_announces_watches(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    beta = newsrooms[1]
    synced = await asyncio.to_thread(
        run, "sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path)
    )
    assert synced[0] == 0
    profiles, _ = enabled_profiles(load_settings(), load_profile("alpha"))
    app = build_app(profiles[0], tmp_path, newsrooms=profiles, settings=Settings())
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(SectionTree)
        assert tree.select_key("newsrooms:all")
        await settle(pilot)
        await pilot.press("slash", *"climate", "enter")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SaveWatchScreen)
        await pilot.press(*"Klima", "enter")  # replaces the suggested name
        await settle(pilot)
        assert [(w.name, w.query_text) for w in load_watches()] == [("Klima", "climate")]
        assert any("Watch 'Klima' saved" in n for n in notifications(app))
        labels = [str(node.label) for node in tree.root.children]
        assert labels[-1] == "Watches"
        (leaf,) = tree.root.children[-1].children
        assert str(leaf.label) == "Klima (2)"
        # a new matching release on beta's server: the sync announces it
        beta.add("Climate shelters built", days=20)
        beta.publish()
        await pilot.press("escape")
        await pilot.press("R")
        await settle(pilot)
        assert "Watch 'Klima': 1 new release" in notifications(app)
        assert str(tree.root.children[-1].children[0].label) == "Klima (3)"
        # the watch opens like a section
        assert tree.select_key("watch:Klima")
        await settle(pilot)
        listed = app.screen.query_one(ReleaseList)
        assert listed.count == 3
        first = listed.row_at(0)
        assert first is not None and first.title == "Climate shelters built"
