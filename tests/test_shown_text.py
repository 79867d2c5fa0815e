"""No text is shown to a person without passing through the catalogues.

The places where text reaches the screen or the terminal (notifications, widgets' content,
bindings' descriptions, dialog titles, the CLI's prints, errors and argparse help) are found in
the syntax tree of each interface module: a word written there as a plain literal (or an
f-string with words in it) is untranslated. Text passed through `_()`, `ngettext()` or marked
with `N_()` (translated where shown) is what the catalogues hold; the catalogue test checks
those are translated.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import newsroom_tui

PACKAGE = Path(newsroom_tui.__file__).parent
CHECKED = ["cli.py"]
"""The modules whose every shown string must be translated."""

SINK_CALLS = {
    "notify",
    "print",
    "CliError",
    "ArgumentTypeError",
    "Static",
    "Label",
    "Button",
    "set_message",
    "show_message",
    "update",
    "error",
}
"""Calls whose first argument is shown as it is."""
SINK_KEYWORDS = {
    "help",
    "description",
    "title",
    "placeholder",
    "tooltip",
    "label",
    "message",
    "prompt",
}
SINK_ATTRIBUTES = {"border_title", "border_subtitle", "tooltip", "sub_title"}
WORD = re.compile(r"[A-Za-z]{2,}")
NOT_WORDS = re.compile(r"newsroom-tui|\\[nrt]")


def has_words(node: ast.expr) -> bool:
    """A literal (or the literal parts of an f-string) that holds a word."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(NOT_WORDS.sub("", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return has_words(node.left) or has_words(node.right)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of each word shown without translation."""
    found: list[tuple[int, str]] = []

    def flag(node: ast.expr) -> None:
        if has_words(node):
            found.append((node.lineno, ast.unparse(node)))

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in SINK_CALLS and node.args:
                flag(node.args[0])
            if name == "Binding" and len(node.args) >= 3:
                flag(node.args[2])
            for keyword in node.keywords:
                if keyword.arg in SINK_KEYWORDS:
                    flag(keyword.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in SINK_ATTRIBUTES:
                    flag(node.value)
                if isinstance(target, ast.Name) and target.id == "BINDINGS":
                    for item in getattr(node.value, "elts", []):
                        if isinstance(item, ast.Tuple) and len(item.elts) >= 3:
                            flag(item.elts[2])
        elif isinstance(node, ast.AnnAssign):
            target = node.target
            if isinstance(target, ast.Name) and target.id == "BINDINGS" and node.value:
                for item in getattr(node.value, "elts", []):
                    if isinstance(item, ast.Tuple) and len(item.elts) >= 3:
                        flag(item.elts[2])
    return found


@pytest.mark.parametrize("module", CHECKED)
def test_shown_text_goes_through_the_catalogues(module: str) -> None:
    found = untranslated((PACKAGE / module).read_text(encoding="utf-8"))
    assert not found, "\n".join(f"{module}:{line}: {text}" for line, text in found)


@pytest.mark.parametrize(
    "code",
    [
        'self.notify("Copied")',
        'self.notify(f"Copied {what}")',
        'print("no results", file=out)',
        'Binding("q", "quit", "Quit")',
        'BINDINGS = [("q", "quit", "Quit")]',
        'p.add_argument("--json", help="print JSON")',
        'self.border_title = "Contacts"',
        'raise CliError("not " + "found")',
    ],
)
def test_the_check_sees_plain_words(code: str) -> None:
    assert untranslated(code)


@pytest.mark.parametrize(
    "code",
    [
        'self.notify(_("Copied"))',
        'self.notify(_("Copied {what}").format(what=what))',
        'print(f"{day}  {title}", file=out)',
        'print("newsroom-tui: " + _("interrupted"), file=err)',
        'Binding("q", "quit", N_("Quit"))',
        'BINDINGS = [("q", "quit", N_("Quit"))]',
        'self.notify(" · ".join(parts))',
    ],
)
def test_the_check_lets_translated_text_through(code: str) -> None:
    assert not untranslated(code)
