"""Several newsrooms at once: which are enabled, one view over their caches, syncing them all.

Each newsroom keeps its own database (`<data>/<profile>/newsroom.sqlite3`); `MultiStore` reads
them together and merges what they list, newest first.
"""
