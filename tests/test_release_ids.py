"""Release ids: short and of one shape, independent of the port the demo is served on, found by
id, old id or URL, and carried over by the v4 migration from a database a sync of the previous
schema wrote (its read/starred state and contacts included), after which a sync changes nothing."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsroom_tui import paths
from newsroom_tui.cli import main
from newsroom_tui.demo.server import DEMO_PORT, DEMO_PORT_ENV, SiteServer, demo_profile
from newsroom_tui.ingest import sources, sync
from newsroom_tui.ingest.fetch import Fetcher
from newsroom_tui.models import release_id_for
from newsroom_tui.profiles import FetchSettings
from newsroom_tui.query import Query
from newsroom_tui.storage.migrations import CURRENT_VERSION
from newsroom_tui.storage.store import Store
from sitekit import Site

ID_SHAPE = re.compile(r"[a-z2-7]{12}")
USUAL = f"http://127.0.0.1:{DEMO_PORT}/"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_demo_keeps_its_ids_and_urls_whatever_port_serves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "data")
    ports = [free_port(), free_port()]
    assert DEMO_PORT not in ports
    monkeypatch.setenv(DEMO_PORT_ENV, str(ports[0]))
    code, out, err = run("sync", "--profile", "demo", "--data-dir", data)
    assert code == 0, err
    assert out.startswith("44 new, 0 updated"), out
    with Store.open(paths.database_path(Path(data), "demo")) as store:
        first = {r.id: (r.url, r.markdown) for r in store.iter_releases()}
    monkeypatch.setenv(DEMO_PORT_ENV, str(ports[1]))
    code, out, err = run("sync", "--profile", "demo", "--data-dir", data)
    assert code == 0, err
    # the same addresses, so the same validators: every source answers 304
    assert out.startswith("0 new, 0 updated") and "nothing changed" in out, out
    with Store.open(paths.database_path(Path(data), "demo")) as store:
        second = {r.id: (r.url, r.markdown) for r in store.iter_releases()}
    assert second == first
    assert all(ID_SHAPE.fullmatch(rid) for rid in first)
    assert all(url.startswith(USUAL) for url, _ in first.values())
    assert any(USUAL in md for _, md in first.values())  # links are absolute...
    assert not any(f":{port}/" in md for port in ports for _, md in first.values())  # ...and usual


def test_show_and_export_take_an_id_an_old_id_or_a_url(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    with SiteServer() as server, Store.open(paths.database_path(Path(data), "demo")) as store:
        report = sync.run_sync(demo_profile(server.base_url), store, sections=False)
        assert report.new == 44
        release = store.find_release("demo-fr-0023")  # the feed's guid: the id before v4
        assert release is not None
    url = release.url
    for ref in (release.id, "demo-fr-0023", url, url + "/", url.replace("http:", "https:")):
        code, out, err = run("show", ref, "--json", "--profile", "demo", "--data-dir", data)
        assert code == 0, (ref, err)
        assert f'"id": "{release.id}"' in out
    code, out, err = run(
        "export", str(tmp_path / "out"), release.id, url, "--profile", "demo", "--data-dir", data
    )
    assert (code, err) == (0, "")
    assert out == f"1 release written to {tmp_path / 'out'}\n"
    (written,) = (tmp_path / "out").iterdir()
    assert f'id: "{release.id}"' in written.read_text(encoding="utf-8")
    code, out, err = run(
        "export", str(tmp_path / "none"), "nope", "--profile", "demo", "--data-dir", data
    )
    assert code == 1 and out == "" and "no release with the id or URL 'nope'" in err
    assert not (tmp_path / "none").exists()


async def test_requests_go_to_the_address_served_while_urls_stay_the_sites() -> None:
    with Site() as site:
        site.put("/fr/page", "<p>ici</p>")
        settings = FetchSettings(connect_to=(("https://www.example.org", site.base.rstrip("/")),))
        async with Fetcher(settings) as fetcher:
            response = await fetcher.get("https://www.example.org/fr/page", max_bytes=10_000)
        assert response.url == "https://www.example.org/fr/page"
        assert response.body == b"<p>ici</p>"
        assert site.count("/fr/page") == 1
        # other origins are left alone
        async with Fetcher(settings) as fetcher:
            with pytest.raises(Exception):  # noqa: B017 - any failure: nothing listens there
                await asyncio.wait_for(
                    fetcher.get("http://127.0.0.1:9/x", max_bytes=100), timeout=20
                )
        assert site.count("/x") == 0


def _old_style_sync(data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo synced as the previous schema stored it: ids were the items' keys."""
    database = paths.database_path(data, "demo")
    with monkeypatch.context() as patched:
        patched.setattr(sources, "release_id_for", lambda key: key)
        with SiteServer() as server, Store.open(database) as store:
            report = sync.run_sync(demo_profile(server.base_url), store, sections=False)
            assert report.new == 44
            assert store.get_release("demo-fr-0023") is not None
            store.set_read(["demo-fr-0023", "demo-fr-0021"], True)
            store.set_starred("demo-fr-0021", True)
            store.set_starred("not-yet-stored", True)  # a star kept for a release to come
    con = sqlite3.connect(database)
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    return database


def test_v4_gives_old_ids_their_short_form_and_keeps_state_and_contacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _old_style_sync(tmp_path / "data", monkeypatch)
    con = sqlite3.connect(database)
    old_ids = sorted(row[0] for row in con.execute("SELECT id FROM releases"))
    old_contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
    con.close()
    assert any(i.startswith("/") for i in old_ids) and "demo-fr-0023" in old_ids
    assert old_contacts > 0
    with Store.open(database) as store:
        assert store.schema_version == CURRENT_VERSION >= 4
        new_ids = sorted(r.id for r in store.iter_releases())
        assert new_ids == sorted(release_id_for(i) for i in old_ids)
        assert all(ID_SHAPE.fullmatch(i) for i in new_ids)
        read = store.get_release("demo-fr-0023")
        starred = store.get_release("demo-fr-0021")
        assert read is not None and read.read and not read.starred
        assert starred is not None and starred.read and starred.starred
        assert store.count(Query(starred=True)) == 1
        assert store.unread_count() == 42
        con = store._con
        assert con.execute("SELECT count(*) FROM contacts").fetchone()[0] == old_contacts
        orphans = con.execute(
            "SELECT count(*) FROM contacts WHERE id NOT IN (SELECT id FROM releases)"
        ).fetchone()[0]
        assert orphans == 0
        kept = con.execute(
            "SELECT starred FROM release_state WHERE id = ?", (release_id_for("not-yet-stored"),)
        ).fetchone()
        assert kept == (1,)
        with SiteServer() as server:
            report = sync.run_sync(demo_profile(server.base_url), store, sections=False)
        assert (report.new, report.updated) == (0, 0), report
        assert store.count(Query()) == 44


def test_url_lookup_finds_the_release(tmp_path: Path) -> None:
    with SiteServer() as server, Store.open(tmp_path / "db.sqlite3") as store:
        sync.run_sync(demo_profile(server.base_url), store, sections=False)
        some = next(store.iter_releases())
        assert store.find_release(some.url) == some
        assert store.find_release(some.url + "?other") is None
        assert store.find_release("https://elsewhere.example/") is None
        assert httpx.URL(some.url).port == DEMO_PORT


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_an_id_is_the_first_twelve_characters_of_the_whole_digests_base32(key: str) -> None:
    """The id encodes the digest's first 10 bytes only: the same characters as encoding it all."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    assert release_id_for(key) == base64.b32encode(digest).decode("ascii")[:12].lower()
