"""Getting releases in: polite fetching, feeds and listings, and the sync recipe."""
