"""A newcomer's first `make run`: the SQLite folder (data/) does not exist yet."""

from __future__ import annotations

from storage.migrate import upgrade


def test_migrations_create_the_sqlite_folder_when_it_is_missing(tmp_path):
    target = tmp_path / "data" / "nested" / "naechingu.db"
    upgrade(f"sqlite+aiosqlite:///{target}")
    assert target.exists()
