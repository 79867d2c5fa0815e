"""`show --lang` across three loopback newsrooms and `show --diff` after the server changes a
page, through the command line against real syncs (sitekit's loopback server, real databases)."""

from __future__ import annotations

import json

import pytest

from newsroom_tui.storage.store import Store
from sitekit import Site
from versionsite import LONE, SLUGS, TITLES, cli, serve_newsrooms


def test_show_lang_reads_other_caches_and_fetches_what_none_holds() -> None:
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert rooms.sync("fr")[0] == 0
        assert rooms.sync("en")[0] == 0
        fr = rooms.release("fr")
        assert [link.language for link in fr.language_links] == ["en", "es", "fr"]

        # English: in the iom-en cache, nothing fetched.
        site.reset_counts()
        code, out, err = cli("show", fr.id, "--profile", "iom-fr", "--lang", "en")
        assert (code, err) == (0, "")
        assert out.startswith(f"# {TITLES['en']}\n")
        assert "Three weeks after Tropical Storm Ines" in out
        assert site.total_requests() == 0

        # Spanish: no cache holds it; fetched once, stored in the iom-es cache.
        assert not rooms.database("es").exists()
        code, out, err = cli("show", fr.id, "--profile", "iom-fr", "--lang", "es", "--json")
        assert code == 0
        shown = json.loads(out)
        assert shown["title"] == TITLES["es"] and shown["language"] == "es"
        assert [v["language"] for v in shown["language_versions"]] == ["en", "es", "fr"]
        assert "stored in the iom-es cache" in err
        assert site.count(SLUGS["es"]) == 1
        assert rooms.release("es").title == TITLES["es"]
        # The iom-es sync then finds it known and its page unchanged.
        code, out, _ = rooms.sync("es")
        assert code == 0 and "0 new" in out

        # Asked again, from the cache.
        site.reset_counts()
        code, out, _ = cli("show", fr.id, "--profile", "iom-fr", "--lang", "es")
        assert code == 0 and TITLES["es"] in out and site.total_requests() == 0

        # From the English release, the French one is in the iom-fr cache.
        en = rooms.release("en")
        code, out, _ = cli("show", en.id, "--profile", "iom-en", "--lang", "fr")
        assert code == 0 and out.startswith(f"# {TITLES['fr']}\n")

        code, out, err = cli("show", fr.id, "--profile", "iom-fr", "--lang", "de")
        assert code == 1 and out == ""
        assert err == "newsroom-tui: no de version: the page links en es fr\n"

        lone = rooms.release("fr", site.url(LONE))
        code, _, err = cli("show", lone.id, "--profile", "iom-fr", "--lang", "en")
        assert code == 1
        assert err == "newsroom-tui: this release's page links no version in another language\n"


def test_show_lang_offline_is_one_line() -> None:
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert rooms.sync("fr")[0] == 0
        fr_id = rooms.release("fr").id
    # The server is gone: the English version is in no cache and cannot be fetched.
    code, out, err = cli("show", fr_id, "--profile", "iom-fr", "--lang", "en")
    assert code == 1 and out == ""
    assert err.startswith("newsroom-tui: the en version could not be fetched: ")
    assert err.count("\n") == 1


def test_show_diff_after_the_server_changes_a_page() -> None:
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert rooms.sync("fr")[0] == 0
        fr = rooms.release("fr")
        code, _, err = cli("show", fr.id, "--profile", "iom-fr", "--diff")
        assert code == 1
        assert "no earlier version of this release is kept" in err

        # The site corrects a figure and the contact's phone number.
        html = site.resources[SLUGS["fr"]].body.decode("utf-8")
        edited = html.replace("30 000 personnes déplacées", "32 500 personnes déplacées").replace(
            "+999 40 12 34 56", "+999 40 65 43 21"
        )
        assert edited != html
        site.put(SLUGS["fr"], edited)
        rooms.touch_feed("fr")  # a sync reads the pages of the items its sources list
        code, out, _ = rooms.sync("fr")
        assert code == 0 and "1 updated" in out
        with Store.open(rooms.database("fr")) as store:
            assert store.get_release(fr.id).edit_unseen  # type: ignore[union-attr]

        code, out, err = cli("show", fr.id, "--profile", "iom-fr", "--diff")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0].startswith(f"--- {fr.id} (until ")
        assert lines[1] == f"+++ {fr.id} (now)"
        removed = [line for line in lines if line.startswith("-") and not line.startswith("---")]
        added = [line for line in lines if line.startswith("+") and not line.startswith("+++")]
        assert any("30 000 personnes déplacées" in line for line in removed)
        assert any("32 500 personnes déplacées" in line for line in added)
        assert any("+999 40 12 34 56" in line for line in removed)
        assert any("+999 40 65 43 21" in line for line in added)
        assert not any("Des points d'eau provisoires" in line for line in removed + added)
        with Store.open(rooms.database("fr")) as store:
            shown = store.get_release(fr.id)
            assert shown is not None and not shown.edit_unseen and shown.updated

        code, out, _ = cli("show", fr.id, "--profile", "iom-fr", "--diff", "--json")
        assert code == 0
        diff = json.loads(out)
        assert "30 000 personnes déplacées" in diff["previous"]["markdown"]
        assert diff["contact_changes"] == [
            {
                "change": "changed",
                "name": "Mireille Andrian",
                "details": ["phone: +999 40 12 34 56 → +999 40 65 43 21"],
            }
        ]
        assert diff["diff"].splitlines()[:2] == lines[:2]


def test_diff_and_lang_are_one_or_the_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli("show", "x", "--diff", "--lang", "en")
    assert stop.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
