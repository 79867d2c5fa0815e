"""`extract --json` on a release page of each contact-block format returns the block's contacts:
the whole path (the profile's body selector, sanitising, the contacts extractor, the JSON)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from benchmarks.contacts_report import Fixture, load

from newsroom_tui.cli import main

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{title} | International Organization for Migration</title>
<script>var analytics = "x";</script></head>
<body>
<header role="banner"><nav><a href="/who-we-are">Who we are</a></nav></header>
<main>
<div class="page-header"><div class="date"><time datetime="2024-07-08T12:00:00Z">8 July 2024</time></div></div>
<div class="narrow-content">
<div class="field field--name-body field--type-text-with-summary">
{body}
</div>
</div>
</main>
<footer role="contentinfo"><p>Contact us: info@example.org · +41 22 000 00 00</p></footer>
</body>
</html>
"""
PROFILES = {"en": "iom-en", "fr": "iom-fr", "es": "iom-es"}


def _one_per_format() -> list[Fixture]:
    chosen: dict[str, Fixture] = {}
    for fixture in load():
        if fixture.format != "NEG":
            chosen.setdefault(fixture.format, fixture)
    return list(chosen.values())


FORMATS = _one_per_format()


@pytest.mark.parametrize("fixture", FORMATS, ids=[f.format for f in FORMATS])
def test_extract_json_returns_the_blocks_contacts(fixture: Fixture, tmp_path: Path) -> None:
    page = tmp_path / f"{fixture.id}.html"
    html = PAGE.format(lang=fixture.language, title=fixture.id, body=fixture.page())
    page.write_text(html, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["extract", str(page), "--json", "--profile", PROFILES[fixture.language]], out=out, err=err
    )
    assert code == 0, err.getvalue()
    got = [
        (c["name"], c["organization"], c["phones"], c["emails"])
        for c in json.loads(out.getvalue())["contacts"]
    ]
    want = [(c.name, c.organization, c.phones, c.emails) for c in fixture.expected]
    assert got == want
