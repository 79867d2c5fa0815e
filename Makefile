# Each target builds its own virtual environment on first use; only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsroom-tui --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs
	$(BIN)/mypy

# The extraction and feed tests again with every speed shortcut off (src/newsroom_tui/speedups/).
NO_SPEEDUPS_TESTS := tests/test_extract.py tests/test_extract_drop.py tests/test_selectors.py \
	tests/test_markdown.py tests/test_feeds.py tests/test_listing.py

test: lint
	$(BIN)/pytest -q -n auto $(PYTEST_ARGS)
	NEWSROOM_TUI_NO_SPEEDUPS=1 $(BIN)/pytest -q -n auto -p no:cacheprovider $(NO_SPEEDUPS_TESTS)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

screenshot: $(STAMP)
	$(BIN)/python docs/screenshot.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
