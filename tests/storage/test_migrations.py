"""Alembic migrations, on SQLite and PostgreSQL: every revision upgrades, downgrades and
upgrades again (the stairway), and the head schema is exactly what storage.tables declares.

The tests are synchronous: storage/migrations/env.py runs its own event loop."""

from __future__ import annotations

import asyncio

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from storage.migrate import alembic_config, downgrade, upgrade
from storage.tables import metadata

pytestmark = pytest.mark.both_dbs


def revisions_in_order(url: str) -> list:
    script = ScriptDirectory.from_config(alembic_config(url))
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def on_database(url: str, fn):
    """Run fn(sync connection) on the database at url and return its result."""

    async def run():
        engine = create_async_engine(url, poolclass=NullPool)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(fn)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def table_names(url: str) -> set[str]:
    return on_database(url, lambda conn: set(inspect(conn).get_table_names())) - {
        "alembic_version"
    }


def current_revision(url: str) -> str | None:
    return on_database(url, lambda conn: MigrationContext.configure(conn).get_current_revision())


def test_the_revisions_form_one_line_with_one_head(db_url):
    script = ScriptDirectory.from_config(alembic_config(db_url))
    assert len(script.get_heads()) == 1
    revisions = revisions_in_order(db_url)
    assert revisions and revisions[0].down_revision is None
    for before, after in zip(revisions, revisions[1:], strict=False):
        assert after.down_revision == before.revision


def test_every_revision_upgrades_downgrades_and_upgrades_again(db_url):
    cfg = alembic_config(db_url)
    for revision in revisions_in_order(db_url):
        command.upgrade(cfg, revision.revision)
        assert current_revision(db_url) == revision.revision
        command.downgrade(cfg, revision.down_revision or "base")
        assert current_revision(db_url) == revision.down_revision
        command.upgrade(cfg, revision.revision)
        assert current_revision(db_url) == revision.revision


def test_downgrading_to_base_removes_every_table(db_url):
    upgrade(db_url)
    assert table_names(db_url) == set(metadata.tables)
    downgrade(db_url, "base")
    assert table_names(db_url) == set()


def test_upgrading_twice_changes_nothing(db_url):
    upgrade(db_url)
    head = current_revision(db_url)
    upgrade(db_url)
    assert current_revision(db_url) == head


def test_the_head_schema_matches_the_tables_in_code(db_url):
    upgrade(db_url)

    def differences(conn):
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, metadata)

    assert on_database(db_url, differences) == []


async def test_upgrade_refuses_to_run_inside_an_event_loop_but_works_in_a_thread(db_url):
    with pytest.raises(RuntimeError, match="to_thread"):
        upgrade(db_url)
    await asyncio.to_thread(upgrade, db_url)
    assert await asyncio.to_thread(table_names, db_url) == set(metadata.tables)
