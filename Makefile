# Two entry points (see README): `make demo` and `make test`.
# Everything is installed into ./.venv from the package registry; nothing is assumed on the machine
# beyond a Python 3.11+ interpreter.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= filon.duckdb

.PHONY: setup demo test lint bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Set up, then run the main job on the bundled example corpus: ingest -> extract -> store -> briefing.
demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/filon ingest examples/ --db $(DB)
	$(BIN)/filon briefing --db $(DB)

## Set up, then run the linter and the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check filon tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check filon tests benchmarks

eval: $(STAMP)
	$(BIN)/filon eval --articles ../shared/corpus/articles.jsonl --gold ../shared/corpus/gold.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/store.py

clean:
	rm -rf $(VENV) $(DB) *.egg-info .pytest_cache .ruff_cache
