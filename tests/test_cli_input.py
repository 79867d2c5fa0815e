"""Input that once crashed the command line with "unexpected error" now gets its one line and
the right exit code, through the installed console script: a profile nested too deeply or with a
malformed URL (2), an id that is not UTF-8 (1), a --limit too large for the database (2); and a
word to exclude (`-sahel`) is part of the query wherever it stands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_tui.models import Release
from newsroom_tui.profiles import load_profile
from uifixtures import fill, release

CONSOLE_SCRIPT = Path(sys.executable).with_name("newsroom-tui")
VALID = """id = "local"
name = "Local"
language = "fr"
base_url = "{base}"
[sources]
feeds = ["{feed}"]
discover = false
"""


def cli(*argv: str | bytes, data: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = os.environ.copy()
    if data is not None:
        env["NEWSROOM_TUI_DATA_DIR"] = str(data)
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *argv], capture_output=True, timeout=60, check=False, env=env
    )


def one_line(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert "unexpected error" not in err and "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_nested_too_deeply_is_an_invalid_profile(tmp_path: Path) -> None:
    path = write(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    done = cli("sync", "--profile", str(path))
    assert done.returncode == 2
    assert one_line(done) == (
        f"newsroom-tui: invalid profile: {path}: invalid TOML: arrays or tables nested too deeply"
    )


def test_a_menu_nested_too_deeply_names_its_key(tmp_path: Path) -> None:
    text = VALID.format(base="https://example.org/", feed="/rss.xml")
    for depth in range(25):
        text += "[[menu" + ".children" * depth + "]]\n" + f'label = "Niveau {depth}"\n'
    path = write(tmp_path, text)
    done = cli("sync", "--profile", str(path))
    assert done.returncode == 2
    line = one_line(done)
    assert line.startswith(f"newsroom-tui: invalid profile: {path}: menu[0].children[0]")
    assert line.endswith("menus nest at most 20 levels")


@pytest.mark.parametrize(
    ("base", "feed", "key", "message"),
    [
        ("http://[::1", "/rss.xml", "base_url", "malformed URL: http://[::1"),
        ("https://example.org/", "http://[::1/f", "sources.feeds[0]", "malformed URL"),
        ("https://example.org/", "http://example.org:99999/", "sources.feeds[0]", "port out"),
        ("https://example.org:0/", "/rss.xml", "base_url", "port out of range (1-65535)"),
        ("https://user:pw@example.org/", "/rss.xml", "base_url", "user name or password"),
    ],
)
def test_a_profile_url_no_connection_can_use_names_its_key(
    tmp_path: Path, base: str, feed: str, key: str, message: str
) -> None:
    path = write(tmp_path, VALID.format(base=base, feed=feed))
    done = cli("sync", "--profile", str(path))
    assert done.returncode == 2
    line = one_line(done)
    assert line.startswith(f"newsroom-tui: invalid profile: {path}: {key}: "), line
    assert message in line


def test_an_id_that_is_not_utf8_is_not_found(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(data, load_profile("iom-fr"), [release(1, "Sahel")])
    done = cli(b"show", b"\xff", data=data)
    assert done.returncode == 1
    assert (
        one_line(done) == "newsroom-tui: no release with id '\ufffd' (ids are printed by `search`)"
    )
    done = cli(b"search", b"x", b"--section", b"\xfe", data=data)
    assert done.returncode == 0 and done.stdout == b"no results\n"


def test_a_limit_too_large_for_the_database_is_a_usage_error(tmp_path: Path) -> None:
    done = cli("search", "x", "--limit", "9223372036854775808", data=tmp_path / "data")
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "unexpected error" not in err and "Traceback" not in err
    assert err.splitlines()[-1] == (
        "newsroom-tui search: error: argument --limit: must be at most 1,000,000"
    )


def _released(number: int, title: str, body: str) -> Release:
    return release(number, title, markdown=f"# {title}\n\n{body}\n")


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "-sahel"),
        ("search", "--limit", "5", "-sahel"),
        ("search", "-sahel", "--order", "newest"),
        ("search", "--", "-sahel"),
        ("--profile", "iom-fr", "search", "-sahel"),
    ],
    ids=" ".join,
)
def test_a_word_to_exclude_works_as_the_first_word(tmp_path: Path, argv: tuple[str, ...]) -> None:
    data = tmp_path / "data"
    fill(
        data,
        load_profile("iom-fr"),
        [
            _released(1, "Inondations au Sahel", "Les pluies au Sahel."),
            _released(2, "Retour à Dakar", "Des familles rentrent."),
            _released(3, "Tunis accueille", "Une conférence régionale."),
        ],
    )
    done = cli(*argv, data=data)
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "Sahel" not in out
    assert "Retour à Dakar" in out and "Tunis accueille" in out
    assert out.splitlines()[-1] == "2 of 2 results"


def test_a_word_to_exclude_after_other_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(
        data,
        load_profile("iom-fr"),
        [
            _released(1, "Inondations au Sahel", "Des familles et les pluies au Sahel."),
            _released(2, "Retour à Dakar", "Des familles rentrent."),
        ],
    )
    done = cli("search", "familles", "-sahel", "--json", data=data)
    assert done.returncode == 0, done.stderr.decode()
    assert b'"total": 1' in done.stdout and b"Dakar" in done.stdout
