"""The command line against the demo newsroom served on 127.0.0.1: exit codes and JSON shapes."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.cli import main
from newsroom_tui.demo.server import DEMO_PORT_ENV, SiteServer


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module", autouse=True)
def demo_port() -> Iterator[None]:
    """A free port for the demo server, the same for every sync of this module (the usual one
    may be taken by a demo running on this machine)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = os.environ.get(DEMO_PORT_ENV)
    os.environ[DEMO_PORT_ENV] = str(port)
    yield
    if before is None:
        del os.environ[DEMO_PORT_ENV]
    else:
        os.environ[DEMO_PORT_ENV] = before


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir holding the demo newsroom, synced once through the CLI for the whole module."""
    data = tmp_path_factory.mktemp("cli-data")
    code, out, err = run("sync", "--profile", "demo", "--data-dir", str(data))
    assert code == 0, err
    assert out.startswith("44 new, 0 updated"), out
    yield data


def test_second_sync_changes_nothing(synced: Path) -> None:
    code, out, _ = run("sync", "--profile", "demo", "--data-dir", str(synced))
    assert code == 0
    assert out.startswith("0 new, 0 updated")
    assert "nothing changed" in out


def test_search_folds_accents_and_prints_json(synced: Path) -> None:
    code, out, _ = run(
        "search", "securite", "--profile", "demo", "--data-dir", str(synced), "--json"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["query"] == "securite"
    assert payload["total"] >= 1 and len(payload["results"]) == min(payload["total"], 20)
    first = payload["results"][0]
    assert set(first) >= {"id", "title", "url", "published", "section", "snippet"}
    assert "sécurité" in first["snippet"].lower()


def test_search_filters_and_human_output(synced: Path) -> None:
    code, out, _ = run(
        "search",
        "",
        "--lang",
        "es",
        "--profile",
        "demo",
        "--data-dir",
        str(synced),
        "--limit",
        "50",
    )
    assert code == 0
    assert out.strip().endswith("5 of 5 results")


def test_malformed_query_is_a_usage_error(synced: Path) -> None:
    code, out, err = run("search", '"open', "--profile", "demo", "--data-dir", str(synced))
    assert code == 2
    assert out == ""
    assert err.startswith("newsroom-tui: invalid query: ") and err.count("\n") == 1
    assert "sqlite" not in err.lower()


def test_show_prints_markdown_and_json(synced: Path) -> None:
    _, out, _ = run("search", "Ouaka", "--profile", "demo", "--data-dir", str(synced), "--json")
    release_id = json.loads(out)["results"][0]["id"]
    code, text, _ = run("show", release_id, "--profile", "demo", "--data-dir", str(synced))
    assert code == 0
    assert text.startswith("# République centrafricaine")
    assert "## Contacts" in text
    code, raw, _ = run("show", release_id, "--json", "--profile", "demo", "--data-dir", str(synced))
    release = json.loads(raw)
    expected = {"id", "url", "title", "published", "language", "section", "tags"}
    assert set(release) >= expected | {"summary", "markdown", "updated", "contacts"}
    assert release["id"] == release_id and release["updated"] is False
    assert release["contacts"] and set(release["contacts"][0]) >= {
        "name",
        "organization",
        "phones",
        "emails",
    }


def test_show_unknown_id_exits_1(synced: Path) -> None:
    code, out, err = run("show", "no-such-id", "--profile", "demo", "--data-dir", str(synced))
    assert (code, out) == (1, "")
    assert "no release with the id or URL 'no-such-id'" in err


def test_export_and_contacts(synced: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        "export", str(tmp_path / "md"), "--profile", "demo", "--data-dir", str(synced)
    )
    assert code == 0 and out.startswith("44 releases written")
    assert len(list((tmp_path / "md").glob("*.md"))) == 44
    code, out, _ = run("contacts", "--json", "--profile", "demo", "--data-dir", str(synced))
    contacts = json.loads(out)
    assert code == 0 and len(contacts) >= 40
    emails = {e for c in contacts for e in c["emails"]}
    assert "iomsenegalmedia@iom.int" in emails
    code, out, _ = run(
        "contacts", "--vcard", "Dakar", "--profile", "demo", "--data-dir", str(synced)
    )
    assert code == 0 and out.count("BEGIN:VCARD") >= 1 and "Dakar" in out


def test_extract_local_file_json() -> None:
    page = next((paths.demo_site_dir() / "fr" / "news").glob("*.html"))
    code, out, _ = run("extract", str(page), "--profile", "demo", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["id"] is None
    assert payload["title"] and not payload["title"].endswith("migrations")
    assert payload["contacts"], "every demo release but two has contacts"


def test_extract_url_through_the_fetcher() -> None:
    page = next((paths.demo_site_dir() / "fr" / "news").glob("*.html"))
    with SiteServer(paths.demo_site_dir()) as server:
        base = server.base_url
        code, out, _ = run("extract", f"{base}fr/news/{page.stem}", "--json")
    payload = json.loads(out)
    assert code == 0
    assert payload["url"] == f"{base}fr/news/{page.stem}"
    assert payload["markdown"]


def test_unreachable_source_exits_3_and_names_it(tmp_path: Path) -> None:
    profile = tmp_path / "broken.toml"
    profile.write_text(
        'id = "broken"\nname = "Broken"\nlanguage = "fr"\nbase_url = "http://127.0.0.1:9/"\n'
        '[sources]\nfeeds = ["rss.xml"]\ndiscover = false\n',
        encoding="utf-8",
    )
    code, out, err = run("sync", "--profile", str(profile), "--data-dir", str(tmp_path / "d"))
    assert code == 3  # nothing could be reached: offline
    assert "newsroom-tui: failed: http://127.0.0.1:9/rss.xml: " in err
    assert out.startswith("0 new, 0 updated, 0 unchanged, 1 failed")


def test_invalid_profile_exits_2_with_one_line(tmp_path: Path) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text('id = "bad"\nname = 3\n', encoding="utf-8")
    code, out, err = run("search", "x", "--profile", str(profile))
    assert out == ""
    assert code == 2
    assert err == f"newsroom-tui: invalid profile: {profile}: name: expected a string, got int 3\n"


def test_profiles_lists_builtins() -> None:
    code, out, _ = run("profiles")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["demo", "iom-en", "iom-es", "iom-fr"]


def test_usage_error_exits_2_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsroom_tui", "search", "--limit", "zero"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "expected a number" in result.stderr


def test_errors_go_to_the_log_file_not_the_screen(tmp_path: Path) -> None:
    from newsroom_tui.logfile import get_logger, setup_logging

    log_file = setup_logging()
    assert log_file is not None and log_file.parent == paths.log_dir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from newsroom_tui.logfile import get_logger, setup_logging; setup_logging(); "
            "get_logger('newsroom_tui.x').error('boom for the log')",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == "" and result.stdout == ""
    assert "boom for the log" in log_file.read_text(encoding="utf-8")
    get_logger("newsroom_tui.cli").warning("in-process record")
    assert "in-process record" in log_file.read_text(encoding="utf-8")


def test_headlines_sync_then_a_full_sync_completes_the_pages(tmp_path: Path) -> None:
    data = str(tmp_path / "quick")
    code, out, _ = run(
        "sync", "--no-pages", "--no-sections", "--profile", "demo", "--data-dir", data
    )
    assert code == 0 and out.startswith("44 new, 0 updated"), out
    code, raw, _ = run("show", "demo-fr-0023", "--json", "--profile", "demo", "--data-dir", data)
    headline = json.loads(raw)
    assert headline["summary_only"] is True and headline["contacts"] == []
    code, out, _ = run("sync", "--profile", "demo", "--data-dir", data)
    assert code == 0 and out.startswith("0 new, 44 updated"), out
    code, raw, _ = run("show", "demo-fr-0023", "--json", "--profile", "demo", "--data-dir", data)
    full = json.loads(raw)
    assert full["summary_only"] is False and full["contacts"]
    assert full["updated"] is False  # completing a headline is not an edit
