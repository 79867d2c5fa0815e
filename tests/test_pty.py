"""Terminal safety end to end: the real app in a pseudo-terminal, fed hostile cached content.

The cache is filled through the real store (`Store.apply_batch` keeps text as given: sanitising is
sync's job on the way in), and more hostile text is written straight into the SQLite file, so what
is tested here is the display-side line of defence. The app is driven with real keys; every byte
it writes is captured and must carry no escape sequence, C1 control or bidi override from content.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.models import Contact
from ptyharness import PtyApp, escape_sequences, visible_text
from uifixtures import fill, profile, release, sample_releases

OSC_TITLE = "\x1b]0;PWNED-TITLE\x07"
OSC_CLIP = "\x1b]52;c;UFdORUQtQ0xJUA==\x07"
CSI_QUERIES = "\x1b[6n\x1b[21t\x1b[8;5;5t\x1b[2J"
DCS = "\x1bP+q544e\x1b\\"
C1 = "\x9b31m\x9d2;C1-TITLE\x9c"
BIDI = "\u202eevil\u202c \u2066iso\u2069"
UNTERMINATED = "\x1b]2;RAW-UNTERMINATED "
HOSTILE = f"{OSC_TITLE}{OSC_CLIP}{CSI_QUERIES}{DCS}{C1}{BIDI}{UNTERMINATED}"

# Everything a hostile sequence above would put on the wire (UTF-8 encoded where it is one char).
FORBIDDEN = [
    b"\x1b]0;",
    b"\x1b]2;",
    b"\x1b]52;",
    b"\x1bP",
    b"\x1b[6n",
    b"\x1b[21t",
    b"\x1b[8;5;5t",
    b"\x1b[2J",
    "\x9b".encode(),
    "\x9d".encode(),
    "\x9c".encode(),
    "\u202e".encode(),
    "\u2066".encode(),
    "\u2069".encode(),
]
# The only OSCs the app itself writes: pointer shape (22) and hyperlinks (8).
APP_OSC = re.compile(rb"\x1b\](?:22|8);")


def _hostile_data(data_dir: Path, *, hostile_titles: bool = True) -> None:
    bad = HOSTILE if hostile_titles else "plain"
    prof = profile()
    contact = Contact(
        f"Alice {HOSTILE}Martin", f"Bureau {OSC_TITLE}", [f"+41 22 {CSI_QUERIES}"], ["a@iom.int"]
    )
    hostile = release(
        90,
        f"Alerte ENGINE {bad} fin",
        published=datetime(2025, 1, 2, 9, 0, tzinfo=UTC),
        section=f"Section {OSC_TITLE}",
        tags=(f"Tag {OSC_CLIP}",),
        markdown=f"# Titre {OSC_TITLE}\n\nCorps ENGINEBODY {HOSTILE} suite.\n\n"
        f"[lien {OSC_CLIP}](https://www.iom.int/fr/x)\n",
        contacts=(contact,),
    )
    raw = release(91, "Alerte RAW placeholder", published=datetime(2025, 1, 1, 9, 0, tzinfo=UTC))
    db = fill(data_dir, prof, [*sample_releases(), hostile, raw])
    # Straight into the file, past every engine function.
    con = sqlite3.connect(db)
    contacts = [
        {
            "name": f"Bob {HOSTILE}",
            "organization": OSC_CLIP,
            "phones": [C1],
            "emails": [f"b{BIDI}@iom.int"],
        }
    ]
    with con:
        con.execute(
            "UPDATE releases SET title = ?, section = ? WHERE id = ?",
            (f"Alerte RAW {bad}", f"Rubrique {DCS}", raw.id),
        )
        con.execute(
            "UPDATE release_content SET markdown = ?, contacts = ?"
            " WHERE rk = (SELECT rk FROM releases WHERE id = ?)",
            (f"Corps RAWBODY {HOSTILE}\n\n{UNTERMINATED}tail", json.dumps(contacts), raw.id),
        )
        con.execute(
            "INSERT INTO release_tags(rk, tag_key, tag) SELECT rk, 'raw', ? FROM releases"
            " WHERE id = ?",
            (f"RawTag {OSC_TITLE}", raw.id),
        )
    con.close()


def _assert_clean(output: bytes) -> None:
    for needle in FORBIDDEN:
        assert needle not in output, f"{needle!r} from content reached the terminal"
    for sequence in escape_sequences(output):
        if sequence.startswith(b"\x1b]"):
            assert APP_OSC.match(sequence), f"unexpected OSC {sequence[:40]!r}"
    text = output.decode("utf-8", "replace")
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", text)


def _run_hostile_reader(
    tmp_path: Path, *, hostile_titles: bool, size: tuple[int, int] = (120, 40)
) -> None:
    data_dir = tmp_path / "data"
    _hostile_data(data_dir, hostile_titles=hostile_titles)
    with PtyApp(["--data-dir", str(data_dir), "--profile", "iom-fr"], size=size) as app:
        app.wait_for("Alerte ENGINE")
        app.wait_for("Alerte RAW")
        mark = len(app.output)
        app.send("\r")  # open the newest: the engine-stored hostile release
        app.wait_for("ENGINEBODY", start=mark)
        app.wait_for("Alice", start=mark)
        mark = len(app.output)
        app.send("n")  # next: the raw one
        app.wait_for("RAWBODY", start=mark)
        app.wait_for("Bob", start=mark)
        app.send("q")
        assert app.wait_exit() == 0
    output = bytes(app.output)
    _assert_clean(output)
    shown = visible_text(output)
    assert "PWNED" not in shown  # the terminated OSC went whole, payload included
    assert "tail" in shown  # an unterminated one does not swallow the text after it


def test_hostile_bodies_contacts_tags_never_reach_the_terminal(tmp_path: Path) -> None:
    _run_hostile_reader(tmp_path, hostile_titles=False)


def test_hostile_titles_never_reach_the_terminal(tmp_path: Path) -> None:
    _run_hostile_reader(tmp_path, hostile_titles=True)


def test_hostile_titles_and_sections_in_a_wide_terminal(tmp_path: Path) -> None:
    """Wide enough for the list's section column (hostile section names, raw and stored)."""
    _run_hostile_reader(tmp_path, hostile_titles=True, size=(220, 50))


def test_hostile_profile_name_in_the_header(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = (paths.package_dir() / "profiles" / "iom-fr.toml").read_text(encoding="utf-8")
    name = 'name = "Evil \\u001b]0;PWNED-TITLE\\u0007 Room \\u001b[6n [b]x[/b] \\u202eend"'
    evil = re.sub(r'(?m)^name = ".*"$', lambda _: name, source).replace(
        'id = "iom-fr"', 'id = "evil"'
    )
    profile_file = tmp_path / "evil.toml"
    profile_file.write_text(evil, encoding="utf-8")
    with PtyApp(["--data-dir", str(data_dir), "--profile", str(profile_file)]) as app:
        app.wait_for("Room")
        app.wait_for("[b]x[/b]")  # markup shown literally too
        app.send("q")
        assert app.wait_exit() == 0
    _assert_clean(bytes(app.output))


def test_a_burst_typed_in_one_write_goes_to_the_search_box(tmp_path: Path) -> None:
    """The real app in a real terminal: `/` and a word arrive in one read of the pty."""
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), sample_releases())
    db = paths.database_path(data_dir, profile().id)
    with PtyApp(["--data-dir", str(data_dir), "--profile", "iom-fr"]) as app:
        app.wait_for("Sécurité des migrants")
        mark = len(app.output)
        app.send("/migrants")  # one write: the app reads it as one burst
        app.wait_for("Journée internationale", start=mark)  # the results are listed
        app.wait_for("2 of 8 — “migrants”", start=mark)  # the whole word was searched
        app.send("\x1b")
        # escape: the search cleared, the whole list again (nothing drawn since the whole word
        # was searched says so; a lone ESC is told from a sequence after a short delay)
        app.wait_for("8 releases — all cached", start=len(app.output))
        mark = len(app.output)
        app.send("/\x1b[200~accord\x1b[201~")  # `/` and a bracketed paste, in one write
        app.wait_for("1 of 8", start=mark)  # the filter line counts the paste's results
        app.send("\x1b")
        app.wait_for("8 releases", start=len(app.output))
        app.send("q")
        assert app.wait_exit() == 0
    con = sqlite3.connect(db)
    try:
        touched = con.execute("SELECT count(*) FROM release_state").fetchone()[0]
        last_sync = con.execute("SELECT value FROM meta WHERE key = 'last_sync'").fetchone()
    finally:
        con.close()
    assert touched == 0  # nothing marked read or starred by the letters of "migrants"
    assert last_sync == ("2024-06-01T10:30:00",)  # and no sync started by its r
