# Two commands on a fresh machine: `make serve` and `make test`.
# Everything else (the venv, the pinned packages, the browser) is set up here.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-tests
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
BUILD_FAQ := $(PY) build_faq.py

AXE := tests/node_modules/axe-core/axe.min.js

.PHONY: serve build test check dist bench fuzz browser fonts clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): $(STAMP) tests/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

# axe-core for the accessibility tests, pinned by tests/package-lock.json.
$(AXE): tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --silent
	touch $@

# Debian's chromium: Playwright cannot download its own browser here.
browser:
	@test -x $(CHROMIUM) && command -v pdftotext >/dev/null || { \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }
	@test -x $(CHROMIUM) && command -v pdftotext >/dev/null || { echo "chromium is missing at $(CHROMIUM)"; exit 1; }

# The booklet PDF's font (Noto Serif, full Vietnamese coverage, embedded) and
# the Pango that WeasyPrint lays text out with.
fonts:
	@fc-list | grep -q "Noto Serif" && ldconfig -p | grep -q libpangoft2 || { \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# Publishing builds record every answer id in faq-ids.txt (commit it).
# Strict counts every warning MkDocs prints (with --quiet it dropped them
# first); then the booklet PDF, and the built pages are scanned for anything
# live (faqbuild/scan.py).
build: $(STAMP) fonts
	$(BUILD_FAQ) --strict --record-ids
	$(VENV)/bin/mkdocs build --strict
	$(PY) -m faqbuild.pdf site --cache .cache/booklet
	$(PY) -m faqbuild.scan site

check: $(STAMP)
	$(BUILD_FAQ) --strict --record-ids --check

# Regenerates pages whenever faq.yml or a plan changes; mkdocs serve then
# sees docs/ change, rebuilds only the pages that changed (--dirty; the
# watcher touches every page when the navigation or the glossary changes)
# and reloads the browser.
DEV_ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(BUILD_FAQ)
	$(BUILD_FAQ) --watch & WATCHER=$$!; \
	trap 'kill $$WATCHER 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/mkdocs serve --dirty --no-strict --dev-addr $(DEV_ADDR)

test: $(TEST_STAMP) $(AXE) browser build
	$(PY) -m pytest -q tests

# A long fuzzing session (make test runs a short, fixed-seed one).
fuzz: $(TEST_STAMP)
	FUZZ=1 $(PY) -m pytest -q tests/test_fuzz.py

# Performance report: timings side by side, sizes, budgets (PASS/FAIL); then
# search, over http (site/) and over file:// (the offline copy of `make dist`).
# SEARCH_QUERIES=path runs the search figures on another queries file.
SEARCH_QUERIES ?= tests/search_eval.yml
bench: $(TEST_STAMP) browser build dist
	$(PY) tests/bench/bench_build.py
	$(PY) tests/bench/bench_search.py --site site --queries $(SEARCH_QUERIES)
	$(PY) tests/bench/bench_search.py --site dist/$(DIST_NAME) --offline --queries $(SEARCH_QUERIES)

# The air-gapped copy: open dist/hoi-dap-chi-thi-47/index.html from the file
# system. Search runs from an inlined index, nothing is fetched from outside.
DIST_NAME := hoi-dap-chi-thi-47
dist: $(STAMP) fonts
	$(BUILD_FAQ) --strict --record-ids
	rm -rf dist/$(DIST_NAME) dist/$(DIST_NAME).zip
	OFFLINE=true $(VENV)/bin/mkdocs build --strict -d dist/$(DIST_NAME)
	$(PY) -m faqbuild.pdf dist/$(DIST_NAME) --cache .cache/booklet
	$(PY) -m faqbuild.scan dist/$(DIST_NAME)
	cd dist && ../$(PY) -m zipfile -c $(DIST_NAME).zip $(DIST_NAME)/
	@echo "wrote dist/$(DIST_NAME).zip"

clean:
	rm -rf site dist .pytest_cache tests/node_modules
