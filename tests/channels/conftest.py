"""Channel fixtures for the adapter tests (the fake Bot API `api` and the `bot` against it).
The journeys' `person` fixture lives in tests/conftest.py: every feature's journey uses it."""

from __future__ import annotations

from tests.channels.telegram_support import api, bot  # noqa: F401  (fixtures for the adapter tests)
