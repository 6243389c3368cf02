"""Database engines: SQLite with WAL, a busy timeout, foreign keys and BEGIN IMMEDIATE for
every transaction, run by stdlib sqlite3 on the event-loop thread (`storage.loopsqlite`: no
worker-thread hop per statement, a lock held by another process waited for with
`asyncio.sleep`); PostgreSQL (asyncpg) at READ COMMITTED with row locks."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from storage import loopsqlite
from storage.mapping import map_domain

SQLITE_BUSY_TIMEOUT_S = 15


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def ensure_sqlite_dir(url: str) -> None:
    """A SQLite file's folder (e.g. data/) exists before anything opens the file."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    """An async engine for `url`, configured for safe concurrent writes."""
    map_domain()
    if is_sqlite(url):
        ensure_sqlite_dir(url)
        engine = create_async_engine(
            url, module=loopsqlite.dbapi(), connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
        )
        _configure_sqlite(engine)
        return engine
    return create_async_engine(
        url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
    )


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Stop the driver's legacy implicit BEGIN so that ours below is the only one.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Milliseconds only: the loop never blocks on another process's lock; loopsqlite
        # retries with asyncio.sleep until SQLITE_BUSY_TIMEOUT_S.
        cursor.execute(f"PRAGMA busy_timeout={loopsqlite.BUSY_SLICE_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn) -> None:
        # Take the write lock up front: a read-then-write transaction can never fail to
        # upgrade (SQLITE_BUSY_SNAPSHOT), and two writers never interleave.
        if conn.connection.driver_connection.in_transaction:
            return  # begun on the driver already (the engine's unit of work: storage.lean_uow)
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)
