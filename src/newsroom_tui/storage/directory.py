"""The contacts directory: every press contact across releases, deduplicated (by email, else
name and office), with the releases each appears in.

Each distinct way a contact was written (name, office, emails, phones, as stored) is one
variant; variants that share an email, or a name and office, are one person. Names meet across
spelling variants: honorifics ("Dr.", "Mme", "Sra."), accents, case, dots and hyphens do not
count (contact_names.person_key). A person shows their latest variant's details (the name as
that release wrote it) and lists what older variants said differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsroom_tui.extraction.contact_names import person_key
from newsroom_tui.models import DirectoryContact, ReleaseRow
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.listing import ROW_COLUMNS, release_row
from newsroom_tui.storage.values import digits, fold, from_ts, json_strings

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
        # in order of first appearance, as the releases gave them
        for variant in (
            sorted(self.variants, key=lambda v: v.first) if len(self.variants) > 1 else ()
        ):
            for value in variant.emails:
                if value.casefold() not in shown and value not in previous:
                    previous.append(value)
            for value in variant.phones:
                if digits(value) not in shown and value not in previous:
                    previous.append(value)
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
    release_ids: dict[str, list[str]]
    """Each contact's releases (by directory key)."""


class ContactDirectory:
    """contacts_directory / releases_for_contact over one database.

    The grouping reads every contact row (1-4 s at 200,000 rows), so the result is kept until
    the contact rows change (a counter kept by triggers, seen from any process: a sync batch
    without new or edited contacts keeps it) and filtering as you type scans the kept list.
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

        variants: dict[tuple[str, str, str, str], _Variant | None] = {}
        keyed: list[tuple[str, _Variant]] = []
        for name, org, emails_raw, phones_raw, rid, rk, position, published in rows:
            stored = (name, org, emails_raw, phones_raw)
            order = (rk, position)
            if stored in variants:
                variant = variants[stored]
                if variant is None:
                    continue
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
            emails = [e for e in json_strings(emails_raw) if e] if emails_raw != "[]" else []
            phones = [p for p in json_strings(phones_raw) if p] if phones_raw != "[]" else []
            keys = [f"email:{e.casefold()}" for e in emails]
            by_name = name_key_once(name, org)
            if by_name:
                keys.append(by_name)
            if not keys:
                variants[stored] = None
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

    def _directory(self) -> _Directory:
        with self._db.lock:
            row = self._db.read_one("SELECT value FROM change_counters WHERE name = 'contacts'")
            version = int(row[0]) if row else -1
            if self._cached is not None and self._cached[0] == version:
                return self._cached[1]
            built: list[tuple[DirectoryContact, list[str]]] = []
            for group in self._groups():
                built.append((group.summary(), group.release_ids()))
            built.sort(
                key=lambda b: (
                    person_key(b[0].name) or (b[0].emails[0] if b[0].emails else ""),
                    b[0].key,
                )
            )
            directory = _Directory(
                contacts=[c for c, _ in built],
                haystacks=[
                    (
                        fold(" ".join([c.name, c.organization, *c.emails, *c.phones])),
                        " ".join(digits(p) for p in c.phones),
                    )
                    for c, _ in built
                ],
                release_ids={c.key: ids for c, ids in built},
            )
            self._cached = (version, directory)
            return directory

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every press contact across releases, deduplicated (by email, else name and office).

        The latest release's details are shown; `changed`/`previous` say when older releases
        gave other emails or phones. `filter_text` matches name, office, email or phone,
        ignoring case and accents.
        """
        directory = self._directory()
        wanted = fold(filter_text)
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

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        """The releases (newest first) that name the contact with this directory key."""
        ids = self._directory().release_ids.get(key)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.read(
            f"SELECT {ROW_COLUMNS} FROM releases r WHERE r.id IN ({marks}) ORDER BY r.rk DESC",
            ids,
        )
        return [release_row(r) for r in rows]
