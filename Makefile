# naechingu: two commands for a newcomer: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install i18n i18n-compile lint format clean bench

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) i18n-compile

i18n-compile: $(STAMP)
	$(BIN)/pybabel -q compile -d locales -D messages

# Extract messages from the code, update both catalogs, fill the Korean source catalog, compile.
i18n: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -o locales/messages.pot --no-location --sort-output .
	$(BIN)/pybabel -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python -m bot.i18n_fill locales/ko/LC_MESSAGES/messages.po
	$(BIN)/pybabel -q compile -d locales -D messages

run: install
	$(BIN)/python -m bot run

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

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
