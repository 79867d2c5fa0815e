"""Search latency per query class (`Store.search`, parse included, 20 hits with snippets)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from benchmarks.common import FILTER_YEAR, Stat
from benchmarks.database import BuiltDatabase
from benchmarks.generate import (
    COMMON_WORD,
    PHRASE,
    RARE_WORD,
)

SEARCH_CLASSES: tuple[tuple[str, str], ...] = (
    ("rare word", RARE_WORD),
    ("very common word", COMMON_WORD),
    ("two words", "santé climat"),
    ("phrase", f'"{PHRASE}"'),
    ("one-letter prefix", "m*"),
    ("two-letter prefix", "mi*"),
    ("accent-folded word", "securite"),
    ("filters: section + year + unread", "{section} year:{year} is:unread"),
    ("word + section + year + unread", "securite {section} year:{year} is:unread"),
)


@dataclass
class SearchFigures:
    n: int
    classes: dict[str, tuple[str, Stat, Stat, int]] = field(default_factory=dict)
    """name -> (query, newest-first latencies, relevance latencies, total)."""


def measure_search(n: int, database: BuiltDatabase, reps: int) -> SearchFigures:
    from newsroom_tui.query import parse_query
    from newsroom_tui.storage.store import Store

    figures = SearchFigures(n)
    store = Store.open(database.path, check=False)
    sections = store.facets().sections
    section = sections[0][0] if sections else "communiques-de-presse"
    section_filter = f'section:"{section}"' if " " in section else f"section:{section}"
    for name, template in SEARCH_CLASSES:
        text = template.format(section=section_filter, year=FILTER_YEAR)
        newest, relevance = Stat(), Stat()
        total = store.search(parse_query(text), limit=20).total
        for _ in range(3):
            store.search(parse_query(text), limit=20)
        for _ in range(reps):
            start = time.perf_counter()
            store.search(parse_query(text), limit=20)
            newest.add(time.perf_counter() - start)
        for _ in range(max(5, reps // 3)):
            start = time.perf_counter()
            store.search(parse_query(text), limit=20, order="relevance")
            relevance.add(time.perf_counter() - start)
        figures.classes[name] = (text, newest, relevance, total)
    store.close()
    return figures
