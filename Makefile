# naechingu: two commands for a newcomer: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements.lock

.PHONY: run test install lock i18n i18n-compile i18n-missing lint format clean bench typecheck mypy-baseline

# Installs exactly what requirements.lock names (versions and hashes), then this project itself
# without resolving anything: a clone installs the same on any day. Change versions with `make lock`.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $(STAMP)

# Re-resolves pyproject.toml's ranges to the newest versions (runtime + dev, every platform,
# with hashes) into requirements.lock. Run it on purpose, then `make test`, then commit the lock.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --upgrade -q -o $(LOCK)
	rm -f $(STAMP)
	$(MAKE) install

install: $(STAMP) i18n-compile

i18n-compile: $(STAMP)
	$(BIN)/pybabel -q compile -d locales -D messages

# Extract messages from the code, update both catalogs, fill the Korean source catalog, compile.
i18n: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -o locales/messages.pot --no-location --sort-output .
	$(BIN)/pybabel -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python -m bot.i18n_fill locales/ko/LC_MESSAGES/messages.po
	$(BIN)/pybabel -q compile -d locales -D messages

# What a catalog still lacks (and translations that lost a {placeholder}): `make i18n-missing
# LOCALE=vi`. `python -m bot.i18n_missing vi --out DIR` writes JSON batches for a translator;
# `python -m bot.i18n_merge vi DIR/vi-01.json` merges them back (README: Languages).
LOCALE ?= vi
i18n-missing: $(STAMP)
	$(BIN)/python -m bot.i18n_missing $(LOCALE)

run: install
	$(BIN)/python -m bot run

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory typecheck
	$(BIN)/python -m pytest -q

# core/: mypy --strict, no error allowed. bot/ and storage/: no error beyond the baseline.
typecheck: $(STAMP)
	$(BIN)/mypy --strict -p core
	$(BIN)/python -m tests.support.mypy_baseline

mypy-baseline: $(STAMP)
	$(BIN)/python -m tests.support.mypy_baseline --update

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/broadcast.py

clean:
	rm -rf $(VENV) data/*.db data/media
