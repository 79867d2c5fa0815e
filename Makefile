# Each target builds its own virtual environment on first use; only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-deep lint bench contacts-report screenshot clean catalogues

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

# The extraction and feed tests again with every speed shortcut off (src/newsroom_tui/speedups/);
# the shortcuts' own differential tests compare them with the libraries in the first pass.
NO_SPEEDUPS_TESTS := tests/test_extract.py tests/test_markdown.py tests/test_feeds.py \
	tests/test_listing.py

# Bytecode is cached even where the environment turns it off (PYTHONDONTWRITEBYTECODE): each
# test process would otherwise compile the package, Textual and the tests' rewritten asserts again.
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/pytest
# Two test processes per core: about a fifth of the suite waits (on the apps' timers, servers and
# child processes), and work stealing keeps the last minute from waiting on one slow file.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 2) * 2 )))
PARALLEL := -n $(TEST_WORKERS) --dist worksteal

# The second pass runs in one process: its 84 tests take ~4 s of CPU there, while starting four
# workers that each collect the whole suite (~5 s of CPU apiece) took 15 s.
# Suite time on this 2-core machine: 4:05 wall, 7:09 user CPU (a quiet run) before these
# changes: a Textual lru_cache that kept every app's rendered lines is emptied after
# each test and the collector runs less often in test processes (GC time of the UI tests
# 18.9 -> 6.4 s of ~60 s CPU), pipe reads that ended on a 5 s timeout now end at EOF (the
# sync --every tests 17.4 -> 6.7 s and 7.0 -> 1.4 s), the crash test kills 12 children (30 in
# test-deep) and this pass runs serially. After: 3:31 wall, 6:18 user CPU (load 3-4; details in
# benchmarks/analysis.md).
test: lint
	$(PYTEST) -q $(PARALLEL) $(PYTEST_ARGS)
	NEWSROOM_TUI_NO_SPEEDUPS=1 $(PYTEST) -q -p no:cacheprovider $(NO_SPEEDUPS_TESTS)

# The same with every property test at its full number of examples (tests/depth.py): for changes
# to the parsers, the speed shortcuts and the store.
test-deep: export NEWSROOM_TUI_TEST_DEPTH = deep
test-deep: test

# The interface's messages: extracted from the code into the template, merged into the French
# and Spanish catalogues (new messages arrive untranslated, never guessed: no fuzzy matching),
# then compiled. Fill the empty msgstr of the .po files and run it again.
LOCALE_DIR := src/newsroom_tui/locale
UI_LANGUAGES := fr es
catalogues: $(STAMP)
	mkdir -p $(LOCALE_DIR)
	$(BIN)/pybabel extract --no-location --sort-output --omit-header --no-wrap \
		-k N_ -o $(LOCALE_DIR)/newsroom_tui.pot src/newsroom_tui
	for lang in $(UI_LANGUAGES); do \
		if [ -f $(LOCALE_DIR)/$$lang/LC_MESSAGES/newsroom_tui.po ]; then \
			$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --no-wrap \
				-D newsroom_tui -i $(LOCALE_DIR)/newsroom_tui.pot -d $(LOCALE_DIR) -l $$lang \
				|| exit 1; \
		else \
			$(BIN)/pybabel init --no-wrap -D newsroom_tui -i $(LOCALE_DIR)/newsroom_tui.pot \
				-d $(LOCALE_DIR) -l $$lang || exit 1; \
		fi; \
		sed -i -e '/^"POT-Creation-Date: /d' -e '/^"PO-Revision-Date: /d' \
			$(LOCALE_DIR)/$$lang/LC_MESSAGES/newsroom_tui.po; \
	done
	$(BIN)/pybabel compile --statistics -D newsroom_tui -d $(LOCALE_DIR)

contacts-report: $(STAMP)
	$(BIN)/python -m benchmarks.contacts_report

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

screenshot: $(STAMP)
	$(BIN)/python docs/screenshot.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
