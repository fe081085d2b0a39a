# stdcomment: two commands set everything up on a fresh machine with python3 (3.11+), make and git.
#   make demo   run the whole pipeline on the bundled sample draft
#   make test   lint, type-check and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.runtime-installed
DEV    := $(VENV)/.test-installed
DEMO_OUT ?= demo-output

.PHONY: demo test lint typecheck pytest bench clean samples

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
	  || { echo "stdcomment needs Python 3.11 or newer ($(PYTHON) is older)"; exit 2; }
	@$(PYTHON) -m venv $(VENV) \
	  || { echo "'$(PYTHON) -m venv' failed: install the venv module (Debian/Ubuntu: apt-get install python3-venv)"; rm -rf $(VENV); exit 2; }
	@$(BIN)/python -m pip install -q --upgrade pip

$(RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(DEV): pyproject.toml $(RUN)
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

demo: $(RUN)
	$(BIN)/stdcomment demo --output $(DEMO_OUT) --force

test: $(DEV) lint typecheck pytest

lint: $(DEV)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(DEV)
	$(BIN)/mypy

pytest: $(DEV)
	$(BIN)/pytest -q

bench: $(DEV)
	$(BIN)/python benchmarks/cli.py
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/scan.py
	$(BIN)/python benchmarks/diff.py
	$(BIN)/python benchmarks/pdf.py

samples: $(RUN)
	$(BIN)/python tools/build_samples.py

clean:
	rm -rf $(VENV) build dist $(DEMO_OUT)
