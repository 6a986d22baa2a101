# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
# Both create .venv (plain python3 -m venv) and install pinned dependencies when needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
# The browser tests load axe-core and TimelineJS3 from npm into Chromium (never a CDN).
JS_DEPS := tests/js/node_modules/.installed

.PHONY: install serve test build check bench eval clean lint typecheck

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# --dirty: MkDocs keeps the site folder between saves and the timeline plugin tells it
# which pages a save left unchanged, so a save writes only what it changed.
serve: install
	@echo "Starting the live preview; MkDocs prints its address (with the site's path) below. Ctrl-C stops."
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

$(JS_DEPS): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	@touch $(JS_DEPS)

test: install $(JS_DEPS)
	$(BIN)/python -m pytest
	$(BIN)/mkdocs build --strict --site-dir $(VENV)/test-site
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

lint: install
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: install
	$(BIN)/mypy

build: install
	$(BIN)/mkdocs build --strict

check: install
	$(BIN)/python -m generator check

bench: install
	$(BIN)/python -m benchmarks $(ARGS)

eval: install
	$(BIN)/python -m benchmarks.cleaning $(ARGS)

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
