"""The contacts directory built from distinct contact variants and kept until the contact rows
change: the same answers as grouping every appearance one by one, seen from any connection."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction.contact_names import person_key
from newsroom_tui.models import Contact, DirectoryContact, Release
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.store import Store
from newsroom_tui.storage.values import digits, fold

BASE = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)


def release(n: int, contacts: list[Contact], *, days: int | None = None) -> Release:
    return Release(
        id=f"rel-{n}",
        url=f"https://example.org/{n}",
        title=f"Communiqué {n}",
        published=BASE - timedelta(days=n if days is None else days),
        language="fr",
        markdown=f"Texte {n}",
        text=f"Texte {n}",
        contacts=contacts,
    )


def reference(releases: list[Release], filter_text: str = "") -> list[DirectoryContact]:
    """The directory by the first algorithm: every appearance, oldest first, grouped."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    appearances = []
    ordered = sorted(releases, key=lambda r: (r.published, r.id))
    for r in ordered:
        for c in r.contacts:
            emails = [e for e in c.emails if e]
            phones = [p for p in c.phones if p]
            keys = [f"email:{e.casefold()}" for e in emails]
            if person_key(c.name):
                keys.append(f"name:{person_key(c.name)}|{fold(c.organization)}")
            if not keys:
                continue
            for k in keys[1:]:
                parent[find(k)] = find(keys[0])
            find(keys[0])
            appearances.append((keys[0], r, c.name, c.organization, emails, phones))
    groups: dict[str, list[tuple[Release, str, str, list[str], list[str]]]] = {}
    for key, r, name, org, emails, phones in appearances:
        groups.setdefault(find(key), []).append((r, name, org, emails, phones))
    result = []
    for entries in groups.values():
        newest = list(reversed(entries))
        name = next((e[1] for e in newest if e[1]), "")
        org = next((e[2] for e in newest if e[2]), "")
        emails = newest[0][3] or next((e[3] for e in newest if e[3]), [])
        phones = newest[0][4] or next((e[4] for e in newest if e[4]), [])
        shown = {v.casefold() for v in emails} | {digits(p) for p in phones}
        previous: list[str] = []
        for e in entries:
            for value in e[3]:
                if value.casefold() not in shown and value not in previous:
                    previous.append(value)
            for value in e[4]:
                if digits(value) not in shown and value not in previous:
                    previous.append(value)
        key = f"email:{emails[0].casefold()}" if emails else f"name:{person_key(name)}|{fold(org)}"
        contact = DirectoryContact(
            key=key,
            name=name,
            organization=org,
            emails=list(emails),
            phones=list(phones),
            releases=len({e[0].id for e in entries}),
            last_seen=max(e[0].published for e in entries),  # type: ignore[type-var]
            changed=bool(previous),
            previous=previous,
        )
        wanted = fold(filter_text)
        haystack = fold(" ".join([name, org, *emails, *phones]))
        phone_digits = " ".join(digits(p) for p in phones)
        if (
            wanted
            and wanted not in haystack
            and not (digits(wanted) and digits(wanted) in phone_digits)
        ):
            continue
        result.append(contact)
    result.sort(key=lambda c: (person_key(c.name) or (c.emails[0] if c.emails else ""), c.key))
    return result


names = st.sampled_from(
    [
        "Ana Ruiz",
        "ana ruiz",
        "Dra. Ana Ruiz",
        "Jérôme Petit",
        "Jerome PETIT",
        "M. Jérôme Petit",
        "",
        "Paul",
    ]
)
offices = st.sampled_from(["OIM Dakar", "OIM Madrid", ""])
emails = st.lists(st.sampled_from(["a@x.org", "A@x.org", "j@x.org", "p@x.org", ""]), max_size=2)
phones = st.lists(st.sampled_from(["+221 33 869 62 00", "+221 77 000", "33 869 62 00"]), max_size=2)
contacts = st.builds(Contact, names, offices, phones, emails)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(contacts, max_size=3), min_size=1, max_size=6),
    st.sampled_from(["", "ruiz", "JEROME", "869", "x.org", "dakar"]),
)
def test_same_directory_as_grouping_every_appearance(
    per_release: list[list[Contact]], filter_text: str
) -> None:
    releases = [release(n, c) for n, c in enumerate(per_release)]
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "db.sqlite3") as store:
        store.apply_batch(releases)
        got = store.contacts_directory(filter_text)
        assert got == reference(releases, filter_text)
        for entry in got:
            ids = {r.id for r in store.releases_for_contact(entry.key)}
            assert len(ids) == entry.releases
        with Store.open(store.path) as later:  # the next process reads what was saved
            later._directory._groups = never_built  # type: ignore[method-assign, assignment]
            assert later.contacts_directory(filter_text) == got
            for entry in got:
                assert {r.id for r in later.releases_for_contact(entry.key)} == {
                    r.id for r in store.releases_for_contact(entry.key)
                }


def never_built() -> list[object]:
    raise AssertionError("the saved directory was not used")


def saved_at(store: Store) -> int:
    return int(
        store._db.read_one("SELECT value FROM change_counters WHERE name = 'contact_directory'")[0]
    )


def contacts_version(store: Store) -> int:
    return int(store._db.read_one("SELECT value FROM change_counters WHERE name = 'contacts'")[0])


def test_saved_for_the_next_process_and_rebuilt_when_the_contacts_change(tmp_path: Path) -> None:
    ana = Contact("Ana Ruiz", "OIM Madrid", ["+34 91 000 00 01"], ["a@x.org"])
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.apply_batch([release(1, [ana])])
        assert saved_at(store) == -1  # nobody asked yet
        store.refresh_contacts_directory()
        assert saved_at(store) == -1  # a sync does not build what nobody uses
        store.contacts_directory()
        assert saved_at(store) == contacts_version(store)
    with Store.open(tmp_path / "db.sqlite3") as store:
        store._directory._groups = never_built  # type: ignore[method-assign, assignment]
        assert [c.name for c in store.contacts_directory("ruiz")] == ["Ana Ruiz"]
        assert [r.id for r in store.releases_for_contact("email:a@x.org")] == ["rel-1"]
    with Store.open(tmp_path / "db.sqlite3") as store:
        paul = Contact("Paul Diop", "OIM Dakar", [], ["p@x.org"])
        store.apply_batch([release(2, [paul])])
        assert saved_at(store) != contacts_version(store)
        store.refresh_contacts_directory()  # what a sync does at its end
        assert saved_at(store) == contacts_version(store)
    with Store.open(tmp_path / "db.sqlite3") as store:
        store._directory._groups = never_built  # type: ignore[method-assign, assignment]
        assert [c.name for c in store.contacts_directory()] == ["Ana Ruiz", "Paul Diop"]


def test_a_damaged_saved_directory_is_rebuilt(tmp_path: Path) -> None:
    ana = Contact("Ana Ruiz", "OIM Madrid", [], ["a@x.org"])
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.apply_batch([release(1, [ana])])
        expected = store.contacts_directory()
    con = sqlite3.connect(tmp_path / "db.sqlite3")
    with con:
        con.execute("UPDATE contact_directory SET entry = '[\"only a key\"]'")
    con.close()
    with Store.open(tmp_path / "db.sqlite3") as store:
        assert store.contacts_directory() == expected
    with Store.open(tmp_path / "db.sqlite3") as store:  # and saved again, whole
        store._directory._groups = never_built  # type: ignore[method-assign, assignment]
        assert store.contacts_directory() == expected


def test_a_read_only_database_lists_its_contacts_without_saving(tmp_path: Path) -> None:
    ana = Contact("Ana Ruiz", "OIM Madrid", [], ["a@x.org"])
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.apply_batch([release(1, [ana])])
    with Store(Database.open_read_only(tmp_path / "db.sqlite3")) as store:
        assert store.read_only
        assert [c.name for c in store.contacts_directory()] == ["Ana Ruiz"]
        store.refresh_contacts_directory()
        assert saved_at(store) == -1


def test_kept_until_the_contact_rows_change_in_any_connection(tmp_path: Path) -> None:
    ana = Contact("Ana Ruiz", "OIM Madrid", [], ["a@x.org"])
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.apply_batch([release(1, [ana])])
        calls = 0
        build = store._directory._groups

        def counting() -> object:
            nonlocal calls
            calls += 1
            return build()

        store._directory._groups = counting  # type: ignore[method-assign, assignment]
        assert [c.name for c in store.contacts_directory()] == ["Ana Ruiz"]
        store.contacts_directory("ana")
        store.set_read(["rel-1"], True)
        store.apply_batch([release(2, [])])  # a release without contacts
        assert [c.name for c in store.contacts_directory("ruiz")] == ["Ana Ruiz"]
        assert calls == 1
        with Store.open(store.path) as other:  # another connection adds a contact
            other.apply_batch([release(3, [Contact("Paul", "OIM", [], ["p@x.org"])])])
        assert [c.name for c in store.contacts_directory()] == ["Ana Ruiz", "Paul"]
        assert calls == 2
        # an edit that changes a contact's phone is seen, and flagged as a change
        store.apply_batch([release(1, [Contact("Ana Ruiz", "OIM Madrid", ["1"], ["a@x.org"])])])
        store.apply_batch([release(4, [Contact("Ana Ruiz", "OIM Madrid", ["2"], ["a@x.org"])])])
        ana_now = store.contacts_directory("ana")[0]
        assert ana_now.phones == ["1"] and ana_now.previous == ["2"] and ana_now.releases == 2
        assert calls == 3


def test_one_entry_per_person_across_honorifics_accents_and_case(tmp_path: Path) -> None:
    written = [
        Contact("Dra. Ana Ruiz", "OIM Madrid", ["+34 91 445 71 16"], []),
        Contact("ANA RUIZ", "OIM Madrid", [], []),
        Contact("Sra. Ána Ruíz", "oim madrid", ["+34 91 445 71 16"], []),
        Contact("Mme Aïcha Ndiaye", "OIM Dakar", [], ["andiaye@iom.int"]),
        Contact("Aicha NDIAYE", "OIM Dakar", ["+221 33 869 62 00"], []),
        Contact("Dr. Aïcha Ndiaye", "OIM Dakar", [], ["ANdiaye@iom.int"]),
    ]
    releases = [release(n, [c]) for n, c in enumerate(written)]
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.apply_batch(releases)
        got = store.contacts_directory()
    assert [(c.name, c.releases) for c in got] == [("Mme Aïcha Ndiaye", 3), ("Dra. Ana Ruiz", 3)]
    # the latest release's spelling is shown (release 0 is the newest), honorific and all
    assert got[0].emails == ["andiaye@iom.int"]
    assert got[0].phones == ["+221 33 869 62 00"]


def test_person_key_sets_aside_honorifics_accents_case_dots_and_hyphens() -> None:
    assert person_key("Dr. Jean-Luc Dupont") == person_key("jean luc DUPONT")
    assert person_key("Mme Aïcha Ndiaye") == person_key("Aicha Ndiaye") == "aicha ndiaye"
    assert person_key("Sra. María José Pérez") == person_key("MARIA JOSE PEREZ")
    assert person_key("Ana Ruiz") != person_key("Ana Ruiz Soto")
    # a name that is only an honorific-looking word keeps it
    assert person_key("Dr.") == "dr"
