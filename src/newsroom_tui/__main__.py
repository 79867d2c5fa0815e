"""Allows `python -m newsroom_tui`.

Guarded: sync's extraction workers are spawned processes, which import this module again as
`__mp_main__`; they must neither start the CLI nor pay for importing it.
"""

if __name__ == "__main__":
    from newsroom_tui.cli import main

    raise SystemExit(main())
