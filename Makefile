# The two commands of the README: `make run` and `make test`.
# Each is self-contained on a fresh clone: it creates .venv when missing.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_BUNDLE ?= demo/bundle

.PHONY: run test install messages catalogues lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# axe-core for the accessibility tests (package-lock.json). Without npm the
# browser tests still run their skips, and say so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped (no axe-core)" >&2; fi

messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity=0

# After adding user-facing strings: refresh both catalogues, then translate the new entries.
catalogues: install
	$(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=node_modules --ignore=demo \
		--no-obsolete --add-location=file

run: messages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo $(DEMO_BUNDLE) --if-empty
	@# Scheduled go-live/expiry runs beside the server, as cron does in production.
	$(BIN)/python manage.py run_scheduler --interval 60 & scheduler=$$!; \
	trap "kill $$scheduler 2>/dev/null" EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: messages node_modules/.installed
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The load benchmark (not a test): a generated 24,000-page site under gunicorn and wrk; prints a table.
# BENCH_ARGS: e.g. "--scale 0.1 --duration 5" for a quick run. DATABASE_URL picks PostgreSQL.
bench: messages
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python -m portal.bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules media media-test static artifacts db.sqlite3
