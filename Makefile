# Find a Physician: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
DEMO := data/demo/physicians.jsonl
DEMO_COUNT ?= 5000
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run ready test test-fast serve setup setup-dev node node-stop store postgres-stop data load browser lint audit bench clean vendor

help:
	@echo "make run    - install, start the search node, load demo data, serve http://$(HOST):$(PORT)"
	@echo "make test   - install, start the search node, run the whole test suite against it"
	@echo "make test-fast - unit and integration tests only (the inner loop, under 2 minutes)"
	@echo "make node-stop | lint | audit | bench | clean"

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

node:
	@scripts/ensure-node

node-stop:
	scripts/search-node stop

# The relational store (staff, audit log, curation): migrate once, before the workers start.
store: $(VENV)/.runtime
	$(PY) -m directory.store upgrade

postgres-stop:
	scripts/ensure-postgres stop

$(DEMO): indexer/demo/*.py indexer/demo_scheduling.py data/vocabulary/*.json data/specialties.json | $(VENV)/.runtime
	mkdir -p $(dir $@)
	$(PY) -m indexer.demo --count $(DEMO_COUNT) --seed 42 --out $@

data: $(VENV)/.runtime $(DEMO)

load: data node store
	$(PY) -m indexer ensure

ready: $(VENV)/.runtime data node store load .secret_key

.secret_key: | $(VENV)/.runtime
	$(PY) -c "import secrets; print(secrets.token_hex(32))" > $@

# Parallel: the search node (Maven resolve, JVM start) comes up while pip installs.
run:
	@$(MAKE) --no-print-directory -j3 ready
	@echo "Find a Physician on http://$(HOST):$(PORT)  (Ctrl-C to stop; the search node keeps running: make node-stop)"
	SECRET_KEY=$$(cat .secret_key) GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py wsgi:app

browser:
	@scripts/ensure-browser

# The store's tests run on SQLite and on a real PostgreSQL (Debian's package, started here).
test: $(VENV)/.dev node browser
	url=$$(scripts/ensure-postgres) && export $$url && $(PY) -m pytest

# The inner loop: pure code and the real node, without fault drills and browsers.
# Two workers (pytest-xdist): the tests mostly wait on the node, so two overlap on two
# cores (docs/benchmarks.md: 137 s serial, 88 s with two). TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= 2
test-fast: $(VENV)/.dev node
	url=$$(scripts/ensure-postgres) && export $$url && \
		$(PY) -m pytest -n $(TEST_WORKERS) tests/unit tests/integration

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

audit: $(VENV)/.dev
	@scripts/audit

bench: $(VENV)/.dev node
	$(PY) bench/index_throughput.py --count 100000
	$(PY) bench/search_latency.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis artifacts data/demo search-node/classpath.txt

vendor:
	scripts/vendor-assets
