"""The reader's rebindable keys: each binding's id (what `[keys]` in config.toml names) and what
it does. The screens declare their bindings with these ids (tests/test_keymap.py checks both
agree); nothing here imports Textual, so the command line checks the settings before the reader
starts."""

from __future__ import annotations

BINDING_IDS: dict[str, str] = {
    "search": "search (/)",
    "next": "open the next release",
    "previous": "open the previous release",
    "unread": "unread only on / off",
    "star": "star / unstar",
    "read": "mark read / unread",
    "mark_all_read": "mark every release of the list read",
    "undo_mark_read": "undo the last mark-all-read",
    "order": "order: newest, oldest, by relevance",
    "save_search": "save the search as a watch",
    "browser": "open the release in the browser",
    "copy_url": "copy the release URL",
    "copy_email": "copy the contact's email",
    "copy_all_emails": "copy all emails of the release",
    "copy_menu": "copy menu for the contact",
    "contacts": "contacts directory",
    "sync": "sync the newsroom listed",
    "sync_all": "sync every newsroom",
    "sync_log": "sync log",
    "sections": "show / hide the section menu",
    "reading_mode": "reading mode",
    "find": "find in the article",
    "back": "back",
    "forward": "forward",
    "next_language": "the release in its next language",
    "changes": "what changed in an edited release",
    "next_page": "next page of a long article",
    "previous_page": "previous page of a long article",
    "help": "help",
    "quit": "quit",
}
"""Binding id -> what it does."""
