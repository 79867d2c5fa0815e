"""Versions of a release: its versions in other languages, and its earlier versions when edited."""
