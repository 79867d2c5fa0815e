"""The CLI is a display too: what it prints to a terminal (search, show, contacts; human, CSV
and vCard forms) carries no escape sequence, C1 or bidi control from the cache, even when the
database holds raw hostile text that never went through sync. JSON escapes them by itself."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_tui.models import Contact
from uifixtures import fill, profile, release

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "\x1b]0;PWNED\x07\x1b]52;c;UFdORUQ=\x07\x1b[2J\x1bP+q\x1b\\\x9b31m\u202eevil\u2066"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    contact = Contact("Jeanne Dupont", "OIM", ["+41 22 717 9111"], ["jdupont@iom.int"])
    item = release(
        1, "Sécurité placeholder", markdown="# Sécurité\n\nmigrants corps", contacts=(contact,)
    )
    db = fill(data, profile(), [item])
    con = sqlite3.connect(db)
    hostile_contacts = [
        {
            "name": f"Jeanne {HOSTILE}",
            "organization": f"OIM {HOSTILE}",
            "phones": [f"+41 {HOSTILE}"],
            "emails": ["jdupont@iom.int"],
        }
    ]
    with con:
        con.execute(
            "UPDATE releases SET title = ?, section = ? WHERE id = ?",
            (f"Sécurité {HOSTILE} titre", f"Rubrique {HOSTILE}", item.id),
        )
        con.execute(
            "UPDATE release_content SET markdown = ?, contacts = ?"
            " WHERE rk = (SELECT rk FROM releases WHERE id = ?)",
            (f"# Titre {HOSTILE}\n\nCorps {HOSTILE} fin", json.dumps(hostile_contacts), item.id),
        )
        con.execute(
            "UPDATE contacts SET name = ?, organization = ?, phones = ? WHERE id = ?",
            (f"Jeanne {HOSTILE}", f"OIM {HOSTILE}", json.dumps([f"+41 {HOSTILE}"]), item.id),
        )
    con.close()
    return data


def _cli(data: Path, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "newsroom_tui", *argv, "--data-dir", str(data)],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "migrants"),
        ("search",),
        ("show", "r000001"),
        ("contacts",),
        ("contacts", "--csv"),
        ("contacts", "--vcard"),
        ("show", "r000001", "--json"),
        ("search", "--json"),
        ("contacts", "--json"),
    ],
    ids=" ".join,
)
def test_cli_output_carries_no_control_characters(data_dir: Path, argv: tuple[str, ...]) -> None:
    out = _cli(data_dir, *argv)
    if argv[-1] in ("--csv", "--vcard"):
        out = out.replace("\r\n", "\n")  # both formats end lines with CRLF by definition
    if argv[-1] == "--json":
        json.loads(out)  # still valid JSON
    assert "PWNED" not in out or argv[-1] == "--json"  # terminated OSCs go whole
    assert not FORBIDDEN.search(out), repr(FORBIDDEN.search(out))


def test_json_keeps_the_data_while_escaping_what_a_terminal_would_act_on(
    data_dir: Path,
) -> None:
    out = _cli(data_dir, "show", "r000001", "--json")
    assert json.loads(out)["title"] == f"Sécurité {HOSTILE} titre"  # the data, unchanged
    assert "\\u009b" in out and "\\u202e" in out


def test_export_writes_what_every_other_output_shows(data_dir: Path, tmp_path: Path) -> None:
    out = _cli(data_dir, "export", str(tmp_path / "export"))
    assert out.startswith("1 release written to")
    (exported,) = (tmp_path / "export").iterdir()
    text = exported.read_text(encoding="utf-8")
    assert "PWNED" not in text and not FORBIDDEN.search(text), repr(FORBIDDEN.search(text))
    assert "Sécurité" in text and "Jeanne" in text and "Corps" in text  # the text itself stays
