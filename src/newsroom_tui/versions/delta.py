"""Earlier versions of a release kept compact: each as a compressed delta against the version
that replaced it.

A version is a document of lines: its title, its contacts (one line of JSON), then the lines of
its Markdown (`document`). When a sync finds a release edited, the version it replaces is stored
as the edit script that turns the new document back into the old one (`encode`): runs of lines
kept, runs skipped, and the old lines that differ, compressed. Releases are usually edited in a
sentence or a figure, so a delta is a few hundred bytes where the text is several kilobytes.

Deltas run backwards in a chain: the latest version is the release itself, the previous one is
`apply(latest, newest delta)`, the one before `apply(previous, next delta)`, and so on. The
oldest delta can be dropped without touching the others, which keeps the number per release
bounded. A damaged delta raises `DeltaError` (one line), never anything else.
"""

from __future__ import annotations

import difflib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

FORMAT = b"\x01"
"""First byte of every delta (the format written here)."""
MAX_LINES = 200_000
"""Lines a document may have when a delta is applied (more means a damaged delta)."""
MATCH_LIMIT = 4_000_000
"""Above this product of the two documents' line counts, the old document is kept whole
(compressed) rather than matched line by line, which costs up to its square in time."""


class DeltaError(ValueError):
    """A stored delta that cannot be applied (damaged, or written in an unknown format)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One version of a release as it is compared and kept: title, contacts (JSON), Markdown."""

    title: str
    contacts_json: str
    markdown: str

    def lines(self) -> list[str]:
        title = " ".join(self.title.split())
        contacts = " ".join(self.contacts_json.splitlines())
        return [title, contacts, *self.markdown.split("\n")]

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> Document:
        if len(lines) < 2:
            raise DeltaError("a version without its title and contacts")
        return cls(lines[0], lines[1], "\n".join(lines[2:]))


def encode(newer: Sequence[str], older: Sequence[str]) -> bytes:
    """The delta that turns the lines `newer` into `older`, compressed."""
    ops: list[int | list[str]] = []
    if len(newer) * len(older) > MATCH_LIMIT:
        ops = [-len(newer), list(older)] if newer else [list(older)]
        return _pack(ops)
    matcher = difflib.SequenceMatcher(None, newer, older, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(i2 - i1)
            continue
        if i2 > i1:
            ops.append(-(i2 - i1))
        if j2 > j1:
            ops.append(list(older[j1:j2]))
    return _pack(ops)


def _pack(ops: list[int | list[str]]) -> bytes:
    text = json.dumps(ops, ensure_ascii=False, separators=(",", ":"))
    payload = text.encode("utf-8", errors="surrogatepass")
    return FORMAT + zlib.compress(payload, 9)


def apply(newer: Sequence[str], delta: bytes) -> list[str]:
    """The older lines a delta describes, from the newer ones it was made against."""
    if not isinstance(delta, bytes | bytearray) or delta[:1] != FORMAT:
        raise DeltaError("an earlier version stored in an unknown format")
    try:
        # At most 64 MB decompressed: an edit script is a fraction of the text it describes.
        inflater = zlib.decompressobj()
        payload = inflater.decompress(bytes(delta[1:]), 64 * 1024 * 1024)
        if inflater.unconsumed_tail:
            raise DeltaError("an earlier version larger than any release")
        ops = json.loads(payload.decode("utf-8", errors="surrogatepass"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError):
        raise DeltaError("an earlier version is damaged and cannot be shown") from None
    if not isinstance(ops, list):
        raise DeltaError("an earlier version is damaged and cannot be shown")
    older: list[str] = []
    position = 0
    for op in ops:
        if isinstance(op, bool):
            raise DeltaError("an earlier version is damaged and cannot be shown")
        if isinstance(op, int):
            count = abs(op)
            if position + count > len(newer):
                raise DeltaError("an earlier version does not fit the version after it")
            if op > 0:
                older.extend(newer[position : position + count])
            position += count
        elif isinstance(op, list) and all(isinstance(line, str) for line in op):
            older.extend(op)
        else:
            raise DeltaError("an earlier version is damaged and cannot be shown")
        if len(older) > MAX_LINES:
            raise DeltaError("an earlier version larger than any release")
    if position != len(newer):
        raise DeltaError("an earlier version does not fit the version after it")
    return older
