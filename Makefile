# Diese — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=
export PORT

.PHONY: run dev test install prepare lint check pytest pytest-postgres bench clean

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed

prepare: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo
	# Builds the search index with the current (French) analysis.
	$(PY) manage.py update_index --verbosity 0
	# The words typo tolerance knows ("illetrisme" finds "illettrisme").
	$(PY) manage.py refresh_search_terms

## make run: serve the site with demo content at http://127.0.0.1:$(PORT)
run: prepare
	bin/serve

## make dev: the same, with DEBUG and autoreload, for developers
dev: prepare
	$(PY) manage.py db_worker &
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: lint, checks, and the whole suite on SQLite then PostgreSQL
test: install
	bin/system-packages
	$(MAKE) lint check
	$(MAKE) pytest
	$(MAKE) pytest-postgres

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: install
	DJANGO_SETTINGS_MODULE=diese.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=diese.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest: install
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

pytest-postgres: install
	bin/with-postgres $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

## make bench: search and filtered lists at scale, SQLite then PostgreSQL (bench/README.md)
bench: install
	$(PY) -m bench.search
	if [ -f bench/newsletter.py ]; then $(PY) -m bench.newsletter; fi

clean:
	rm -rf var/static var/test-media
