"""Allows `python -m newsroom_tui`."""

from newsroom_tui.cli import main

raise SystemExit(main())
