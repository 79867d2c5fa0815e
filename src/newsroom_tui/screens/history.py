"""The documents shown in the article, in order, with back and forward as in a browser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MAX_VISITS = 200


@dataclass(frozen=True, slots=True)
class Visit:
    """A document shown in the article: a release (by id) or a site section (by menu key)."""

    kind: Literal["release", "section"]
    key: str


class DocumentHistory:
    """Visits, and where back / forward stand among them."""

    def __init__(self) -> None:
        self._visits: list[Visit] = []
        self._position = -1

    @property
    def current(self) -> Visit | None:
        return self._visits[self._position] if self._visits else None

    def visit(self, visit: Visit) -> None:
        """Record a newly shown document: what was ahead of the current one is dropped."""
        if visit == self.current:
            return
        del self._visits[self._position + 1 :]
        self._visits.append(visit)
        if len(self._visits) > MAX_VISITS:
            del self._visits[0]
        self._position = len(self._visits) - 1

    def back(self) -> Visit | None:
        if self._position <= 0:
            return None
        self._position -= 1
        return self._visits[self._position]

    def forward(self) -> Visit | None:
        if self._position + 1 >= len(self._visits):
            return None
        self._position += 1
        return self._visits[self._position]
