"""Clipboard tools get the text literally on stdin; the browser allowlist refuses what it must."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsroom_tui import clipboard
from newsroom_tui.browser import open_in_browser
from newsroom_tui.clipboard import clipboard_safe, copy_to_system


def _fake_tool(directory: Path, name: str, store: Path, exit_code: int = 0) -> None:
    script = directory / name
    script.write_text(
        f'#!/bin/sh\ncat > "{store}"\nprintf "%s\\n" "$@" > "{store}.args"\nexit {exit_code}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def tool_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # Only the fake tools and /bin (for sh and cat) are reachable.
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/bin{os.pathsep}/usr/bin")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.chdir(tmp_path)
    return bin_dir


def _hide_real_tools(monkeypatch: pytest.MonkeyPatch, bin_dir: Path) -> None:
    real_which = clipboard.shutil.which

    def which(name: str) -> str | None:
        found = real_which(name)
        if found is None or Path(found).parent != bin_dir:
            return None
        return found

    monkeypatch.setattr(clipboard.shutil, "which", which)


def test_xclip_gets_text_on_stdin_literally(
    tool_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_real_tools(monkeypatch, tool_dir)
    store = tmp_path / "copied"
    _fake_tool(tool_dir, "xclip", store)
    text = "a@iom.int $(touch pwned) `touch pwned2`; touch pwned3 | cat"
    assert copy_to_system(text) == "xclip"
    assert store.read_text() == text
    assert (tmp_path / "copied.args").read_text().split() == ["-selection", "clipboard"]
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "pwned2").exists()
    assert not (tmp_path / "pwned3").exists()


def test_wayland_tool_first_when_wayland(
    tool_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_real_tools(monkeypatch, tool_dir)
    _fake_tool(tool_dir, "xclip", tmp_path / "x")
    _fake_tool(tool_dir, "wl-copy", tmp_path / "w")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert copy_to_system("hello") == "wl-copy"
    assert (tmp_path / "w").read_text() == "hello"
    assert not (tmp_path / "x").exists()


def test_failing_tool_falls_through_to_next(
    tool_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_real_tools(monkeypatch, tool_dir)
    _fake_tool(tool_dir, "xclip", tmp_path / "x", exit_code=1)
    _fake_tool(tool_dir, "xsel", tmp_path / "s")
    assert copy_to_system("é@iom.int") == "xsel"
    assert (tmp_path / "s").read_text(encoding="utf-8") == "é@iom.int"
    assert (tmp_path / "s.args").read_text().split() == ["--clipboard", "--input"]


def test_no_tool_returns_none(tool_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _hide_real_tools(monkeypatch, tool_dir)
    assert copy_to_system("x") is None


def test_clipboard_safe_removes_controls_bidi_and_zero_width() -> None:
    assert clipboard_safe("a\u202e@\u200biom\x1b.int\n\t\x07") == "a@iom.int"
    assert clipboard_safe("BEGIN:VCARD\r\nFN:A\u2066B\r\nEND:VCARD", multiline=True) == (
        "BEGIN:VCARD\r\nFN:AB\r\nEND:VCARD"
    )
    assert clipboard_safe("plain text") == "plain text"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "--help",
        "-https://example.org",
        "https://example.org/\x1b]52;c;AAAA\x07",
        "https://exa\u202emple.org",
        "http:///no-host",
        "https://",
        "example.org/no-scheme",
        "",
        "ftp://example.org/file",
    ],
)
def test_browser_refuses(url: str) -> None:
    opened: list[str] = []

    def opener(target: str) -> bool:
        opened.append(target)
        return True

    message = open_in_browser(url, opener=opener)
    assert message is not None
    assert message.startswith("Refused to open")
    assert "\x1b" not in message
    assert opened == []


@pytest.mark.parametrize(
    "url",
    ["https://www.iom.int/fr/news/x?a=1&b=$(touch%20p)", "http://127.0.0.1:8080/r;x"],
)
def test_browser_opens_exact_url(url: str) -> None:
    opened: list[str] = []

    def opener(target: str) -> bool:
        opened.append(target)
        return True

    assert open_in_browser(url, opener=opener) is None
    assert opened == [url]


def test_browser_reports_opener_failure() -> None:
    assert open_in_browser("https://example.org", opener=lambda url: False) == (
        "Could not start a browser"
    )

    def broken(url: str) -> bool:
        raise OSError("no display")

    assert open_in_browser("https://example.org", opener=broken) == (
        "Could not start a browser: no display"
    )
