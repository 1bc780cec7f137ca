# Two commands on a fresh machine:
#   make demo   install everything, ingest the bundled example reports into ./sitrep-demo.db, print the
#               events and the brief, then serve the map on http://127.0.0.1:8000 (Ctrl-C to stop)
#   make test   install everything and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install lint bench clean

demo: install
	$(BIN)/sitrep demo
	$(BIN)/sitrep serve --db sitrep-demo.db

test: install
	$(BIN)/pytest -q

install: $(VENV)/.installed

# The web UI's browser libraries (Leaflet, markercluster, Natural Earth borders, Swagger UI) are npm
# packages pinned in web/package-lock.json, installed into the venv (never committed, never a CDN);
# --ignore-scripts: no package runs code at install (swagger-ui-dist pulls a telemetry postinstall).
WEB_ASSETS = $(VENV)/share/sitrep

$(VENV)/.installed: pyproject.toml web/package.json web/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	mkdir -p $(WEB_ASSETS)
	cp web/package.json web/package-lock.json $(WEB_ASSETS)/
	SCARF_ANALYTICS=false npm ci --prefix $(WEB_ASSETS) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_geo.py
	$(BIN)/python benchmarks/bench_web.py
	$(BIN)/python benchmarks/bench_merge.py
	$(BIN)/python benchmarks/bench_watch.py

clean:
	rm -rf $(VENV) sitrep-demo.db*
