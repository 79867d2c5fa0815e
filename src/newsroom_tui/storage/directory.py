"""The contacts directory: every press contact across releases, deduplicated (by email, else
name and office), with the releases each appears in.

Each distinct way a contact was written (name, office, emails, phones, as stored) is one
variant; variants that share an email, or a name and office, are one person. Names meet across
spelling variants: honorifics ("Dr.", "Mme", "Sra."), accents, case, dots and hyphens do not
count (contact_names.person_key). A person shows their latest variant's details (the name as
that release wrote it) and lists what older variants said differently.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from newsroom_tui.extraction.contact_names import person_key
from newsroom_tui.records import DirectoryContact, ReleaseRow
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.storage.listing import ROW_COLUMNS, release_row
from newsroom_tui.storage.migrations import CURRENT_VERSION
from newsroom_tui.storage.values import digits, fold, from_ts, json_strings, timestamp

log = logging.getLogger(__name__)

SAVED_SINCE = 6
"""The schema version that added the saved directory (contact_directory)."""

_Order = tuple[int, int]
"""Where a contact row stands: (release sort key, position in the release)."""


def name_key(name: str, organization: str) -> str:
    """The directory key of a contact without email: the person (spelling variants aside) and
    their office."""
    return f"name:{person_key(name)}|{fold(organization)}"


@dataclass(slots=True)
class _Variant:
    """One distinct stored form of a contact, with where and when it appeared."""

    name: str
    organization: str
    emails: list[str]
    phones: list[str]
    first: _Order
    last: _Order
    release_ids: set[str]
    published: int | None


@dataclass(slots=True)
class _ContactGroup:
    """One person's variants."""

    variants: list[_Variant] = field(default_factory=list)

    def summary(self) -> DirectoryContact:
        newest_first = sorted(self.variants, key=lambda v: v.last, reverse=True)
        latest = newest_first[0]
        name = next((v.name for v in newest_first if v.name), "")
        org = next((v.organization for v in newest_first if v.organization), "")
        emails = latest.emails or next((v.emails for v in newest_first if v.emails), [])
        phones = latest.phones or next((v.phones for v in newest_first if v.phones), [])
        shown = {v.casefold() for v in emails} | {digits(p) for p in phones}
        previous: list[str] = []
        listed: set[str] = set()
        # in order of first appearance, as the releases gave them
        for variant in (
            sorted(self.variants, key=lambda v: v.first) if len(self.variants) > 1 else ()
        ):
            for value in variant.emails:
                if value not in listed and value.casefold() not in shown:
                    previous.append(value)
                    listed.add(value)
            for value in variant.phones:
                if value not in listed and digits(value) not in shown:
                    previous.append(value)
                    listed.add(value)
        key = f"email:{emails[0].casefold()}" if emails else name_key(name, org)
        stamps = [v.published for v in self.variants if v.published is not None]
        ids = set().union(*(v.release_ids for v in self.variants))
        return DirectoryContact(
            key=key,
            name=name,
            organization=org,
            emails=list(emails),
            phones=list(phones),
            releases=len(ids),
            last_seen=from_ts(max(stamps)) if stamps else None,
            changed=bool(previous),
            previous=previous,
        )

    def release_ids(self) -> list[str]:
        return list(set().union(*(v.release_ids for v in self.variants)))


@dataclass(slots=True)
class _Directory:
    """The directory as built at one database version."""

    contacts: list[DirectoryContact]
    """Sorted by folded name (else first email), then key."""
    haystacks: list[tuple[str, str]]
    """For each contact: its folded name, office, emails and phones; its phones' digits."""
    release_ids: dict[str, list[str]] | None
    """Each contact's releases (by directory key); None when they are read from the saved
    directory as they are asked for."""

    @classmethod
    def of(cls, contacts: list[DirectoryContact], ids: dict[str, list[str]] | None) -> _Directory:
        return cls(contacts, [_haystack(c) for c in contacts], ids)


def _haystack(contact: DirectoryContact) -> tuple[str, str]:
    """What a filter is matched against: the folded name, office, emails and phones; the
    phones' digits."""
    return (
        fold(" ".join([contact.name, contact.organization, *contact.emails, *contact.phones])),
        " ".join(digits(p) for p in contact.phones),
    )


def _entry_json(contact: DirectoryContact) -> str:
    return json.dumps(
        [
            contact.key,
            contact.name,
            contact.organization,
            contact.emails,
            contact.phones,
            contact.releases,
            timestamp(contact.last_seen) if contact.last_seen is not None else None,
            contact.previous,
        ],
        ensure_ascii=False,
    )


def _entry(raw: str) -> DirectoryContact:
    key, name, organization, emails, phones, releases, last_seen, previous = json.loads(raw)
    return DirectoryContact(
        key=str(key),
        name=str(name),
        organization=str(organization),
        emails=[str(e) for e in emails],
        phones=[str(p) for p in phones],
        releases=int(releases),
        last_seen=from_ts(int(last_seen)) if last_seen is not None else None,
        changed=bool(previous),
        previous=[str(p) for p in previous],
    )


class ContactDirectory:
    """contacts_directory / releases_for_contact over one database.

    Building the directory reads every contact row (~1.5 s at 150,000 rows), so it is built
    only when the contact rows changed (a counter kept by triggers, seen from any process: a
    sync batch without new or edited contacts keeps it) and then saved in the database
    (contact_directory), where every later process finds it: `contacts NAME` and the reader's
    first `D` read a few hundred rows instead of grouping every contact row. Filtering as you
    type scans the kept list.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cached: tuple[int, _Directory] | None = None

    def _groups(self) -> list[_ContactGroup]:
        # No ORDER BY (a sort of every row): each variant keeps its first and last place.
        rows = self._db.read(
            "SELECT c.name, c.organization, c.emails, c.phones, c.id, r.rk, c.position,"
            " r.published FROM contacts c JOIN releases r ON r.id = c.id"
        )
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        keyed_names: dict[tuple[str, str], str] = {}

        def name_key_once(name: str, org: str) -> str:
            value = keyed_names.get((name, org))
            if value is None:
                value = keyed_names[(name, org)] = name_key(name, org) if person_key(name) else ""
            return value

        parsed: dict[str, list[str]] = {"[]": []}

        def strings(raw: str) -> list[str]:
            # the same emails (a person's) and phones come back in many variants
            value = parsed.get(raw)
            if value is None:
                value = parsed[raw] = [s for s in json_strings(raw) if s]
            return value

        variants: dict[tuple[str, str, str, str], _Variant] = {}
        unkeyed: set[tuple[str, str, str, str]] = set()  # no email and no name
        keyed: list[tuple[str, _Variant]] = []
        for name, org, emails_raw, phones_raw, rid, rk, position, published in rows:
            stored = (name, org, emails_raw, phones_raw)
            order = (rk, position)
            variant = variants.get(stored)
            if variant is not None:
                if order < variant.first:
                    variant.first = order
                if order > variant.last:
                    variant.last = order
                variant.release_ids.add(rid)
                if published is not None and (
                    variant.published is None or published > variant.published
                ):
                    variant.published = published
                continue
            if stored in unkeyed:
                continue
            emails = strings(emails_raw)
            phones = strings(phones_raw)
            keys = [f"email:{e.casefold()}" for e in emails]
            by_name = name_key_once(name, org)
            if by_name:
                keys.append(by_name)
            if not keys:
                unkeyed.add(stored)
                continue
            variant = _Variant(name, org, emails, phones, order, order, {rid}, published)
            variants[stored] = variant
            for k in keys[1:]:
                parent[find(k)] = find(keys[0])
            find(keys[0])
            keyed.append((keys[0], variant))
        groups: dict[str, _ContactGroup] = {}
        for first_key, variant in keyed:
            groups.setdefault(find(first_key), _ContactGroup()).variants.append(variant)
        return list(groups.values())

    def _build(self) -> tuple[list[DirectoryContact], dict[str, list[str]]]:
        built = [(group.summary(), group.release_ids()) for group in self._groups()]
        built.sort(
            key=lambda b: (
                person_key(b[0].name) or (b[0].emails[0] if b[0].emails else ""),
                b[0].key,
            )
        )
        return [c for c, _ in built], {c.key: ids for c, ids in built}

    def _contacts_version(self) -> int:
        row = self._db.read_one("SELECT value FROM change_counters WHERE name = 'contacts'")
        return int(row[0]) if row else -1

    def _saved(self, version: int, wanted: str = "") -> list[DirectoryContact] | None:
        """The directory saved at this version of the contact rows, if there is one; only its
        entries that match `wanted` (folded) when that is given."""
        if not SAVED_SINCE <= self._db.schema_version <= CURRENT_VERSION:
            return None
        where = ""
        params: tuple[str, ...] = ()
        if wanted:
            wanted_digits = digits(wanted)
            where = " WHERE instr(haystack, ?) > 0 OR (? != '' AND instr(phone_digits, ?) > 0)"
            params = (wanted, wanted_digits, wanted_digits)
        with self._db.snapshot():
            row = self._db.read_one(
                "SELECT value FROM change_counters WHERE name = 'contact_directory'"
            )
            if row is None or int(row[0]) != version:
                return None
            rows = self._db.read(
                f"SELECT entry FROM contact_directory{where} ORDER BY position", params
            )
        try:
            return [_entry(raw) for (raw,) in rows]
        except (ValueError, TypeError, KeyError) as exc:  # changed behind our back: rebuild
            log.info("the saved contacts directory of %s is unreadable: %s", self._db.path, exc)
            return None

    def _save(
        self, version: int, contacts: list[DirectoryContact], ids: dict[str, list[str]]
    ) -> None:
        """Keep the directory built at `version` for the next process (a read-only or busy
        database keeps it in memory only)."""
        if self._db.read_only or not SAVED_SINCE <= self._db.schema_version <= CURRENT_VERSION:
            return
        try:
            with self._db.write() as con:
                con.execute("DELETE FROM contact_directory")
                con.executemany(
                    "INSERT INTO contact_directory(position, key, entry, haystack, phone_digits,"
                    " release_ids) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        (n, c.key, _entry_json(c), *_haystack(c), json.dumps(ids.get(c.key, [])))
                        for n, c in enumerate(contacts)
                    ),
                )
                con.execute(
                    "UPDATE change_counters SET value = ? WHERE name = 'contact_directory'",
                    (version,),
                )
        except StoreError as exc:
            log.info("the contacts directory was not saved: %s", exc)

    def _directory(self) -> _Directory:
        # The build takes the database's lock for its one read only, so the reader's list
        # queries go on while a sync rebuilds the directory in its thread (two threads that
        # both find it stale both build it: the same result).
        version = self._contacts_version()
        cached = self._cached
        if cached is not None and cached[0] == version:
            return cached[1]
        saved = self._saved(version)
        if saved is not None:
            directory = _Directory.of(saved, None)
        else:
            contacts, ids = self._build()
            self._save(version, contacts, ids)
            directory = _Directory.of(contacts, ids)
        self._cached = (version, directory)
        return directory

    def refresh(self) -> None:
        """Rebuild the saved directory when the contact rows changed since it was saved (a sync
        calls this at its end, so `contacts` and the reader's `D` find it ready). A database
        whose directory was never asked for is left alone."""
        if not SAVED_SINCE <= self._db.schema_version <= CURRENT_VERSION or self._db.read_only:
            return
        row = self._db.read_one(
            "SELECT value FROM change_counters WHERE name = 'contact_directory'"
        )
        if row is not None and int(row[0]) != -1 and int(row[0]) != self._contacts_version():
            self._directory()

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every press contact across releases, deduplicated (by email, else name and office).

        The latest release's details are shown; `changed`/`previous` say when older releases
        gave other emails or phones. `filter_text` matches name, office, email or phone,
        ignoring case and accents.
        """
        wanted = fold(filter_text)
        if wanted:
            version = self._contacts_version()
            cached = self._cached
            if cached is None or cached[0] != version:
                # one look-up (`contacts NAME`): only the saved entries that match are read
                found = self._saved(version, wanted)
                if found is not None:
                    return found
        directory = self._directory()
        if not wanted:
            return list(directory.contacts)
        wanted_digits = digits(wanted)
        return [
            contact
            for contact, (haystack, phone_digits) in zip(
                directory.contacts, directory.haystacks, strict=True
            )
            if wanted in haystack or (wanted_digits and wanted_digits in phone_digits)
        ]

    def _release_ids(self, key: str) -> list[str]:
        directory = self._directory()
        if directory.release_ids is not None:
            return directory.release_ids.get(key, [])
        row = self._db.read_one("SELECT release_ids FROM contact_directory WHERE key = ?", (key,))
        return json_strings(row[0]) if row else []

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        """The releases (newest first) that name the contact with this directory key."""
        ids = self._release_ids(key)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.read(
            f"SELECT {ROW_COLUMNS} FROM releases r WHERE r.id IN ({marks}) ORDER BY r.rk DESC",
            ids,
        )
        return [release_row(r) for r in rows]
