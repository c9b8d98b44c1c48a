# Two commands do all the set-up on a fresh machine:
#   make edition   build the sample edition: virtualenv, install, import raw/ into tei/,
#                  tag names and dates, validate, render HTML, text, PDF and CMIF into out/
#   make test      run the test suite (installs Chromium and pdftotext first if missing)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.teikit-installed
TEIKIT := $(BIN)/teikit
TITLE  ?= Letters and diaries, 1918–1938: a teikit sample edition

.PHONY: install edition import tag validate render test system-deps bench screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## The sample edition. Each step changes only what changed; an editor's hand corrections
## in tei/ are never overwritten.
edition: render

import: $(STAMP)
	$(TEIKIT) import raw/ -o tei/

tag: import
	$(TEIKIT) entities tag tei/

validate: tag
	$(TEIKIT) validate tei/

# Rendered again only when a document, a register, a stylesheet or teikit itself changed.
RENDER_INPUTS := $(wildcard tei/*.xml tei/registers/*.xml) $(shell find xslt src/teikit -type f -not -name '*.pyc' 2>/dev/null)

render: validate out/.rendered

out/.rendered: $(RENDER_INPUTS) $(STAMP) | validate
	$(TEIKIT) render tei/ --to html --to text --to pdf --to cmif -o out/ --param 'edition-title=$(TITLE)'
	touch $@

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

system-deps:
	@bash scripts/system-deps.sh

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/render_bench.py
	$(BIN)/python bench/pdf_bench.py
	$(BIN)/python bench/suggest_quality.py

screenshots: $(STAMP) system-deps
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf out build .pytest_cache
