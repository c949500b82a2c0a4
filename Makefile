# Every target bootstraps .venv itself: a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: run test lint typecheck graph bench docker-smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/aipath run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

graph: $(STAMP)
	$(BIN)/aipath graph --output docs/dialogue.mmd

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# Builds and runs the Docker image for real (needs root or a Docker engine; not part of test).
docker-smoke: $(STAMP)
	PYTHON=$(BIN)/python bash deploy/smoke.sh

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
