"""Benchmarks for newsroom-tui: a synthetic newsroom, a loopback server and `python -m benchmarks.run`."""
