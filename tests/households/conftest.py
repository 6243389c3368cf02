"""Helpers: the onboarding commands run in this process on the test database; what they
printed and their exit code."""

from __future__ import annotations

import sqlite3

import pytest

from bot.cli.commands import complex_add


@pytest.fixture
async def complexes(config):
    """Two complexes: AA (the one imported into) and BB (must stay untouched)."""
    assert await complex_add(config, "AA", "햇살마을") == 0
    assert await complex_add(config, "BB", "달빛마을") == 0


def households(config, complex_code: str) -> list[tuple[str, str]]:
    path = config.database.url.split("///", 1)[1]
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "select building, unit from households h join complexes c on c.id = h.complex_id "
            "where c.code = ? order by h.id",
            (complex_code,),
        ).fetchall()
