"""The contacts directory: every press contact across releases, deduplicated (by email, else
name and office), with the releases each appears in."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsroom_tui.dbfile import Database
from newsroom_tui.models import DirectoryContact, ReleaseRow
from newsroom_tui.release_listing import ROW_COLUMNS, release_row
from newsroom_tui.stored_values import digits, fold, from_ts, json_strings


@dataclass(slots=True)
class _Entry:
    release_id: str
    name: str
    organization: str
    emails: list[str]
    phones: list[str]
    published: int | None


@dataclass(slots=True)
class _ContactGroup:
    """One person's appearances, oldest release first."""

    entries: list[_Entry] = field(default_factory=list)

    def summary(self) -> DirectoryContact:
        latest = self.entries[-1]
        name = next((e.name for e in reversed(self.entries) if e.name), "")
        org = next((e.organization for e in reversed(self.entries) if e.organization), "")
        emails = latest.emails or next((e.emails for e in reversed(self.entries) if e.emails), [])
        phones = latest.phones or next((e.phones for e in reversed(self.entries) if e.phones), [])
        shown = {v.casefold() for v in emails} | {digits(p) for p in phones}
        previous: list[str] = []
        for entry in self.entries:
            for value in entry.emails:
                if value.casefold() not in shown and value not in previous:
                    previous.append(value)
            for value in entry.phones:
                if digits(value) not in shown and value not in previous:
                    previous.append(value)
        key = f"email:{emails[0].casefold()}" if emails else f"name:{fold(name)}|{fold(org)}"
        stamps = [e.published for e in self.entries if e.published is not None]
        return DirectoryContact(
            key=key,
            name=name,
            organization=org,
            emails=list(emails),
            phones=list(phones),
            releases=len({e.release_id for e in self.entries}),
            last_seen=from_ts(max(stamps)) if stamps else None,
            changed=bool(previous),
            previous=previous,
        )


class ContactDirectory:
    """contacts_directory / releases_for_contact over one database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _groups(self) -> list[_ContactGroup]:
        rows = self._db.read(
            "SELECT c.id, c.name, c.organization, c.emails, c.phones, r.published, r.rk"
            " FROM contacts c JOIN releases r ON r.id = c.id ORDER BY r.rk, c.position"
        )
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        entries: list[tuple[list[str], _Entry]] = []
        for rid, name, org, emails_raw, phones_raw, published, _rk in rows:
            emails = [e for e in json_strings(emails_raw) if e]
            phones = [p for p in json_strings(phones_raw) if p]
            keys = [f"email:{e.casefold()}" for e in emails]
            if fold(name):
                keys.append(f"name:{fold(name)}|{fold(org)}")
            if not keys:
                continue
            for k in keys[1:]:
                parent[find(k)] = find(keys[0])
            find(keys[0])
            entries.append((keys, _Entry(rid, name, org, emails, phones, published)))
        groups: dict[str, _ContactGroup] = {}
        for keys, entry in entries:
            groups.setdefault(find(keys[0]), _ContactGroup()).entries.append(entry)
        return list(groups.values())

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every press contact across releases, deduplicated (by email, else name and office).

        The latest release's details are shown; `changed`/`previous` say when older releases
        gave other emails or phones. `filter_text` matches name, office, email or phone,
        ignoring case and accents.
        """
        wanted = fold(filter_text)
        result: list[DirectoryContact] = []
        for group in self._groups():
            contact = group.summary()
            if wanted:
                haystack = fold(
                    " ".join([contact.name, contact.organization, *contact.emails, *contact.phones])
                )
                wanted_digits = digits(wanted)
                phone_digits = " ".join(digits(p) for p in contact.phones)
                if wanted not in haystack and not (wanted_digits and wanted_digits in phone_digits):
                    continue
            result.append(contact)
        result.sort(key=lambda c: (fold(c.name) or (c.emails[0] if c.emails else ""), c.key))
        return result

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        """The releases (newest first) that name the contact with this directory key."""
        for group in self._groups():
            if group.summary().key == key:
                ids = list(dict.fromkeys(e.release_id for e in group.entries))
                marks = ",".join("?" * len(ids))
                rows = self._db.read(
                    f"SELECT {ROW_COLUMNS} FROM releases r"
                    f" WHERE r.id IN ({marks}) ORDER BY r.rk DESC",
                    ids,
                )
                return [release_row(r) for r in rows]
        return []
