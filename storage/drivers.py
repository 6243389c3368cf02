"""The driver underneath a unit of work's session, for the engine's own statements: stdlib
`sqlite3` on the loop thread (`storage.loopsqlite`, under BEGIN IMMEDIATE) or asyncpg with its
prepared-statement cache, on the very connection (and so the very transaction) the unit of
work holds."""

from __future__ import annotations

import abc
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores on SQLite


@lru_cache(maxsize=64)
def _numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1, $2 …`."""
    parts = sql.split("?")
    return "".join(f"{p}${i}" if i < len(parts) else p for i, p in enumerate(parts, 1))


class Driver(abc.ABC):
    """The few calls the store needs, on SQLite's or asyncpg's own connection."""

    sqlite: bool

    @abc.abstractmethod
    async def all(self, sql: str, *args: Any) -> list[tuple]: ...

    @abc.abstractmethod
    async def run(self, sql: str, *args: Any) -> int:
        """Execute; the number of rows changed."""

    @abc.abstractmethod
    async def many(self, sql: str, rows: list[tuple]) -> None: ...

    def time_in(self, value: datetime) -> Any:
        return value

    def time_out(self, value: Any) -> datetime:
        return value.astimezone(UTC)


class SqliteDriver(Driver):
    sqlite = True

    def __init__(self, connection: Any) -> None:
        self._c = connection  # a sqlite3.Connection inside BEGIN IMMEDIATE

    async def all(self, sql: str, *args: Any) -> list[tuple]:
        return self._c.execute(sql, args).fetchall()

    async def run(self, sql: str, *args: Any) -> int:
        return self._c.execute(sql, args).rowcount

    async def many(self, sql: str, rows: list[tuple]) -> None:
        self._c.executemany(sql, rows)

    def time_in(self, value: datetime) -> Any:
        return value.astimezone(UTC).strftime(_SQLITE_TIME)

    def time_out(self, value: Any) -> datetime:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


class PostgresDriver(Driver):
    sqlite = False

    def __init__(self, connection: Any) -> None:
        self._c = connection  # an asyncpg connection inside the session's transaction

    async def all(self, sql: str, *args: Any) -> list[tuple]:
        return [tuple(r) for r in await self._c.fetch(_numbered(sql), *args)]

    async def run(self, sql: str, *args: Any) -> int:
        status = await self._c.execute(_numbered(sql), *args)
        return int(status.rsplit(" ", 1)[-1]) if status[-1:].isdigit() else 0

    async def many(self, sql: str, rows: list[tuple]) -> None:
        await self._c.executemany(_numbered(sql), rows)


async def driver_of(session: AsyncSession) -> Driver:
    """The session's connection, its transaction begun, as the driver's own object."""
    connection = await session.connection()
    fairy = await connection.get_raw_connection()
    adapted: Any = fairy.dbapi_connection
    if connection.dialect.name == "sqlite":
        return SqliteDriver(fairy.driver_connection._conn)  # type: ignore[union-attr]
    if adapted._transaction is None:  # SQLAlchemy's asyncpg adapter begins lazily
        async with adapted._execute_mutex:
            if adapted._transaction is None:
                await adapted._start_transaction()
    if adapted._transaction is None:  # never run the engine's statements outside it
        raise RuntimeError("the session's PostgreSQL transaction did not begin")
    return PostgresDriver(fairy.driver_connection)


async def read_rows(session: Any, sql: str, *args: Any) -> list[tuple]:
    """A hot, simple read (a menu's "is there anything?") in plain SQL with `?` placeholders,
    on the unit of work's own transaction: the engine's unit of work runs it on its driver
    without opening an ORM session (`raw_rows`), an ordinary session on its connection. What
    the session holds unwritten is flushed first, as autoflush would."""
    raw = getattr(session, "raw_rows", None)
    if raw is not None:
        return list(await raw(sql, *args))
    if session.new or session.dirty or session.deleted:
        await session.flush()
    return await (await driver_of(session)).all(sql, *args)
