"""Press contacts: finds the contacts block of a release and splits it into entries."""

from __future__ import annotations

import re

from newsroom_tui.models import Contact


def normalise_phone(printed: str) -> str:
    """International digits ('+41 79 123 45 67' -> '+41791234567'); extension kept after 'x'."""
    digits = re.sub(r"[^\d+]", "", printed)
    return digits[:32]


def extract_contacts(body_html: str) -> list[Contact]:
    """The contacts of one body (HTML). Placeholder until the extractor lands."""
    return []
