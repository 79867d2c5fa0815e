"""Run the real newsroom-tui in a pseudo-terminal and keep every byte it writes.

`PtyApp` starts `python -m newsroom_tui ...` on the slave side of a fresh pty (its own session,
the pty as controlling terminal, TERM=xterm-256color, a fixed size), reads the master side in the
test's thread, answers nothing, and lets the test type keys. `wait_for` reads until a marker shows
up in the *visible* text (escape sequences stripped), bounded by a timeout; nothing here sleeps
for a fixed time.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

# What a terminal would act on, used only to make the captured output readable for markers.
_SEQUENCES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b[\]PX^_].*?(?:\x07|\x1b\\)"  # OSC, DCS, SOS, PM, APC
    rb"|\x1b[ -/]*[0-~]",  # other escapes
    re.DOTALL,
)


def visible_text(data: bytes) -> str:
    """The printable text of terminal output, sequences removed (for finding markers)."""
    return _SEQUENCES.sub(b"", data).decode("utf-8", "replace")


def escape_sequences(data: bytes) -> list[bytes]:
    """Every ESC-introduced sequence in terminal output, in order."""
    return [m.group(0) for m in _SEQUENCES.finditer(data) if m.group(0).startswith(b"\x1b")]


class PtyApp:
    """One run of the app in a pty. Use as a context manager; the child is killed on exit."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (120, 40),
        cwd: Path | None = None,
    ) -> None:
        self.output = bytearray()
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = dict(os.environ if env is None else env)
        environment.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)})
        environment.pop("TEXTUAL", None)
        environment.pop("NO_COLOR", None)

        def controlling_tty() -> None:  # runs in the child after setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsroom_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=controlling_tty,  # the child execs right after
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    # --- reading ---------------------------------------------------------------------------------
    def _read_some(self, timeout: float) -> bool:
        """Read what is available within `timeout`; False once the child closed the pty."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every slave descriptor is closed
            return False
        if not chunk:
            return False
        self.output += chunk
        return True

    def wait_for(self, marker: str, *, timeout: float = 30.0, start: int = 0) -> None:
        """Read until `marker` is in the visible text after byte `start`, or fail."""
        deadline = time.monotonic() + timeout
        while marker not in visible_text(bytes(self.output[start:])):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"{marker!r} did not appear within {timeout} s; last output:\n"
                    + visible_text(bytes(self.output[-3000:]))
                )
            if not self._read_some(min(remaining, 0.2)) and marker not in visible_text(
                bytes(self.output[start:])
            ):
                raise AssertionError(
                    f"the app ended before {marker!r} appeared:\n"
                    + visible_text(bytes(self.output[-3000:]))
                )

    def wait_exit(self, *, timeout: float = 20.0) -> int:
        """Read until the child exits (draining the pty); its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alive = self._read_some(0.1)
            code = self.process.poll()
            if code is not None and not alive:
                return code
            if code is not None:
                while self._read_some(0.05) and select.select([self.master], [], [], 0)[0]:
                    pass
                return code
        raise AssertionError("the app did not exit in time")

    # --- typing ----------------------------------------------------------------------------------
    def send(self, data: str | bytes) -> None:
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    # --- lifecycle -------------------------------------------------------------------------------
    def __enter__(self) -> PtyApp:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        os.close(self.master)
