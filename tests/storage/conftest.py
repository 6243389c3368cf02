"""Workaround, to delete once tests/conftest.py is fixed: there the `db_url` fixture declares
`params=["sqlite"]` and `pytest_generate_tests` parametrises it again for `both_dbs` tests,
which pytest refuses ("duplicate parametrization of 'db_url'"). This override takes its
parameter only from that hook (SQLite when unmarked) and otherwise behaves the same."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.db import create_pg_database, drop_pg_database, require_pg, sqlite_url


@pytest.fixture
def db_url(request, tmp_path):
    if getattr(request, "param", "sqlite") == "sqlite":
        yield sqlite_url(tmp_path)
        return
    require_pg()
    url, name = asyncio.run(create_pg_database())
    try:
        yield url
    finally:
        asyncio.run(drop_pg_database(name))
