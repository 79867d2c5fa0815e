"""Regular expressions compiled on first use instead of at import.

Compiling a pattern costs 0.1-2 ms in Python's `re`; a module that defines a dozen of them makes
every command that imports it slower, even one that never matches any. A module writes
`_WORD = lazy_compile(r"...")` where it would write `re.compile(r"...")`: the object stands for
the compiled pattern (`search`, `sub`, `pattern`, ...) and compiles it when one of those is
first asked for. After that each attribute is the compiled pattern's own (kept on the object),
so a match costs what it costs on a compiled pattern.

Only attribute access is delegated: a lazy pattern is not an `re.Pattern` instance, so hand
`.pattern` (not the object) to functions that take a pattern, such as `re.compile`.
"""

from __future__ import annotations

import re
from typing import Any, cast

_DELEGATED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    """A pattern compiled when one of its attributes is first read."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet on the object: compile, then keep the compiled
        # pattern's attributes here so that later reads are plain attribute reads.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        kept = vars(self)
        for attribute in _DELEGATED:
            kept[attribute] = getattr(compiled, attribute)
        return kept[name] if name in kept else getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
