# srdi-assistant: `make run` starts the app on the bundled corpus, `make test` runs the tests.
# Both set everything up on a fresh machine (Python 3.11+ with venv, network to PyPI).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
TORCH := torch==2.13.0
STAMP := $(VENV)/.installed
EVAL := ../shared/eval/qa_public.jsonl

.PHONY: install run ingest test test-fast lint eval bench browser clean

# Bytecode is compiled here too: with PYTHONDONTWRITEBYTECODE set (common in containers)
# Python would otherwise recompile the whole package from source at every start.
install: $(STAMP)
	@$(PY) -m assistant.models.build
	@$(PY) -m compileall -q assistant app.py

# torch first, pinned (a local CPU wheel); then the project with its dev extras.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install $(TORCH)
	$(PIP) install -e ".[dev]"
	touch $(STAMP)

ingest: install
	$(VENV)/bin/srdi ingest

run: ingest
	$(PY) app.py

test: install
	$(VENV)/bin/pytest

# No browser, no embedding model: unit, storage and sync tests (stand-in embedder).
test-fast: install
	$(VENV)/bin/pytest -m "not browser and not model"

lint: install
	$(VENV)/bin/ruff check assistant tests app.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

eval: ingest
	@mkdir -p eval-results
	$(VENV)/bin/srdi eval --questions $(EVAL) --out eval-results/public.jsonl \
	  --retriever hybrid --retriever baseline

bench: ingest
	$(VENV)/bin/srdi bench --questions $(EVAL)

clean:
	rm -rf $(VENV) .cache vectorstore/chroma.sqlite3 vectorstore/*/
