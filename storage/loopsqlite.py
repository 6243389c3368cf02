"""stdlib sqlite3 on the event-loop thread, shaped like aiosqlite for SQLAlchemy's adapter.

aiosqlite runs every call on a worker thread: each of a message's ~35 calls was a GIL hand-off
(issue 17 measured it at about 45% of a step). SQLite's own work per statement is microseconds,
so here every "coroutine" runs the call synchronously and returns at once. One process writes
one transaction at a time (the unit of work's lock in front of BEGIN IMMEDIATE), so the loop
only ever waits on another *process*: the connection's busy timeout is kept tiny and a locked
database is retried with `asyncio.sleep`, never by blocking the loop, until `timeout` seconds.

    create_async_engine(url, module=storage.loopsqlite.dbapi())
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from sqlite3 import (  # noqa: F401  (what SQLAlchemy's adapter copies from the driver)
    PARSE_COLNAMES,
    PARSE_DECLTYPES,
    Binary,
    DatabaseError,
    Error,
    IntegrityError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    sqlite_version,
    sqlite_version_info,
)
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi

BUSY_SLICE_MS = 2  # how long one sqlite3 call may block the loop on a lock held elsewhere
__version__ = "1.0"


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """This module as the DBAPI of SQLAlchemy's `sqlite+aiosqlite` dialect."""
    return AsyncAdapt_aiosqlite_dbapi(sys.modules[__name__], sqlite3)  # type: ignore[arg-type]


def _locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


async def _patiently(call: Callable[[], Any], deadline: float) -> Any:
    """Run `call`; while the database is locked by another process, let the loop run and
    try again (1, 2, 4 … 50 ms) until `deadline`."""
    pause = 0.001
    while True:
        try:
            return call()
        except sqlite3.OperationalError as exc:
            if not _locked(exc) or time.monotonic() >= deadline:
                raise
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.05)


class Cursor:
    def __init__(self, connection: Connection) -> None:
        self._owner = connection
        self._cursor = connection._connection.cursor()  # type: ignore[union-attr]

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        cursor = self._cursor
        try:  # the common case: no lock held by another process
            cursor.execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
            await _patiently(lambda: cursor.execute(sql, parameters), self._owner.deadline())
        return self

    async def executemany(self, sql: str, rows: Iterable[Any]) -> Cursor:
        rows = list(rows)
        cursor = self._cursor
        await _patiently(lambda: cursor.executemany(sql, rows), self._owner.deadline())
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def setinputsizes(self, *sizes: Any) -> None:
        return None

    def __aiter__(self) -> Cursor:
        return self

    async def __anext__(self) -> Any:
        row = self._cursor.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row


class _Inline:
    """Stands in for aiosqlite's request queue (SQLAlchemy sets isolation_level through it)."""

    @staticmethod
    def put_nowait(item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as exc:
            future.set_exception(exc)


class _NoThread:
    daemon = True


class Connection:
    """What SQLAlchemy's aiosqlite adapter awaits, run inline on the calling thread."""

    _thread = _NoThread()
    _tx = _Inline()

    def __init__(self, database: str, timeout: float = 5.0, **kw: Any) -> None:
        self._database, self._kw = database, kw
        self.timeout = float(timeout)
        self._connection: sqlite3.Connection | None = None

    def __await__(self) -> Any:
        return self._open().__await__()

    async def _open(self) -> Connection:
        kw = {**self._kw, "check_same_thread": False}
        opened = sqlite3.connect(self._database, timeout=BUSY_SLICE_MS / 1000, **kw)
        self._connection = opened
        return self

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    def deadline(self) -> float:
        return time.monotonic() + self.timeout

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def cursor(self) -> Cursor:
        return Cursor(self)

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return await Cursor(self).execute(sql, parameters)

    async def commit(self) -> None:
        conn = self._conn
        await _patiently(conn.commit, self.deadline())

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)


def connect(database: str, *, timeout: float = 5.0, **kw: Any) -> Connection:
    """Like `aiosqlite.connect`: awaiting the result opens the connection."""
    return Connection(database, timeout, **kw)
