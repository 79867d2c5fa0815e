"""The log file: tracebacks and details go here; the screen gets one line."""

from __future__ import annotations

import logging
from pathlib import Path

from newsroom_tui import paths

LOGGER_NAME = "newsroom_tui"
MAX_BYTES = 1_000_000
BACKUPS = 3
_configured: Path | None = None


class _LogFile(logging.Handler):
    """The rotating log file, opened when the first record arrives: most commands log nothing,
    and logging.handlers (with socket, pickle and queue) takes ~6 ms to import."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None
        self._unwritable = False

    def emit(self, record: logging.LogRecord) -> None:
        # Called with the handler's lock held, so the file is made once.
        if self._file is None:
            if self._unwritable:
                return
            from logging.handlers import RotatingFileHandler

            try:
                self._file = RotatingFileHandler(
                    self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
                )
            except OSError:
                self._unwritable = True  # records then go nowhere, never to the screen
                return
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the package's log records to a rotating file in the log directory.

    Returns the log file's path, or None when the directory cannot be written (logging then goes
    nowhere rather than to the screen).
    """
    global _configured
    target = paths.log_dir() / "newsroom-tui.log"
    if _configured == target:
        return _configured
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    # Records still propagate (so test tools that listen on the root logger see them); having a
    # handler here keeps Python's last-resort stderr handler from printing them on the screen.
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Made (or opened for appending) now, so that an unwritable file is known at start.
        with target.open("a", encoding="utf-8"):
            pass
    except OSError:
        logger.addHandler(logging.NullHandler())
        return None
    handler = _LogFile(target)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    _configured = target
    return target


def get_logger(name: str) -> logging.Logger:
    """A child of the package logger (`name` is usually `__name__`)."""
    short = name.removeprefix(f"{LOGGER_NAME}.")
    return logging.getLogger(f"{LOGGER_NAME}.{short}")
