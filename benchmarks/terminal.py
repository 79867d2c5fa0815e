"""The reader as a person sees it: the real console script in a pseudo-terminal, timed to the
frames it writes.

`Terminal` starts `newsroom-tui` on the slave side of a pty (120x40, TERM=xterm-256color), answers
the one query the app waits on (synchronised output, mode 2026, "supported"), and feeds every byte
it writes into a pyte screen. With synchronised output on, the app wraps each frame in
`ESC[?2026h ... ESC[?2026l`, which a terminal shows at once: the screen is looked at after each
frame (and after each quiet spell for output outside frames, before the app knows; a frame
begun and not yet ended is held, as a terminal holds it), so what is measured is what a person
would have seen and when its bytes arrived.

Measured over the benchmark database of N releases (`measure_terminal`):
- start-up: spawn to the first frame whose list shows the newest release's title, with the
  database's pages evicted from the page cache (cold) and right after another run (warm);
- opening a release (`enter` on the highlighted row, after `j`): key to the first frame that shows
  its whole title and the start of its first paragraph in the article pane, and every frame in
  between that showed only one of the two (a new title over the previous body, or the reverse),
  counted as torn;
- `G`: key to the first frame whose list shows a title of the last page (one that no title of
  the first page contains).
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import SCREEN, Stat, bench_profile_toml, database_path, log
from benchmarks.database import BuiltDatabase
from benchmarks.shapes import console_script

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "reset, but supported": the app then frames its updates
FRAME_START = b"\x1b[?2026h"
FRAME_END = b"\x1b[?2026l"
QUIET = 0.004
"""Seconds without output after which output outside a frame is looked at."""
HELD_FRAME = 1.0
"""Seconds a terminal waits for the end of a frame before it shows what came so far."""
SETTLE = 0.25
"""Seconds without output taken as "the app has finished drawing" between measurements."""

UI_LANG = "en"
"""The interface's language in the runs (it decides how the list writes dates)."""

Screen = list[str]


@dataclass
class Frame:
    at: float  # perf_counter when its last byte was read
    lines: Screen


class Terminal:
    """One run of the console script in a pty, read into a pyte screen frame by frame."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = SCREEN):
        import pyte

        columns, rows = size
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.pending = b""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {**env, "TERM": "xterm-256color", "COLUMNS": str(columns)}
        environment["LINES"] = str(rows)
        for name in ("TEXTUAL", "NO_COLOR"):
            environment.pop(name, None)

        def controlling_tty() -> None:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.spawned = time.perf_counter()
        self.process = subprocess.Popen(
            [console_script(), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            preexec_fn=controlling_tty,
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        os.close(self.master)

    def send(self, data: bytes) -> float:
        """Type `data`; the time it was written."""
        os.write(self.master, data)
        return time.perf_counter()

    def frames(self, timeout: float) -> Any:
        """Yield each frame (the whole screen) as it completes, until `timeout` seconds pass."""
        deadline = time.perf_counter() + timeout
        last_read = time.perf_counter()
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], min(remaining, QUIET))
            if not ready:
                # Output outside a frame, quiet since: a terminal shows it. The start of a frame
                # whose end has not come yet is held, as a terminal holds it (the app's output
                # thread may write a frame in pieces), unless its end is long overdue.
                held = FRAME_START in self.pending
                if self.pending and (not held or time.perf_counter() - last_read > HELD_FRAME):
                    self._feed(self.pending)
                    self.pending = b""
                    yield Frame(time.perf_counter(), self.lines())
                continue
            try:
                chunk = os.read(self.master, 1 << 20)
            except OSError:
                return
            if not chunk:
                return
            read_at = last_read = time.perf_counter()
            if SYNC_QUERY in chunk:
                os.write(self.master, SYNC_REPLY)
            data = self.pending + chunk
            while (end := data.find(FRAME_END)) >= 0:
                self._feed(data[: end + len(FRAME_END)])
                data = data[end + len(FRAME_END) :]
                yield Frame(read_at, self.lines())
            self.pending = data

    def _feed(self, data: bytes) -> None:
        # pyte reads the sequences it knows; the app's private modes it ignores are harmless.
        self.stream.feed(data)

    def lines(self) -> Screen:
        return list(self.screen.display)

    def wait(self, condition: Callable[[Screen], bool], timeout: float) -> Frame:
        """The first frame that meets `condition`."""
        for frame in self.frames(timeout):
            if condition(frame.lines):
                return frame
        raise TimeoutError("the terminal never showed it:\n" + "\n".join(self.lines()))

    def settle(self, quiet: float = SETTLE, timeout: float = 30.0) -> None:
        """Read until the app has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                if self.pending:
                    self._feed(self.pending)
                    self.pending = b""
                return
            for _frame in self.frames(quiet):
                pass


def find(lines: Screen, text: str) -> tuple[int, int] | None:
    """(row, column) of `text` on the screen, else None."""
    for row, line in enumerate(lines):
        column = line.find(text)
        if column >= 0:
            return row, column
    return None


# --- what is measured ------------------------------------------------------------------------


@dataclass
class TerminalFigures:
    n: int
    first_frame_cold: Stat = field(default_factory=Stat)
    first_frame_warm: Stat = field(default_factory=Stat)
    open_release: Stat = field(default_factory=Stat)
    open_torn: int = 0
    open_torn_late: int = 0
    """Of those, frames that came after the article's hold limit (HOLD_LIMIT) ran out: the
    header painted first by design, on a machine too busy to parse the body in time."""
    """Frames, over every opening, that showed the new title without its body or the reverse."""
    opens: int = 0
    key_end: Stat = field(default_factory=Stat)
    errors: list[str] = field(default_factory=list)


_MARKUP = re.compile(r"\]\([^)]*\)|[*_`\[\]]")


def _first_paragraph(markdown: str) -> str:
    for block in markdown.split("\n\n"):
        block = block.strip()
        if block and block[0] not in "#-|>*" and not block[0].isdigit():
            return " ".join(_MARKUP.sub("", block).split())
    return ""


@dataclass(frozen=True)
class Shown:
    title: str
    paragraph: str


def _norm(text: str) -> str:
    return " ".join(text.split())


def _expected(db: Path, count: int) -> tuple[list[Shown], re.Pattern[str]]:
    """The first `count` releases of the default list (what `j`/`enter` open), and a pattern for
    a row of the list's last page that no row of its first page matches (what `G` shows)."""
    from newsroom_tui.query import Query
    from newsroom_tui.storage.store import Store

    store = Store.open(db, check=False)
    try:
        query = Query()
        total = store.count(query)
        shown = []
        for row in store.rows(query, 0, count):
            release = store.get_release(row.id)
            assert release is not None
            markdown = release.markdown or release.summary or release.text
            shown.append(Shown(_norm(release.title), _first_paragraph(markdown)[:150]))
        first_page = {_row_probe(row) for row in store.rows(query, 0, SCREEN[1])}
        for row in reversed(store.rows(query, max(0, total - 10), 10)):
            if _row_probe(row) not in first_page:
                date, title = _row_probe(row)
                return shown, re.compile(re.escape(date) + r" +" + re.escape(title))
        raise RuntimeError("no row of the last page tells it from the first")
    finally:
        store.close()


def _row_probe(row: Any) -> tuple[str, str]:
    """What a list row shows first, narrow as it is beside an open article: date, title start."""
    from newsroom_tui.local_formats import format_short_date

    date = format_short_date(row.published.date(), UI_LANG) if row.published else "—"
    return date, _norm(row.title)[:14]


_BARS = re.compile("[\u2580-\u259f]")
"""Block elements: the scrollbars' thumbs and the panes' edges, drawn beside the text."""


def _pane(lines: Screen, column: int) -> str:
    """The text of the screen right of `column`, lines joined as the wrapping split them."""
    return _norm(_BARS.sub(" ", " ".join(line[column:] for line in lines)))


def _evict(paths: list[Path]) -> None:
    """Drop the files' pages from the page cache (what a first start after a reboot sees)."""
    for path in paths:
        if not path.exists():
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _run(
    args: list[str],
    env: dict[str, str],
    opened: list[Shown],
    last_page: re.Pattern[str],
    figures: TerminalFigures,
    *,
    cold: bool,
    keys: bool,
) -> None:
    from newsroom_tui.widgets.article_view import HOLD_LIMIT

    terminal = Terminal(args, env)
    try:
        newest = opened[0].title[:32]
        first = terminal.wait(lambda lines: find(lines, newest) is not None, 60.0)
        stat = figures.first_frame_cold if cold else figures.first_frame_warm
        stat.add(first.at - terminal.spawned)
        if not keys:
            return
        terminal.settle()
        column: int | None = None  # the article pane's left edge, found on the first opening
        for index, release in enumerate(opened):
            if index:
                terminal.send(b"j")
                terminal.settle()
            pressed = terminal.send(b"\r")
            for frame in terminal.frames(30.0):
                if column is None:
                    spot = find(frame.lines, release.paragraph[:24])
                    if spot is None:
                        continue
                    column = spot[1]
                pane = _pane(frame.lines, column)
                has_title, has_body = release.title in pane, release.paragraph in pane
                if has_title and has_body:
                    figures.open_release.add(frame.at - pressed)
                    figures.opens += 1
                    break
                if has_title or has_body:
                    figures.open_torn += 1
                    figures.open_torn_late += frame.at - pressed >= HOLD_LIMIT
            else:
                figures.errors.append(f"opening {release.title[:40]!r}: never shown whole")
            terminal.settle()
        terminal.send(b"\x1b")  # the focus back on the list
        terminal.settle()
        for _ in range(3):
            terminal.send(b"g")
            terminal.settle()
            pressed = terminal.send(b"G")
            frame = terminal.wait(lambda lines: any(map(last_page.search, lines)), 30.0)
            figures.key_end.add(frame.at - pressed)
    finally:
        terminal.close()


def measure_terminal(n: int, database: BuiltDatabase, work: Path, reps: int) -> TerminalFigures:
    """Start-up (cold and warm), opening releases and `G`, through the real console script."""
    figures = TerminalFigures(n)
    config = work / "terminal-config"
    (config / "log").mkdir(parents=True, exist_ok=True)
    profile = work / "terminal-bench.toml"
    profile.write_text(bench_profile_toml("http://127.0.0.1:9/"), encoding="utf-8")
    db = database_path(database.data_dir)
    opened, last_page = _expected(db, 4)
    env = {
        **os.environ,
        "NEWSROOM_TUI_CONFIG_DIR": str(config),
        "NEWSROOM_TUI_LOG_DIR": str(config / "log"),
    }
    args = ["--profile", str(profile), "--data-dir", str(database.data_dir), "--ui-lang", UI_LANG]
    files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    for rep in range(reps):
        _evict(files)
        _run(args, env, opened, last_page, figures, cold=True, keys=False)
        _run(args, env, opened, last_page, figures, cold=False, keys=rep < 3)
    log(
        f"terminal {n:,}: first frame cold {figures.first_frame_cold.median * 1000:.0f} ms, "
        f"warm {figures.first_frame_warm.median * 1000:.0f} ms, open "
        f"{figures.open_release.median * 1000:.0f} ms ({figures.open_torn} torn frames), "
        f"G {figures.key_end.median * 1000:.0f} ms"
    )
    return figures


# --- report ------------------------------------------------------------------------------------

TARGET_FIRST_FRAME = 0.400
TARGET_OPEN = 0.100
TARGET_KEY_END = 0.100


def _ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def terminal_targets(
    figures: TerminalFigures | None,
) -> list[tuple[str, str, str, bool | None]]:
    """(target, measured, N, met?) rows for the summary table."""
    if figures is None:
        return []
    n = f"{figures.n:,}"
    rows: list[tuple[str, str, str, bool | None]] = []
    if figures.first_frame_warm.samples:
        worst = max(figures.first_frame_warm.median, figures.first_frame_cold.median)
        rows.append(
            (
                "reader in a terminal: first frame with release rows <= 400 ms (cold and warm)",
                f"cold {_ms(figures.first_frame_cold.median)}, "
                f"warm {_ms(figures.first_frame_warm.median)}",
                n,
                worst <= TARGET_FIRST_FRAME,
            )
        )
    if figures.open_release.samples:
        rows.append(
            (
                "reader in a terminal: open a release, title and first paragraph together "
                "<= 100 ms, no torn frame",
                f"median {_ms(figures.open_release.median)}, max "
                f"{_ms(figures.open_release.high)}; {figures.open_torn} torn frames in "
                f"{figures.opens} openings",
                n,
                figures.open_release.median <= TARGET_OPEN and figures.open_torn == 0,
            )
        )
    if figures.key_end.samples:
        rows.append(
            (
                "reader in a terminal: G <= 100 ms",
                f"median {_ms(figures.key_end.median)}, max {_ms(figures.key_end.high)}",
                n,
                figures.key_end.high <= TARGET_KEY_END,
            )
        )
    return rows


def report_terminal(
    figures: TerminalFigures | None, in_process: Any, add: Callable[[str], None]
) -> None:
    """The section "The reader as a person sees it", with the in-process figures beside it."""
    add(f"## 4b. The reader as a person sees it ({SCREEN[0]}x{SCREEN[1]}, in a pseudo-terminal)")
    add("")
    if figures is None:
        add("Not measured in this run.")
        add("")
        return
    add(
        "The real `newsroom-tui` console script in a pty, its output read into a terminal "
        "emulator (pyte) frame by frame; each time runs from the spawn or the key press to the "
        "first frame that shows the result (benchmarks/terminal.py). Cold: the database's pages "
        "dropped from the page cache before the start."
    )
    add("")
    add("| N | figure | in a terminal (median (min–max, runs)) | in process |")
    add("|---|---|---|---|")
    n = f"{figures.n:,}"
    startup = getattr(in_process, "startup", None)
    session = getattr(in_process, "session", {}) or {}
    opened = Stat(
        [r[0] for key in ("open_typical", "open_typical_unread") for r in session.get(key, [])]
    )
    jumps = Stat(session.get("key_jump", []))
    add(
        f"| {n} | start-up to the first frame with release rows, cold "
        f"| {figures.first_frame_cold.show(1000, 0, ' ms')} | |"
    )
    add(
        f"| {n} | start-up to the first frame with release rows, warm "
        f"| {figures.first_frame_warm.show(1000, 0, ' ms')} "
        f"| {startup.show(1000, 0, ' ms') if startup and startup.samples else 'n/a'} |"
    )
    add(
        f"| {n} | enter → title and first paragraph shown together "
        f"| {figures.open_release.show(1000, 0, ' ms')} "
        f"| {opened.show(1000, 0, ' ms') if opened.samples else 'n/a'} |"
    )
    add(
        f"| {n} | frames with the new title over the old body (or the reverse) | {figures.open_torn} in {figures.opens} openings ({figures.open_torn_late} after the hold limit) | |"
    )
    add(
        f"| {n} | G → a row of the last page shown | {figures.key_end.show(1000, 0, ' ms')} "
        f"| {jumps.show(1000, 0, ' ms') if jumps.samples else 'n/a'} |"
    )
    for error in figures.errors:
        add("")
        add(f"- {error}")
    add("")
