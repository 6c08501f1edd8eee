# Two entry points for a fresh Debian machine with Python 3.11:
#   make demo   set everything up, run the main job on the bundled example
#   make test   set everything up, run the whole test suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
EXAMPLE := geoconflict/examples/border_strikes.txt

.PHONY: setup system-deps demo test bench clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Leaflet and plugin assets for offline maps come from npm packages installed here.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

system-deps:
	scripts/ensure_system_deps.sh

setup: system-deps $(VENV)/.installed node_modules/.installed

demo: setup
	$(VENV)/bin/geoconflict demo $(EXAMPLE) --outdir outputs

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) benchmarks/bench_gazetteer.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_map.py

clean:
	rm -rf $(VENV) node_modules outputs/*.html outputs/*.png
