"""Several newsrooms in one reader and one command line, against real loopback servers: `sync
--all`, search and contacts across newsrooms, `newsroom:ID`, and the reader's "All newsrooms"."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.cli import main
from newsroom_tui.newsrooms.enabled import enabled_profiles
from newsroom_tui.newsrooms.sync_all import by_server
from newsroom_tui.profiles import load_profile
from newsroom_tui.settings import load_settings
from newsroom_tui.storage.store import Store
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
    """alpha and beta, each on its own server; no built-in newsroom enabled."""
    settings = paths.config_dir() / "config.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("newsrooms = []\n", encoding="utf-8")
    with Site() as one, Site() as two:
        alpha = Newsroom(one, "alpha", "Alpha Agency")
        alpha.add("Climate talks open in Norland", "Climate delegates meet.")
        alpha.add("Harvest report for the valley", "Farmers report a harvest.")
        alpha.publish()
        beta = Newsroom(two, "beta", "Beta Relief")
        beta.add("Climate fund for coastal towns", "The climate fund grows.", days=2)
        beta.publish()
        yield alpha, beta


def test_sync_all_syncs_each_newsroom_into_its_own_cache(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    code, out, err = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("alpha: 2 new, 0 updated"), out
    assert lines[1].startswith("beta: 1 new, 0 updated"), out
    assert "alpha: sources: 1 to do" in err and "beta: sources: 1 to do" in err
    for newsroom, count in (("alpha", 2), ("beta", 1)):
        with Store.open(paths.database_path(tmp_path, newsroom)) as store:
            assert store.unread_count() == count
    code, out, _ = run("sync", "--all", "--json", "--profile", "alpha", "--data-dir", str(tmp_path))
    payload = json.loads(out)
    assert [n["newsroom"] for n in payload["newsrooms"]] == ["alpha", "beta"]
    assert all(n["new"] == 0 and n["error"] is None for n in payload["newsrooms"])


def test_one_newsroom_down_costs_only_its_own_sync(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    beta = newsrooms[1]
    beta.site.error("/rss.xml", 503)
    code, out, err = run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))
    assert code == 1
    assert out.splitlines()[0].startswith("alpha: 2 new")
    assert "beta: 0 new" in out
    assert "newsroom-tui: beta: failed: " in err
    with Store.open(paths.database_path(tmp_path, "alpha")) as store:
        assert store.unread_count() == 2


def test_search_and_contacts_across_newsrooms(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    assert run("sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path))[0] == 0
    code, out, _ = run(
        "search", "climate", "--all", "--json", "--data-dir", str(tmp_path), "--profile", "alpha"
    )
    assert code == 0
    found = json.loads(out)
    assert found["total"] == 2
    assert {hit["newsroom"] for hit in found["results"]} == {"alpha", "beta"}
    assert found["results"][0]["newsroom"] == "beta"  # the newest first
    code, out, _ = run(
        "search", "climate newsroom:beta", "--data-dir", str(tmp_path), "--profile", "alpha"
    )
    assert code == 0
    assert "Climate fund for coastal towns" in out and "Norland" not in out
    assert "beta  Climate fund" in out
    code, _, err = run(
        "search", "newsroom:gamma", "--data-dir", str(tmp_path), "--profile", "alpha"
    )
    assert code == 2
    assert "newsroom:gamma names no profile" in err
    code, out, _ = run(
        "contacts", "--all", "--json", "--data-dir", str(tmp_path), "--profile", "alpha"
    )
    (entry,) = [e for e in json.loads(out) if e["name"] == "Lina Berg"]
    assert entry["releases"] == 3
    code, out, _ = run("contacts", "--json", "--data-dir", str(tmp_path), "--profile", "alpha")
    (entry,) = [e for e in json.loads(out) if e["name"] == "Lina Berg"]
    assert entry["releases"] == 2


def test_newsrooms_of_one_server_sync_in_turn(newsrooms: tuple[Newsroom, Newsroom]) -> None:
    profiles, problems = enabled_profiles(load_settings())
    assert [p.id for p in profiles] == ["alpha", "beta"] and not problems
    assert [[p.id for p in g] for g in by_server(profiles)] == [["alpha"], ["beta"]]
    same = [load_profile("alpha"), load_profile("alpha")]
    assert len(by_server(same)) == 1


async def test_the_reader_shows_every_newsroom_and_all_of_them(
    newsrooms: tuple[Newsroom, Newsroom], tmp_path: Path
) -> None:
    alpha, beta = newsrooms
    synced = await asyncio.to_thread(
        run, "sync", "--all", "--profile", "alpha", "--data-dir", str(tmp_path)
    )
    assert synced[0] == 0
    profiles, _ = enabled_profiles(load_settings(), load_profile("alpha"))
    app = build_app(profiles[0], tmp_path, newsrooms=profiles)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["All newsrooms (3)", "Alpha Agency (2)", "Beta Relief (1)"]
        assert tree.select_key("newsrooms:all")
        await settle(pilot)
        listed = app.screen.query_one(ReleaseList)
        assert listed.count == 3
        rows = [listed.row_at(i) for i in range(3)]
        assert [r.newsroom for r in rows if r] == ["beta", "alpha", "alpha"]
        assert listed.show_newsroom
        # star the beta release from the All list: beta's own cache holds the star
        listed.cursor = 0
        await pilot.press("s", "enter")
        await settle(pilot)
        beta_id = rows[0].id if rows[0] else ""
        assert beta_id.startswith("beta:")
        with Store.open(paths.database_path(tmp_path, "beta")) as store:
            release = store.get_release(beta_id.split(":", 1)[1])
            assert release is not None and release.starred and release.read
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["All newsrooms (2)", "Alpha Agency (2)", "Beta Relief"]
        # a new release on each site; R syncs both newsrooms
        alpha.add("Climate school opens", days=30)
        alpha.publish()
        beta.add("Bridge repaired in Eastport", days=31)
        beta.publish()
        await pilot.press("R")
        await settle(pilot)
        assert any("2 new" in n for n in notifications(app)), notifications(app)
        assert listed.count == 5
        first = listed.row_at(0)
        assert first is not None and first.title == "Bridge repaired in Eastport"
        # one newsroom's node lists it alone; r syncs it alone
        assert tree.select_key("beta::facet:all")
        await settle(pilot)
        assert listed.count == 2
        assert not listed.show_newsroom
        await pilot.press("r")
        await settle(pilot)
        assert beta.site.count("/rss.xml") == 3 and alpha.site.count("/rss.xml") == 2
