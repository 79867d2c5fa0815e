"""Shortcuts that mirror a library's internals for speed (see README.md here)."""
