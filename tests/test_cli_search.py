"""`newsroom-tui search`: every flag is its filter typed after the query (the same results, the
same errors), run in-process flag by flag and through the real console script all together; a
filter value matching nothing is named on stderr with the closest stored values."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.cli import SEARCH_FLAGS, main
from newsroom_tui.demo.server import DEMO_PORT_ENV
from newsroom_tui.storage.store import Store

SCRIPT = Path(sys.executable).parent / "newsroom-tui"

FLAGS = [
    (["--section", "comm"], "section:comm"),
    (["--tag", "Afrique de l'Ouest"], 'tag:"Afrique de l\'Ouest"'),
    (["--tag", "clim"], "tag:clim"),
    (["--lang", "es"], "lang:es"),
    (["--since", "2025"], "since:2025"),
    (["--since", "2025-06"], "since:2025-06"),
    (["--until", "2025-06-30"], "until:2025-06-30"),
    (["--year", "2024"], "year:2024"),
    (["--unread"], "is:unread"),
    (["--starred"], "is:starred"),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo newsroom synced once, with a few releases read and starred."""
    folder = tmp_path_factory.mktemp("search-data")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DEMO_PORT_ENV, str(port))
        code, _, err = run("sync", "--profile", "demo", "--no-sections", "--data-dir", str(folder))
    assert code == 0, err
    with Store.open(paths.database_path(folder, "demo")) as store:
        ids = [r.id for r in store.iter_releases()]
        store.set_read(ids[::3], True)
        for rid in ids[::7]:
            store.set_starred(rid, True)
    yield folder


def found(data: Path, *argv: str) -> tuple[int, list[str]]:
    code, out, err = run("search", *argv, "--json", "--limit", "100", "--profile", "demo",
                         "--data-dir", str(data))  # fmt: skip
    assert code == 0, err
    payload = json.loads(out)
    return payload["total"], [hit["id"] for hit in payload["results"]]


def test_every_flag_is_tested() -> None:
    assert {argv[0].removeprefix("--") for argv, _ in FLAGS} == set(SEARCH_FLAGS)


@pytest.mark.parametrize(("flag", "typed"), FLAGS, ids=[typed for _, typed in FLAGS])
def test_each_flag_gives_what_its_filter_gives(data: Path, flag: list[str], typed: str) -> None:
    everything, _ = found(data, "")
    total, by_flag = found(data, "", *flag)
    assert (total, by_flag) == found(data, typed)
    assert total > 0
    if not typed.startswith("section:"):  # the demo has one section
        assert total < everything  # the filter left some releases out
    # with words, and after other filters, too
    assert found(data, "migrants", *flag) == found(data, f"migrants {typed}")


def test_all_flags_at_once_through_the_console_script(data: Path) -> None:
    def console(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SCRIPT), "search", *argv, "--json", "--profile", "demo", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

    flags = console(
        "--section", "communiques", "--lang", "fr", "--since", "2024", "--until", "2026-06",
        "--unread", "--tag", "afrique",
    )  # fmt: skip
    typed = console("section:communiques lang:fr since:2024 until:2026-06 is:unread tag:afrique")
    assert flags.returncode == typed.returncode == 0, flags.stderr + typed.stderr
    by_flags, by_text = json.loads(flags.stdout), json.loads(typed.stdout)
    assert by_flags["total"] > 0
    assert by_flags["results"] == by_text["results"] and by_flags["total"] == by_text["total"]
    assert flags.stderr == typed.stderr == ""

    bad_flag, bad_text = console("--since", "hier"), console("since:hier")
    assert bad_flag.returncode == bad_text.returncode == 2
    assert bad_flag.stdout == bad_text.stdout == ""
    assert (
        bad_flag.stderr
        == bad_text.stderr
        == (
            "newsroom-tui: invalid query: since: expects a date like 2024 or 2024-03 or 2024-03-15\n"
        )
    )


def test_a_value_matching_nothing_is_named_on_stderr(data: Path) -> None:
    code, out, err = run("search", "--tag", "climt", "--profile", "demo", "--data-dir", str(data))
    assert (code, out) == (0, "no results\n")
    assert (
        err
        == "newsroom-tui: tag:climt matches no tag; closest: tag:Climat, tag:Climate, tag:Clima\n"
    )
    code, out, err = run("search", "section:actu", "--json", "--profile", "demo",
                         "--data-dir", str(data))  # fmt: skip
    assert code == 0 and json.loads(out)["total"] == 0
    assert err.startswith("newsroom-tui: section:actu matches no section; ")
    assert err.count("\n") == 1


def test_an_unknown_key_is_a_usage_error(data: Path) -> None:
    code, out, err = run("search", "colour:red", "--profile", "demo", "--data-dir", str(data))
    assert (code, out) == (2, "")
    assert err.startswith("newsroom-tui: invalid query: unknown filter colour: (filters are ")
