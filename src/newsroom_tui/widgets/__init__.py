"""Widgets of the reader; each posts messages named in the past tense, nested in the widget."""
