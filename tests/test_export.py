"""Markdown export: front matter that parses back to the same values, whatever the title holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from newsroom_tui.export import export_releases
from newsroom_tui.models import Contact, Release


def release(rid: str, title: str, day: int | None) -> Release:
    published = datetime(2025, 3, day, tzinfo=UTC) if day else None
    return Release(
        id=rid,
        url=f"https://example.org/fr/news/{rid}",
        title=title,
        published=published,
        language="fr",
        section="Communiqués de presse",
        tags=["Climat"],
        markdown="Genève – Du texte.\n\n## Suite\n\nPlus de texte.",
        contacts=[Contact("Awa Ndiaye", "OIM Dakar", ["+221 33 869 00 00"], ["andiaye@iom.int"])],
    )


def read_front_matter(path: Path) -> dict[str, object]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fields = {}
    for line in lines[1:end]:
        key, _, value = line.partition(": ")
        fields[key] = json.loads(value)
    return fields


def test_export_writes_one_file_per_release(tmp_path: Path) -> None:
    hostile = 'Titre "guillemets"\n---\nevil: true'
    count = export_releases(
        [release("a", "Sécurité au Sahel", 3), release("b", hostile, None)], tmp_path / "out"
    )
    assert count == 2
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["2025-03-03-securite-au-sahel.md", "undated-titre-guillemets-evil-true.md"]
    first = read_front_matter(tmp_path / "out" / files[0])
    assert first["title"] == "Sécurité au Sahel"
    assert first["date"] == "2025-03-03T00:00:00+00:00"
    assert first["tags"] == ["Climat"]
    assert first["contacts"] == [
        {
            "name": "Awa Ndiaye",
            "organization": "OIM Dakar",
            "phones": ["+221 33 869 00 00"],
            "emails": ["andiaye@iom.int"],
        }
    ]
    second = read_front_matter(tmp_path / "out" / files[1])
    assert second["title"] == 'Titre "guillemets" --- evil: true'  # one line, as shown
    assert "evil" not in second
    body = (tmp_path / "out" / files[0]).read_text(encoding="utf-8")
    assert "## Suite" in body


def test_same_titles_get_distinct_names(tmp_path: Path) -> None:
    export_releases([release("a", "Même titre", 3), release("b", "Même titre", 3)], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2025-03-03-meme-titre-2.md",
        "2025-03-03-meme-titre.md",
    ]
