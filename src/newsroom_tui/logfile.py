"""The log file: tracebacks and details go here; the screen gets one line."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from newsroom_tui import paths

LOGGER_NAME = "newsroom_tui"
_configured: Path | None = None


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
        handler: logging.Handler = RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        logger.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    _configured = target
    return target


def get_logger(name: str) -> logging.Logger:
    """A child of the package logger (`name` is usually `__name__`)."""
    short = name.removeprefix(f"{LOGGER_NAME}.")
    return logging.getLogger(f"{LOGGER_NAME}.{short}")
