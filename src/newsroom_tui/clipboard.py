"""System clipboard: hands text to wl-copy, xclip, xsel or pbcopy on stdin, never through a shell.

Textual's OSC 52 copy does not reach the clipboard in every terminal (macOS Terminal, some
multiplexers), so the app also offers the text to the first system tool found on PATH.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess

log = logging.getLogger(__name__)

TIMEOUT = 2.0
"""Seconds a clipboard tool may take; xclip and xsel fork a server and return at once."""

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, zero-width characters,
# soft hyphen, BOM, line/paragraph separators.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_UNSAFE_KEEP_NEWLINES = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


def clipboard_safe(text: str, *, multiline: bool = False) -> str:
    """The text without control, bidi or zero-width characters.

    With `multiline` (a vCard), newlines survive and CRLF line ends are written as CRLF;
    otherwise every line break is dropped too.
    """
    if multiline:
        lines = text.replace("\r\n", "\n").split("\n")
        cleaned = [_UNSAFE_KEEP_NEWLINES.sub("", line) for line in lines]
        joiner = "\r\n" if "\r\n" in text else "\n"
        return joiner.join(cleaned)
    return _UNSAFE.sub("", text)


def _candidates() -> list[tuple[str, list[str]]]:
    """(tool name, argument list) in order of preference for this session."""
    tools: list[tuple[str, list[str]]] = []
    if os.environ.get("WAYLAND_DISPLAY"):
        tools.append(("wl-copy", []))
    tools.append(("xclip", ["-selection", "clipboard"]))
    tools.append(("xsel", ["--clipboard", "--input"]))
    tools.append(("pbcopy", []))
    return tools


def copy_to_system(text: str) -> str | None:
    """Give `text` to the first system clipboard tool that works; its name, or None.

    The text goes on stdin and the command is an argument list, so nothing in it is interpreted.
    """
    for name, args in _candidates():
        path = shutil.which(name)
        if path is None:
            continue
        try:
            result = subprocess.run(  # argument list, no shell
                [path, *args],
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT,
                check=False,
                shell=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            log.info("clipboard tool %s failed: %s", name, error)
            continue
        if result.returncode == 0:
            return name
        log.info("clipboard tool %s exited with %s", name, result.returncode)
    return None
