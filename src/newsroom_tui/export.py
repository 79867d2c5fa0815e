"""Writes releases as Markdown files with YAML front matter, one file per release.

Export is an output like the screen: every value goes through the sanitiser on the way out, so a
database changed behind the reader's back (another tool, an older version) cannot carry escape
sequences, control or bidi characters into the files. Titles and one-line fields become one line;
bodies keep their lines.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from newsroom_tui.models import Release
from newsroom_tui.profiles import slugify
from newsroom_tui.sanitise import clean_body, clean_email, clean_line, clean_title


def front_matter(release: Release) -> str:
    """YAML front matter. Every value is written as JSON, which YAML reads as the same value, so
    no title or name can break out of its field."""
    fields: dict[str, object] = {
        "id": clean_line(release.id),
        "title": clean_title(release.title),
        "date": release.published.isoformat() if release.published else None,
        "url": clean_line(release.url),
        "language": clean_line(release.language, limit=40),
        "section": clean_line(release.section),
        "tags": [clean_line(tag) for tag in release.tags],
        "updated": bool(release.updated),
        "contacts": [
            {
                "name": clean_line(c.name),
                "organization": clean_line(c.organization),
                "phones": [clean_line(phone) for phone in c.phones],
                "emails": [clean_email(email) for email in c.emails],
            }
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
        body = clean_body(release.markdown.strip() or release.summary.strip()).strip()
        text = f"{front_matter(release)}\n# {clean_title(release.title)}\n\n{body}\n"
        target = directory / file_name(release, taken)
        temporary = target.with_suffix(".md.part")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
        count += 1
    return count
