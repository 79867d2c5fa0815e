"""Writes releases as Markdown files with YAML front matter, one file per release."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from newsroom_tui.models import Release
from newsroom_tui.profiles import slugify


def front_matter(release: Release) -> str:
    """YAML front matter. Every value is written as JSON, which YAML reads as the same value, so
    no title or name can break out of its field."""
    fields: dict[str, object] = {
        "id": release.id,
        "title": release.title,
        "date": release.published.isoformat() if release.published else None,
        "url": release.url,
        "language": release.language,
        "section": release.section,
        "tags": release.tags,
        "updated": release.updated,
        "contacts": [
            {"name": c.name, "organization": c.organization, "phones": c.phones, "emails": c.emails}
            for c in release.contacts
        ],
    }
    lines = ["---"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    lines.append("---")
    return "\n".join(lines) + "\n"


def file_name(release: Release, taken: set[str]) -> str:
    day = release.published.date().isoformat() if release.published else "undated"
    stem = f"{day}-{slugify(release.title)[:80].strip('-')}"
    stem = re.sub(r"-{2,}", "-", stem)
    name = f"{stem}.md"
    counter = 2
    while name in taken:
        name = f"{stem}-{counter}.md"
        counter += 1
    taken.add(name)
    return name


def export_releases(releases: Iterable[Release], directory: Path) -> int:
    """Write every release into `directory` (created if needed); returns how many were written.

    Each file is written to a temporary name and renamed, so an interrupted export leaves no
    half-written file.
    """
    directory.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    count = 0
    for release in releases:
        body = release.markdown.strip() or release.summary.strip()
        text = f"{front_matter(release)}\n# {release.title}\n\n{body}\n"
        target = directory / file_name(release, taken)
        temporary = target.with_suffix(".md.part")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
        count += 1
    return count
