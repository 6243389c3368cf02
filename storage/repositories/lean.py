"""The engine's own statements in plain SQL, on the unit of work's own connection.

Each inbound message runs a handful of fixed statements (delivery dedupe, the conversation
row lock, token lookup, the inbox probe, the conversation write). Through the ORM each cost
statement building, result processing and the async bridge; here they go straight to the
driver on the very connection (and so the very transaction) the session holds: stdlib
`sqlite3` on the loop thread (`storage.loopsqlite`, under BEGIN IMMEDIATE) or asyncpg with
its prepared-statement cache. Whatever a handler writes through the ORM, the state written
here and the outbox rows still commit together, or not at all.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached

from core.errors import ConcurrencyConflict, StaleCopy
from core.identity.model import ChannelAccount, Complex, Household, Resident
from storage import tables
from storage.drivers import Driver, driver_of
from storage.identity_cache import IdentityCache, Key
from storage.plain import loaded

# Every column of households and complexes, read from the tables (a column added later is
# loaded too): the "id" first, so a missing row reads as a None id.
_COLUMNS = {
    t.name: ["id", *(c.key for c in t.columns if c.key != "id")]
    for t in (tables.households, tables.complexes)
}
_IDENTITY = (
    "SELECT a.id, a.resident_id, a.created_at, a.address, a.unreachable,"
    " r.created_at, r.locale, r.easy_mode, r.household_id, r.complex_id,"
    " g.role, g.complex_id, "
    + ", ".join(f"h.{c}" for c in _COLUMNS["households"])
    + ", "
    + ", ".join(f"c.{c}" for c in _COLUMNS["complexes"])
    + ", r.identity_version"
    + " FROM channel_accounts a JOIN residents r ON r.id = a.resident_id"
    " LEFT JOIN role_grants g ON g.resident_id = r.id AND g.revoked_at IS NULL"
    " LEFT JOIN households h ON h.id = r.household_id"
    " LEFT JOIN complexes c ON c.id = r.complex_id"
    " WHERE a.channel = ? AND a.external_id = ?"
)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _load(value: Any) -> Any:
    return None if value is None else json.loads(value)


class RecentTokens:
    """Reusable button tokens this process stored lately, with the expiry it wrote (bounded,
    oldest dropped first; one per process, built with the unit-of-work factory).

    The home menu's buttons are the same tokens every time it is shown: re-writing their rows
    on every step only pushed their expiry on. A token written within `slack` is not written
    again; its row exists (recorded only after the commit) and expires at most `slack`
    earlier than a fresh write would make it. Single-use tokens are always written."""

    def __init__(self, size: int = 20_000, slack: timedelta = timedelta(days=1)) -> None:
        self._written: OrderedDict[str, datetime] = OrderedDict()
        self._size = size
        self._slack = slack

    def stored(self, token: str, expires: datetime) -> bool:
        written = self._written.get(token)
        return written is not None and written >= expires - self._slack

    def remember(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self._written[row["token"]] = row["expires_at"]
            self._written.move_to_end(row["token"])
        while len(self._written) > self._size:
            self._written.popitem(last=False)


_INBOX = (  # anything waiting in the account's inbox (the engine then shows it)
    "SELECT 1 FROM outbox WHERE account_id = ? AND status = 'pending' AND mode = 'inbox' LIMIT 1"
)
_CONVERSATION = (  # the inbox probe rides along: no statement of its own on a menu tap
    "SELECT c.dialog, c.step, c.data, c.screen, c.updated_at, c.version, EXISTS ("
    + _INBOX
    + ") FROM conversations c WHERE c.resident_id = ?"
)
_CHECKED = (  # the same, with the version of the identity the step took from the cache
    "SELECT c.dialog, c.step, c.data, c.screen, c.updated_at, c.version, EXISTS ("
    + _INBOX
    + "), r.identity_version FROM conversations c JOIN residents r ON r.id = c.resident_id"
    " WHERE c.resident_id = ?"
)


class StoreHost(Protocol):
    """What the store needs of its unit of work."""

    recent_tokens: RecentTokens | None
    identity_cache: IdentityCache | None

    def identity_read(self, key: Key, rows: list[tuple], cached: bool) -> None:
        """The identity rows this step used (`cached`: from the cache): the unit of work
        keeps them after a clean commit, or drops them."""

    def after_commit(self, callback: Callable[[], None]) -> None: ...

    async def driver(self) -> Driver: ...

    def hold(self, items: list[Any]) -> None:
        """Objects loaded here, to be treated as if the ORM had loaded them."""

    async def flush_pending(self) -> None:
        """Write what the handlers queued through the ORM (before a raw read counts it)."""

    def orm_used(self) -> bool:
        """Whether an ORM session is open on this unit of work (it may have written)."""


class SessionHost:
    """The host of an ordinary unit of work: its session's own connection and transaction."""

    recent_tokens: RecentTokens | None = None
    identity_cache: IdentityCache | None = None

    def identity_read(self, key: Key, rows: list[tuple], cached: bool) -> None:
        pass

    def after_commit(self, callback: Callable[[], None]) -> None:
        raise AssertionError("only with recent_tokens")

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._driver: Driver | None = None
        self._held: list[Any] = []  # the session holds its objects weakly

    async def driver(self) -> Driver:
        if self._driver is None:
            self._driver = await driver_of(self.session)
        return self._driver

    def hold(self, items: list[Any]) -> None:
        for item in items:
            make_transient_to_detached(item)
            self.session.add(item)
        self._held = items

    async def flush_pending(self) -> None:
        if self.session.new or self.session.dirty or self.session.deleted:
            await self.session.flush()

    def orm_used(self) -> bool:
        return True


class SqlEngineStore:
    """Implements bot.engine.store.EngineStore on the unit of work's transaction."""

    def __init__(self, host: StoreHost | AsyncSession) -> None:
        self._host: StoreHost = host if not isinstance(host, AsyncSession) else SessionHost(host)
        self._locked: dict[int, tuple] = {}  # the rows as read, to write only what changed
        self._copy: tuple[Key, int, int] | None = None  # cached identity: key, resident, version
        self._inbox: tuple[int, bool] | None = None  # (account, anything waiting) as locked

    async def _db(self) -> Driver:
        return await self._host.driver()

    async def identity(
        self, channel: str, external_id: str
    ) -> tuple[ChannelAccount, Resident, frozenset[tuple[str, int | None]]] | None:
        """Account, resident and live role grants in one statement, the objects handed to
        the unit of work as if the ORM had loaded them (a handler's change to them is
        flushed as usual), and so are the resident's household and complex (the home
        menu's `households.get`/`complexes.get` then find them without a query); None for a
        first message."""
        db = await self._db()
        key = (channel, external_id)
        cache = self._host.identity_cache
        rows = cache.get(key) if cache is not None else None
        cached = rows is not None
        if rows is None:
            rows = await db.all(_IDENTITY, channel, external_id)
        if not rows:
            return None
        first = rows[0]
        if cached:  # checked against the version when the conversation row is locked
            self._copy = (key, first[1], first[-1])
        self._host.identity_read(key, rows, cached)
        account = loaded(
            ChannelAccount,
            {
                "channel": channel,
                "external_id": external_id,
                "resident_id": first[1],
                "created_at": db.time_out(first[2]),
                "address": first[3],
                "unreachable": bool(first[4]),
                "id": first[0],
            },
        )
        resident = loaded(
            Resident,
            {
                "created_at": db.time_out(first[5]),
                "locale": first[6],
                "easy_mode": bool(first[7]),
                "household_id": first[8],
                "complex_id": first[9],
                "id": first[1],
            },
        )
        held: list[Any] = [account, resident]
        at = 12
        for model, table in ((Household, tables.households), (Complex, tables.complexes)):
            names = _COLUMNS[table.name]
            values = first[at : at + len(names)]
            at += len(names)
            if values[0] is not None:  # (not yet verified: no household, no complex)
                held.append(loaded(model, dict(zip(names, values, strict=True))))
        self._host.hold(held)
        grants = frozenset((r[10], r[11]) for r in rows if r[10] is not None)
        return account, resident, grants

    async def lock_conversation(
        self, resident_id: int, now: datetime, account_id: int = 0
    ) -> dict[str, Any]:
        """The resident's conversation row, created if missing, locked until commit
        (PostgreSQL: FOR UPDATE; SQLite: the whole write transaction is BEGIN IMMEDIATE);
        whether the account's inbox holds anything is read in the same statement."""
        db = await self._db()
        copy = self._copy if self._copy and self._copy[1] == resident_id else None
        sql = _CHECKED if copy else _CONVERSATION
        sql += "" if db.sqlite else " FOR UPDATE OF c"
        rows = await db.all(sql, account_id, resident_id)
        if copy and (not rows or rows[0][7] != copy[2]):  # changed since kept (any process)
            assert self._host.identity_cache is not None
            self._host.identity_cache.drop(copy[0])
            raise StaleCopy("the kept identity rows are stale")
        if not rows:
            await db.run(
                "INSERT INTO conversations (resident_id, data, updated_at, version)"
                " VALUES (?, '{}', ?, 0) ON CONFLICT (resident_id) DO NOTHING",
                resident_id,
                db.time_in(now),
            )
            rows = await db.all(sql, account_id, resident_id)
        dialog, step, data, screen, updated_at, version, inbox = rows[0][:7]
        self._inbox = (account_id, bool(inbox))
        self._locked[resident_id] = (dialog, step, data, screen, db.time_out(updated_at))
        return {
            "resident_id": resident_id,
            "dialog": dialog,
            "step": step,
            "data": _load(data) or {},
            "screen": _load(screen),
            "updated_at": db.time_out(updated_at),
            "version": version,
        }

    async def save_conversation(
        self, state: dict[str, Any], now: datetime, touch_after: timedelta
    ) -> bool:
        """Write the state unless it equals the row as locked and that row is younger than
        `touch_after`; whether it wrote."""
        db = await self._db()
        data, screen = _dump(state["data"]), _dump(state["screen"])
        before = self._locked.get(state["resident_id"])
        now_state = (state["dialog"], state["step"], data, screen)
        if before is not None and before[:4] == now_state and before[4] >= now - touch_after:
            return False
        changed = await db.run(
            "UPDATE conversations SET dialog = ?, step = ?, data = ?, screen = ?,"
            " updated_at = ?, version = ? WHERE resident_id = ? AND version = ?",
            state["dialog"],
            state["step"],
            data,
            screen,
            db.time_in(now),
            state["version"] + 1,
            state["resident_id"],
            state["version"],
        )
        if changed != 1:  # only if the row lock was bypassed; the engine retries the message
            raise ConcurrencyConflict("conversation changed concurrently")
        return True

    async def token(self, token: str) -> dict[str, Any] | None:
        db = await self._db()
        rows = await db.all(
            "SELECT resident_id, action, single_use, used_at, expires_at"
            " FROM action_tokens WHERE token = ?",
            token,
        )
        if not rows:
            return None
        resident_id, action, single_use, used_at, expires_at = rows[0]
        return {
            "token": token,
            "resident_id": resident_id,
            "action": _load(action),
            "single_use": bool(single_use),
            "used_at": None if used_at is None else db.time_out(used_at),
            "expires_at": db.time_out(expires_at),
        }

    async def use_token(self, token: str, now: datetime) -> bool:
        """Mark a single-use token used; False when it was used already (the row's own
        condition decides, so two fast taps cannot both get True)."""
        db = await self._db()
        changed = await db.run(
            "UPDATE action_tokens SET used_at = ? WHERE token = ? AND used_at IS NULL",
            db.time_in(now),
            token,
        )
        return changed == 1

    async def add_tokens(self, rows: list[dict[str, Any]]) -> None:
        """Store tokens; a token shown again (same resident, same action) just lives longer."""
        recent = self._host.recent_tokens
        if recent is not None:
            rows = [
                r
                for r in rows
                if r["single_use"] or not recent.stored(r["token"], r["expires_at"])
            ]
        if not rows:
            return
        await self._host.flush_pending()  # (the residents they name may be new rows)
        db = await self._db()
        yes, no = (1, 0) if db.sqlite else (True, False)
        times: dict[datetime, Any] = {}  # (the rows of one step share their expiry)
        for r in rows:
            if r["expires_at"] not in times:
                times[r["expires_at"]] = db.time_in(r["expires_at"])
        await db.many(
            "INSERT INTO action_tokens (token, resident_id, action, single_use, expires_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (token)"
            " DO UPDATE SET expires_at = excluded.expires_at",
            [
                (
                    r["token"],
                    r["resident_id"],
                    _dump(r["action"]),
                    yes if r["single_use"] else no,
                    times[r["expires_at"]],
                )
                for r in rows
            ],
        )
        if recent is not None:
            reusable = [r for r in rows if not r["single_use"]]
            self._host.after_commit(lambda: recent.remember(reusable))

    async def claim_delivery(self, key: str, now: datetime) -> list[Any] | None:
        """Record a delivery key. None if it is new; else the reply stored for it (the
        screens as dicts: empty when the first delivery stored none)."""
        db = await self._db()
        inserted = await db.run(
            "INSERT INTO deliveries (key, created_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            key,
            db.time_in(now),
        )
        if inserted:
            return None
        rows = await db.all("SELECT reply FROM deliveries WHERE key = ?", key)
        return list(_load(rows[0][0]) or ()) if rows else []

    async def store_reply(self, key: str, resident_id: int, reply: list[Any]) -> None:
        db = await self._db()
        await db.run(
            "UPDATE deliveries SET resident_id = ?, reply = ? WHERE key = ?",
            resident_id,
            _dump(reply),
            key,
        )

    async def inbox_waiting(self, account_id: int) -> bool:
        """Whether anything waits in the account's inbox (the engine then takes it): as read
        with the conversation row, unless an ORM session was opened since (only through one
        can a handler queue outbox rows), then asked again."""
        if self._inbox and self._inbox[0] == account_id and not self._host.orm_used():
            return self._inbox[1]
        await self._host.flush_pending()  # rows a handler queued through the ORM count too
        db = await self._db()
        return bool(await db.all(_INBOX, account_id))
