"""Opening links in the user's browser: only absolute http(s) URLs with a host, never via a shell.

Python's `webbrowser` builds argument lists too, but on macOS it embeds the URL in an AppleScript
and on some platforms it honours `BROWSER` templates; calling `xdg-open` / `open` directly with
the validated URL as the only argument keeps what runs obvious. `webbrowser` is the fallback.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import webbrowser
from collections.abc import Callable

from newsroom_tui.i18n import _
from newsroom_tui.sanitise import refusal_reason, safe_url

log = logging.getLogger(__name__)

Opener = Callable[[str], bool]
"""Launches a browser on an already validated URL; True when something was started."""


def system_opener(url: str) -> bool:
    """Start xdg-open (Linux/BSD) or open (macOS) with the URL as its one argument."""
    tool = "open" if sys.platform == "darwin" else "xdg-open"
    path = shutil.which(tool)
    if path is None:
        return webbrowser.open(url)
    try:
        subprocess.Popen(  # argument list, no shell, URL validated
            [path, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            shell=False,
        )
    except OSError as error:
        log.info("%s failed: %s", tool, error)
        return webbrowser.open(url)
    return True


def command_opener(argv: tuple[str, ...]) -> Opener:
    """An opener that starts the settings' browser command with the URL as its last argument
    (an argument list, never a shell)."""

    def launch(url: str) -> bool:
        subprocess.Popen(  # argument list, no shell, URL validated
            [*argv, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            shell=False,
        )
        return True

    return launch


def open_in_browser(url: str, opener: Opener | None = None) -> str | None:
    """Open `url` if it passes the allowlist; None on success, else one line saying why not."""
    allowed = safe_url(url)
    if allowed is None:
        return _("Refused to open: {reason}").format(reason=refusal_reason(url))
    launch = opener if opener is not None else system_opener
    try:
        started = launch(allowed)
    except (OSError, webbrowser.Error) as error:
        log.info("opening %s failed: %s", allowed, error)
        return _("Could not start a browser: {error}").format(error=error)
    if not started:
        return _("Could not start a browser")
    return None
