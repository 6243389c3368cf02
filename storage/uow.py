"""The unit of work: one session, one transaction, every repository on it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.util import greenlet_spawn

from core.clock import Clock, SystemClock
from core.errors import ConcurrencyConflict
from core.ports import Notifier, UnitOfWork
from storage.identity_cache import IdentityCache
from storage.repositories.alert_phones import SqlAlertPhoneRepository
from storage.repositories.boards import SqlBoardRepository
from storage.repositories.defects import SqlDefectRepository
from storage.repositories.desk import SqlDeskRepository
from storage.repositories.engine import (
    SqlConversationRepository,
    SqlDeliveryRepository,
    SqlTokenRepository,
)
from storage.repositories.figures import SqlFiguresRepository
from storage.repositories.helpdesk import SqlHelpRepository
from storage.repositories.identity import (
    SqlAccountRepository,
    SqlComplexRepository,
    SqlHouseholdRepository,
    SqlInviteRepository,
    SqlLinkCodeRepository,
    SqlRateEventRepository,
    SqlResidentRepository,
    SqlRoleRepository,
)
from storage.repositories.jobs import SqlJobRepository
from storage.repositories.lean import RecentTokens, SqlEngineStore
from storage.repositories.notices import SqlNoticeRepository
from storage.repositories.outbox import SqlOutboxRepository
from storage.repositories.partners import SqlPartnerRepository
from storage.repositories.picks import SqlPickRepository
from storage.repositories.points import SqlPointsRepository
from storage.repositories.privacy import SqlPrivacyRepository
from storage.repositories.proxy import SqlProxyRepository
from storage.repositories.roster import SqlRosterRepository
from storage.repositories.share import SqlShareRepository
from storage.repositories.shop import SqlShopRepository
from storage.repositories.surveys import SqlSurveyRepository
from storage.repositories.votes import SqlVoteRepository

log = logging.getLogger("naechingu.storage")


class NoNotifier:
    """Stands in until the composition root sets the real notifier: using it is a bug."""

    async def notify(self, *args: Any, **kw: Any) -> int:
        raise RuntimeError("no notifier: build units of work with bot.app.build_services")

    async def notify_many(self, *args: Any, **kw: Any) -> int:
        raise RuntimeError("no notifier: build units of work with bot.app.build_services")


R = TypeVar("R")
KEEP_POSTGRES = 4  # connections kept checked out between the engine's units of work


class _Lazy(Generic[R]):
    """A repository built from the unit of work's session on first access, then kept in the
    instance (a non-data descriptor: the instance's attribute wins from then on)."""

    def __init__(self, build: Callable[[AsyncSession], R]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, uow: None, owner: type) -> _Lazy[R]: ...
    @overload
    def __get__(self, uow: SqlUnitOfWork, owner: type) -> R: ...
    def __get__(self, uow: SqlUnitOfWork | None, owner: type) -> _Lazy[R] | R:
        if uow is None:
            return self
        built = uow.__dict__[self._name] = self._build(uow._orm)
        return built


class SqlUnitOfWork:
    """Implements core.ports.UnitOfWork. Rolls back on exit unless committed."""

    # Built on first use (a message step touches two or three of them); a new repository
    # is one more line here: `name = _Lazy(SqlNameRepository)`.
    complexes = _Lazy(SqlComplexRepository)
    households = _Lazy(SqlHouseholdRepository)
    residents = _Lazy(SqlResidentRepository)
    accounts = _Lazy(SqlAccountRepository)
    roles = _Lazy(SqlRoleRepository)
    alert_phones = _Lazy(SqlAlertPhoneRepository)  # 알림톡 numbers
    invites = _Lazy(SqlInviteRepository)
    links = _Lazy(SqlLinkCodeRepository)
    roster = _Lazy(SqlRosterRepository)  # households and invites in bulk
    desk = _Lazy(SqlDeskRepository)  # desk login codes, operators
    outbox = _Lazy(SqlOutboxRepository)
    defects = _Lazy(SqlDefectRepository)
    notices = _Lazy(SqlNoticeRepository)
    votes = _Lazy(SqlVoteRepository)
    surveys = _Lazy(SqlSurveyRepository)  # 설문조사
    boards = _Lazy(SqlBoardRepository)  # 게시판
    share = _Lazy(SqlShareRepository)
    shop = _Lazy(SqlShopRepository)  # 알뜰쇼핑
    picks = _Lazy(SqlPickRepository)  # 우체국쇼핑·바깥 상품
    partners = _Lazy(SqlPartnerRepository)  # 제휴상가 혜택, 쿠폰
    rate_events = _Lazy(SqlRateEventRepository)
    conversations = _Lazy(SqlConversationRepository)
    tokens = _Lazy(SqlTokenRepository)
    deliveries = _Lazy(SqlDeliveryRepository)
    engine_store = _Lazy(SqlEngineStore)  # the engine's own statements, plain SQL
    points = _Lazy(SqlPointsRepository)
    proxies = _Lazy(SqlProxyRepository)  # 대신 하기 audit
    privacy = _Lazy(SqlPrivacyRepository)  # 내 정보, 탈퇴, retention
    help = _Lazy(SqlHelpRepository)  # 도움 요청
    figures = _Lazy(SqlFiguresRepository)  # monitoring (GET /metrics)

    def __init__(self, session: AsyncSession, clock: Clock | None = None) -> None:
        self.session = session
        self._orm: Any = session  # what repositories are built on (see storage.lean_uow)
        self.clock = clock or SystemClock()  # for the rows repositories stamp themselves
        # The Notifier port, set by the composition root (it renders with the bot's wording).
        self.notifier: Notifier = NoNotifier()
        self._after_commit: list[Callable[[], None]] = []

    @cached_property
    def jobs(self) -> SqlJobRepository:
        """The Scheduler port."""
        return SqlJobRepository(self._orm, self.clock)

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the current transaction has committed (never on rollback):
        e.g. waking the open web pages of the people a notification was queued for."""
        self._after_commit.append(callback)

    async def flush(self) -> None:
        await self.session.flush()

    async def commit(self) -> None:
        await self.session.commit()
        self._committed()

    def _committed(self) -> None:
        """Run the after-commit hooks, once."""
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # the transaction is committed: a hook cannot undo it
                log.exception("after-commit hook failed")

    async def rollback(self) -> None:
        await self.session.rollback()
        self._after_commit = []

    @contextlib.asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Everything inside is undone if it raises; the outer transaction goes on."""
        async with self.session.begin_nested():
            yield


class UnitOfWorkFactory:
    """Opens units of work. On SQLite one process writes one transaction at a time (an
    asyncio lock in front of BEGIN IMMEDIATE), which measured faster than lock contention."""

    def __init__(
        self,
        sessions: async_sessionmaker,
        *,
        serialize: bool,
        extend=None,
        clock: Clock | None = None,
        identity_cache: int = 4096,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._lock = asyncio.Lock() if serialize else None
        self._extend = extend  # adds ports implemented outside storage (the notifier)
        self.recent_tokens = RecentTokens()  # this process's, for the engine's units of work
        self.identity_cache = IdentityCache(identity_cache)  # likewise; 0 entries: off
        self._kept: list[Any] = []  # the engine's connections between its units of work
        self._turns: asyncio.Semaphore | None = None  # (PostgreSQL; see _turns_on)

    @contextlib.asynccontextmanager
    async def __call__(self) -> AsyncIterator[SqlUnitOfWork]:
        async with contextlib.AsyncExitStack() as stack:
            if self._lock is not None:
                await stack.enter_async_context(self._lock)
            session = await stack.enter_async_context(self._sessions())
            uow = SqlUnitOfWork(session, self._clock)
            if self._extend is not None:
                self._extend(uow)
            try:
                yield uow
            except (IntegrityError, OperationalError) as exc:
                if isinstance(exc, OperationalError) and not _is_contention(exc):
                    raise
                raise ConcurrencyConflict(str(exc.orig)) from exc
            except DBAPIError as exc:
                if _is_contention(exc):
                    raise ConcurrencyConflict(str(exc.orig)) from exc
                raise
            except asyncio.CancelledError:
                # Cancelled mid-statement (e.g. a caller's timeout): the driver connection may
                # be in the middle of a call ("another operation is in progress" on asyncpg),
                # so it is closed rather than handed back to the pool.
                await asyncio.shield(session.invalidate())
                raise
            finally:
                await session.rollback()

    @contextlib.asynccontextmanager
    async def lean(self) -> AsyncIterator[SqlUnitOfWork]:
        """A unit of work whose transaction begins on the driver and whose ORM session opens
        only if something uses it (storage.lean_uow): the engine's, one per inbound message."""
        from storage.lean_uow import LeanUnitOfWork, begin

        engine = self._sessions.kw["bind"]
        async with contextlib.AsyncExitStack() as stack:
            if self._lock is not None:
                await stack.enter_async_context(self._lock)
            else:  # PostgreSQL: steps take their turn for a connection in arrival order
                await stack.enter_async_context(self._turns_on(engine))
            # A few connections stay checked out between the engine's units of work while no
            # ORM session needed them (SQLite: one, as one unit of work runs at a time): no
            # pool round trip per step, and on PostgreSQL no pre-ping (three statements) per
            # step; a kept connection that broke meanwhile is dropped and a pooled one taken.
            fairy, driver = await self._begin(engine, begin)
            uow = LeanUnitOfWork(
                engine, fairy, driver, self._clock, self.recent_tokens, self.identity_cache
            )
            if self._extend is not None:
                self._extend(uow)
            keep = len(self._kept) < (1 if self._lock is not None else KEEP_POSTGRES)
            try:
                yield uow
            except asyncio.CancelledError:
                await asyncio.shield(uow.invalidate())
                raise
            except BaseException as exc:
                await uow.close()
                conflict = _conflict(exc)
                if conflict is None:
                    raise
                raise conflict from exc
            if await uow.close(keep=keep):
                self._kept.append(fairy)

    def _turns_on(self, engine) -> asyncio.Semaphore:
        """At most the pool's size of the engine's units of work hold a connection at once;
        the others wait here, first come first served. Waiting inside the pool instead let
        a step that found a kept connection overtake those queued there (a p99 of 200–400
        ms at 32 concurrent steps, issue 17); the pool's overflow stays for the rest (the
        sender, the scheduler, a unit of work opened inside a step)."""
        if self._turns is None:
            size = getattr(engine.pool, "size", None)
            self._turns = asyncio.Semaphore(max(size() if callable(size) else 10, 1))
        return self._turns

    async def _begin(self, engine, begin) -> tuple[Any, Any]:
        while self._kept:
            kept = self._kept.pop()
            try:
                return await begin(engine, kept)
            except Exception as exc:  # (begin has invalidated it)
                log.warning("a kept connection broke: %s", type(exc).__name__)
        return await begin(engine)

    async def aclose(self) -> None:
        """Hand back the connections kept between the engine's units of work (before the
        engine's pool is disposed)."""
        kept, self._kept = self._kept, []
        for fairy in kept:
            await greenlet_spawn(fairy._close_special, transaction_reset=True)


def _conflict(exc: BaseException) -> ConcurrencyConflict | None:
    """A concurrency conflict, from SQLAlchemy or straight from the driver, as the domain's
    ConcurrencyConflict (the engine retries the message); None for anything else."""
    if isinstance(exc, (IntegrityError, OperationalError, DBAPIError)):
        if isinstance(exc, IntegrityError) or _is_contention(exc):
            return _as_conflict(exc, exc.orig)
        return None
    name = type(exc).__name__
    if name == "IntegrityError" or name.endswith("ViolationError"):  # sqlite3 / asyncpg
        return _as_conflict(exc, exc)
    text = str(exc).lower()
    code = getattr(exc, "sqlstate", None)
    if ("locked" in text and name == "OperationalError") or code in ("40001", "40P01"):
        return _as_conflict(exc, exc)
    return None


def _as_conflict(exc: BaseException, orig: Any) -> ConcurrencyConflict:
    return ConcurrencyConflict(str(orig))


def _is_contention(exc: DBAPIError) -> bool:
    """SQLite "database is locked", PostgreSQL serialization failure or deadlock."""
    text = str(exc.orig).lower()
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return "locked" in text or "deadlock" in text or code in ("40001", "40P01")


if TYPE_CHECKING:

    def _implements_the_port(uow: SqlUnitOfWork) -> UnitOfWork:
        """mypy checks here that SqlUnitOfWork satisfies core.ports.UnitOfWork."""
        return uow
