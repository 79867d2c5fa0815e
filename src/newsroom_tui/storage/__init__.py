"""The offline cache: one SQLite file behind the `Store` facade."""
