"""The engine's unit of work: the transaction begins on the driver, the ORM session only if used.

An inbound message runs a few fixed statements of its own (storage.repositories.lean) and,
most of the time, a handler that reads little or nothing: a menu tap. Through an ORM session
each step paid for the session, its transaction, savepoints and commit (a third of a step's
CPU, issue 17). Here the pooled connection is checked out and its transaction begun on the
driver itself (BEGIN IMMEDIATE on SQLite, asyncpg's transaction on PostgreSQL); the session
is made only when a repository first needs it, bound to that very connection and transaction
(`join_transaction_mode="rollback_only"`), so whatever it writes, the engine's state and the
outbox rows still commit together or not at all.

- The objects the identity step loaded (account, resident, household, complex) are handed
  out without a session; they join it when it opens, with any change made to them meanwhile
  tracked as a change. A change with no session open opens one at commit, so it is written.
- `savepoint()` with no session open is a plain SAVEPOINT; if the handler fails, everything
  done inside is rolled back, a session opened inside forgets its objects, and the loaded
  objects get back the values they had at the savepoint.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import make_transient, make_transient_to_detached
from sqlalchemy.util import greenlet_spawn

from core.clock import Clock, SystemClock
from storage.drivers import Driver, PostgresDriver, SqliteDriver
from storage.identity_cache import IdentityCache, Key
from storage.plain import Plain
from storage.repositories.lean import RecentTokens, SqlEngineStore
from storage.uow import NoNotifier, SqlUnitOfWork


def _values(item: Any) -> dict[str, Any]:
    """An object's attribute values as held (a mapped object keeps them in its __dict__)."""
    values = item.__dict__.copy()
    values.pop("_sa_instance_state", None)
    return values


class _Orm:
    """What the repositories hold instead of the session: the session opens on first use;
    `get` of an object the identity step loaded needs none while no session is open."""

    __slots__ = ("_uow",)

    def __init__(self, uow: LeanUnitOfWork) -> None:
        self._uow = uow

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow.session, name)

    async def raw_rows(self, sql: str, *args: Any) -> list[tuple]:
        """storage.drivers.read_rows on the driver (flushing first if a session is open)."""
        await self._uow.flush_pending()
        return await self._uow._driver.all(sql, *args)

    async def plain(self) -> Plain | None:
        """storage.plain.plain_of: plain statements while no session is open (nor needed)."""
        uow = self._uow
        if uow._session is not None or uow._changed():
            return None
        return Plain(uow._driver, uow._engine.dialect, uow.hold)

    async def get(self, model: type, ident: Any, **kw: Any) -> Any:
        uow = self._uow
        if uow._session is None and not kw:
            held = uow._held.get((model, ident))
            if held is not None:
                return held
        return await uow.session.get(model, ident, **kw)


class LeanUnitOfWork(SqlUnitOfWork):
    """Implements core.ports.UnitOfWork, like SqlUnitOfWork, on a transaction begun on the
    driver. Built by `UnitOfWorkFactory.lean()`."""

    def __init__(
        self,
        engine: AsyncEngine,
        fairy: Any,
        driver: Driver,
        clock: Clock | None,
        recent_tokens: RecentTokens | None = None,
        identity_cache: IdentityCache | None = None,
    ) -> None:
        # (SqlUnitOfWork.__init__ is not called: it takes an open session)
        self._engine = engine
        self._fairy = fairy  # the pooled connection, checked out for this unit of work
        self._driver = driver
        self._session: AsyncSession | None = None
        self._connection: AsyncConnection | None = None
        self._held: dict[tuple[type, Any], Any] = {}
        self._loaded: dict[int, dict[str, Any]] = {}  # id(object) → its values as loaded
        self._savepoints = 0
        self.clock = clock or SystemClock()
        self.notifier = NoNotifier()
        self._after_commit: list[Callable[[], None]] = []
        self._orm = _Orm(self)
        self.recent_tokens = recent_tokens
        self.identity_cache = identity_cache
        self._identity: tuple[Key, list[tuple]] | None = None  # what the step read, to keep
        self.engine_store = SqlEngineStore(self)

    # -- what SqlEngineStore asks of its host ------------------------------------------
    def identity_read(self, key: Key, rows: list[tuple], cached: bool) -> None:
        self._identity = (key, rows)

    def _keep_identity(self, clean: bool) -> None:
        """After the commit (`clean`: no session was opened and the loaded objects are as
        read) the identity rows are kept; otherwise dropped (the step may have changed
        them)."""
        if self._identity is None or self.identity_cache is None:
            return
        key, rows = self._identity
        if clean:
            self.identity_cache.put(key, rows)
        else:
            self.identity_cache.drop(key)
        self._identity = None

    async def driver(self) -> Driver:
        return self._driver

    def hold(self, items: list[Any]) -> None:
        """Objects loaded by the engine's own statements, as the ORM would have loaded them."""
        for item in items:
            self._held[(type(item), item.id)] = item
            self._loaded[id(item)] = _values(item)
            if self._session is not None:
                self._attach(item)

    def orm_used(self) -> bool:
        return self._session is not None

    async def flush_pending(self) -> None:
        if self._session is None and self._changed():
            self.session  # noqa: B018  (opens it, so the changes are flushed)
        if self._session is not None and (
            self._session.new or self._session.dirty or self._session.deleted
        ):
            await self._session.flush()

    # -- the session, opened on first use --------------------------------------------
    @property
    def session(self) -> AsyncSession:  # type: ignore[override]
        if self._session is None:
            sync = Connection(self._engine.sync_engine, connection=self._fairy)
            sync.begin()  # no statement: the transaction is already open on the driver
            self._connection = AsyncConnection(self._engine, sync)
            self._session = AsyncSession(
                bind=self._connection,
                expire_on_commit=False,
                autoflush=True,
                join_transaction_mode="rollback_only",
            )
            for item in self._held.values():
                self._attach(item)
        return self._session

    def _attach(self, item: Any) -> None:
        """Into the session as loaded, then any change made since as a tracked change."""
        assert self._session is not None
        loaded, now = self._loaded[id(item)], _values(item)
        if sa_inspect(item).key is not None:  # (detached by a failed savepoint)
            make_transient(item)
        changed = {k: v for k, v in now.items() if k in loaded and loaded[k] != v}
        for key in changed:
            setattr(item, key, loaded[key])
        make_transient_to_detached(item)
        self._session.add(item)
        for key, value in changed.items():
            setattr(item, key, value)

    def _changed(self) -> bool:
        return any(_values(i) != self._loaded[id(i)] for i in self._held.values())

    # -- the unit of work ----------------------------------------------------------------
    async def flush(self) -> None:
        await self.flush_pending()

    async def commit(self) -> None:
        await self.flush_pending()
        clean = self._session is None
        if self._session is not None:
            await self._session.commit()  # (flushes; the transaction itself is committed below)
        if self._connection is not None:
            await self._connection.commit()
        else:
            await _commit(self._driver, self._fairy)
        self._loaded = {id(i): _values(i) for i in self._held.values()}
        self._keep_identity(clean)
        self._committed()

    async def rollback(self) -> None:
        self._keep_identity(False)
        if self._session is not None:
            await self._session.rollback()
        if self._connection is not None:
            await self._connection.rollback()
        else:
            await _rollback(self._driver, self._fairy)
        self._after_commit = []

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Everything inside is undone if it raises; the outer transaction goes on."""
        if self._session is not None:
            async with self._session.begin_nested():
                yield
            return
        self._savepoints += 1
        name = f"lean_{self._savepoints}"
        before = {id(i): _values(i) for i in self._held.values()}
        await self._driver.run(f"SAVEPOINT {name}")
        try:
            yield
        except Exception:
            await self._driver.run(f"ROLLBACK TO SAVEPOINT {name}")
            await self._driver.run(f"RELEASE SAVEPOINT {name}")
            if self._session is not None:  # opened inside: all it holds belongs to it
                self._session.expunge_all()
            for item in self._held.values():
                for key, value in before[id(item)].items():
                    setattr(item, key, value)
                if self._session is not None:
                    self._attach(item)
            raise
        await self._driver.run(f"RELEASE SAVEPOINT {name}")

    async def close(self, keep: bool = False) -> bool:
        """Roll back what is still open and hand the connection back to the pool; with
        `keep`, a connection no session used stays checked out for the next unit of work
        instead. Whether it was kept."""
        self._keep_identity(False)  # (not committed: a stale copy may be why)
        if self._session is not None:
            await self._session.close()
        if self._connection is not None:
            await self._connection.close()  # (rolls back what is open, then checks in)
            return False
        await _rollback(self._driver, self._fairy)
        if keep:
            return True
        await greenlet_spawn(self._fairy._close_special, transaction_reset=True)
        return False

    async def invalidate(self) -> None:
        """Cancelled mid-statement: the connection is closed, not handed back."""
        await greenlet_spawn(self._fairy.invalidate)


async def begin(engine: AsyncEngine, kept: Any = None) -> tuple[Any, Driver]:
    """A pooled connection (`kept`: one still checked out from the last unit of work) with its
    transaction begun on the driver."""
    fairy = kept if kept is not None else await engine.raw_connection()
    adapted: Any = fairy.dbapi_connection
    try:
        if engine.dialect.name == "sqlite":
            loop_connection: Any = fairy.driver_connection
            await loop_connection.execute("BEGIN IMMEDIATE")  # waits out another process
            return fairy, SqliteDriver(loop_connection._conn)
        async with adapted._execute_mutex:
            await adapted._start_transaction()
        if adapted._transaction is None:  # never run the engine's statements outside it
            raise RuntimeError("the PostgreSQL transaction did not begin")
        return fairy, PostgresDriver(fairy.driver_connection)
    except BaseException:
        await greenlet_spawn(fairy.invalidate)
        raise


async def _commit(driver: Driver, fairy: Any) -> None:
    if driver.sqlite:
        await fairy.driver_connection.commit()  # (waits out a checkpoint of another process)
        return
    adapted = fairy.dbapi_connection
    if adapted._transaction is not None:
        await adapted._call_and_discard(adapted._transaction.commit)


async def _rollback(driver: Driver, fairy: Any) -> None:
    if driver.sqlite:
        connection = fairy.driver_connection._conn
        if connection.in_transaction:
            connection.rollback()
        return
    adapted = fairy.dbapi_connection
    if adapted._transaction is not None:
        await adapted._call_and_discard(adapted._transaction.rollback)
