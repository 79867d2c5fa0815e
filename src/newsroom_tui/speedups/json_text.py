"""`json.dumps(value, ensure_ascii=False)` for the two shapes the store writes for every release:
a list of strings (its tags) and the content hash's payload of a release without contacts.

`json.dumps` builds an encoder object and walks the value in Python (~6 µs for a list of two
tags, ~16 µs for the hash's payload); both shapes are strings between brackets and the default
separators, and each string's encoding is the encoder's own C function (`encode_basestring`,
what `ensure_ascii=False` uses). `tests/test_json_text.py` holds both to `json.dumps` on
generated strings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring

from newsroom_tui import speedups


def string_list(values: Sequence[str]) -> str:
    """`json.dumps(list(values), ensure_ascii=False)`."""
    if not speedups.ENABLED or any(type(value) is not str for value in values):
        return json.dumps(list(values), ensure_ascii=False)
    return "[" + ", ".join(map(encode_basestring, values)) + "]"


def strings_flag_empty(first: str, second: str, flag: bool) -> str:
    """`json.dumps([first, second, flag, []], ensure_ascii=False)`."""
    if not speedups.ENABLED or type(first) is not str or type(second) is not str:
        return json.dumps([first, second, bool(flag), []], ensure_ascii=False)
    return (
        f"[{encode_basestring(first)}, {encode_basestring(second)}, "
        f"{'true' if flag else 'false'}, []]"
    )
