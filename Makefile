# Two commands do all the set-up on a fresh machine:
#   make edition   build the sample edition (virtualenv, install, import raw/ into tei/)
#   make test      run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.teikit-installed

.PHONY: install edition import test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## The sample edition: raw/ -> tei/ (an editor's hand corrections are never overwritten).
edition: import

import: $(STAMP)
	$(BIN)/teikit import raw/ -o tei/

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py

clean:
	rm -rf out build .pytest_cache
