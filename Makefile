# Two entry points (see README): `make demo` and `make test`.
# Everything is installed into ./.venv from the package registry; nothing is assumed on the machine
# beyond a Python 3.11+ interpreter.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= filon.duckdb
# the browser tests drive Debian's Chromium (never a browser downloaded by Playwright)
CHROMIUM := /usr/bin/chromium

.PHONY: setup browser java demo test lint bench eval clean solo-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $(STAMP)

setup: $(STAMP) browser java

## Chromium for tests/test_web_browser.py, from apt when missing (needs root, as in CI; elsewhere
## the browser tests skip with the reason).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	  else echo "note: $(CHROMIUM) is missing and this is not root: browser tests will skip"; fi; \
	fi

## Java for the Spark backend (pyspark runs Spark in a JVM), Debian's JRE when `java` is missing
## (needs root, as in CI; elsewhere the Spark tests skip with the reason).
java:
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless; \
	  else echo "note: java is missing and this is not root: Spark tests will skip"; fi; \
	fi

## Set up, then run the main job on the bundled example corpus: ingest -> extract -> store -> briefing.
demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/filon ingest examples/ --db $(DB)
	$(BIN)/filon briefing --db $(DB)
	@echo
	@echo "Open the web app:  $(BIN)/filon serve --db $(DB)   then http://127.0.0.1:8000/"

## Set up, then run the linter and the whole test suite.
test: $(STAMP) browser java
	$(BIN)/ruff check filon tests benchmarks
	$(BIN)/python -m pytest -q

## Clone the committed project alone into a temporary directory (no ../shared next to it), and
## check that every test is collected there and the ones needing ../shared skip with a reason.
solo-check: $(STAMP)
	@tmp=$$(mktemp -d) && git clone -q . $$tmp/filon && \
	  (cd $$tmp/filon && env -u CI PYTHONPATH=$$tmp/filon $(abspath $(BIN))/python -m pytest -q \
	    -p no:cacheprovider --co >/dev/null && \
	   env -u CI PYTHONPATH=$$tmp/filon $(abspath $(BIN))/python -m pytest -q -rs \
	    -p no:cacheprovider -m "not slow" tests/test_examples.py tests/test_ingest_corpus.py); \
	  rc=$$?; rm -rf $$tmp; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check filon tests benchmarks

eval: $(STAMP)
	$(BIN)/filon eval --articles ../shared/corpus/articles.jsonl --gold ../shared/corpus/gold.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/api_latency.py

clean:
	rm -rf $(VENV) $(DB) *.egg-info .pytest_cache .ruff_cache
