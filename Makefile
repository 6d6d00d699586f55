# Two commands on a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST := 127.0.0.1
PORT := 8000

# A Python >= 3.12: PATH first, then pyenv's versions, newest first.
find_python = for c in python3.14 python3.13 python3.12 python3 python \
	  $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/*/bin/python3 2>/dev/null | sort -rV); do \
	  if "$$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    command -v "$$c" 2>/dev/null || echo "$$c"; break; fi; done

.PHONY: run serve worker test bench lint format clean-venv

$(BIN)/.installed: pyproject.toml
	@py="$$($(find_python))"; \
	if [ -z "$$py" ]; then \
	  echo "No Python >= 3.12 with the venv module found on PATH or in pyenv." >&2; \
	  echo "Install one, e.g.: apt-get install python3 python3-venv (Debian 13) or pyenv install 3.12" >&2; \
	  exit 1; fi; \
	echo "Using $$py ($$($$py --version))"; \
	[ -x $(BIN)/python ] || "$$py" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# The app's own bytecode, as pip writes it for installed packages: every command
	@# would otherwise compile the project's sources again (a fifth of a second).
	$(BIN)/python -m compileall -q filings
	@touch $@

run: $(BIN)/.installed
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py loadsample
	$(BIN)/python manage.py ensureadmin
	@# One background worker beside the web server (uploads of several files, large
	@# ones, ingest --background), stopped with it.
	export FILINGS_LOG_LEVEL=$${FILINGS_LOG_LEVEL:-INFO}; \
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	@# No gunicorn access log: its request line carries the query string, and a watch feed's
	@# token is in it; the app logs every request itself, path only.
	$(BIN)/gunicorn filings.wsgi --bind $(HOST):$(PORT) --workers 3 --timeout 120 \
	  --limit-request-line 8190

# Production: gunicorn behind a TLS-terminating reverse proxy (README, Serving). DEBUG is
# off; settings come from the environment (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
# DATABASE_URL, FILINGS_HTTPS ...); logs are JSON lines on stderr unless FILINGS_LOG_FORMAT
# says plain. The proxy's address is the one whose X-Forwarded-* headers gunicorn trusts.
SERVE_BIND ?= 127.0.0.1:8000
SERVE_WORKERS ?= 3
PROXY_IPS ?= 127.0.0.1
serve: $(BIN)/.installed
	@[ -n "$$DJANGO_SECRET_KEY" ] || { echo "Set DJANGO_SECRET_KEY (and DJANGO_ALLOWED_HOSTS) to serve in production." >&2; exit 1; }
	DJANGO_DEBUG=0 $(BIN)/python manage.py check --deploy --fail-level ERROR
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --no-input -v0
	DJANGO_DEBUG=0 FILINGS_LOG_LEVEL=$${FILINGS_LOG_LEVEL:-INFO} FILINGS_LOG_FORMAT=$${FILINGS_LOG_FORMAT:-json} $(BIN)/gunicorn filings.wsgi \
	  --bind $(SERVE_BIND) --workers $(SERVE_WORKERS) --timeout 120 --graceful-timeout 30 \
	  --forwarded-allow-ips "$(PROXY_IPS)" --limit-request-line 8190 --error-logfile -

# A background ingest worker for `make serve` (run one or more beside the web processes).
worker: $(BIN)/.installed
	DJANGO_DEBUG=0 FILINGS_LOG_LEVEL=$${FILINGS_LOG_LEVEL:-INFO} FILINGS_LOG_FORMAT=$${FILINGS_LOG_FORMAT:-json} $(BIN)/python manage.py db_worker --no-reload

test: $(BIN)/.installed
	$(BIN)/python -m pytest -p xdist -n 2 --dist loadfile $(PYTEST_ARGS) || \
	  { status=$$?; [ $$status -eq 5 ] && echo "no tests ran" >&2; exit $$status; }

bench: $(BIN)/.installed
	$(BIN)/python -m compileall -q filings
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_sanitize.py
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_annotations.py
	$(BIN)/python bench/bench_compare.py
	$(BIN)/python bench/bench_insiders.py
	$(BIN)/python bench/bench_watches.py
	$(BIN)/python bench/bench_pages.py

# Results that speed work must not change: `bench/golden.py write` once before, then this.
.PHONY: golden-check
golden-check: $(BIN)/.installed
	$(BIN)/python bench/golden.py check

# A load test on loopback: 50 users for 60 s (48 reading, 2 uploading); needs the bench extra.
.PHONY: load
load: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/load.py

# Faults: the ingest killed at 100 random moments, the store checked after each.
.PHONY: stress
stress: $(BIN)/.installed
	$(BIN)/python bench/stress_kill.py
	$(BIN)/python bench/stress_restart.py

.PHONY: eval
eval: $(BIN)/.installed
	$(BIN)/python tests/eval/score.py

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
