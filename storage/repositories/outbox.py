"""The outbox: every message the bot sends on its own is a row, written in the same
transaction as the change that caused it, then claimed and delivered by the sender.

Statuses: pending → sending (claimed, with a lease) → sent | blocked | failed;
inbox rows (web chat, KakaoTalk without the Event API) wait as pending until the person's
next message or the web page fetches them, then become sent. A KakaoTalk push whose event
block called our skill to show it becomes read (`mark_read`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage import tables
from storage.repositories.leases import release_owned, take_lease
from storage.repositories.results import changed

o = tables.outbox.c
READABLE = ("pending", "sending", "sent", "failed")  # may still turn out to have been seen


class SqlOutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_many(self, rows: list[dict[str, Any]]) -> int:
        """Queue messages; a dedupe key already queued is skipped (never sent twice)."""
        if not rows:
            return 0
        dialect = self.session.bind.dialect.name
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        stmt = insert(tables.outbox).on_conflict_do_nothing(index_elements=["dedupe_key"])
        result = await self.session.execute(stmt.returning(o.id), rows)
        return len(result.all())  # rowcount is not summed over many rows on every driver

    async def claim(
        self, channels: list[str], now: datetime, *, limit: int, owner: str, lease_s: int
    ) -> list[dict[str, Any]]:
        """Claim due rows atomically: FOR UPDATE SKIP LOCKED on PostgreSQL (any number of
        senders); on SQLite the write lock taken by BEGIN IMMEDIATE serialises claims. Rows
        whose lease expired (a sender died mid-send) are claimed again, first. Urgent rows
        before others, then the oldest, read from the front of ix_outbox_queue: a claim
        costs the same with 100 or 100,000 rows waiting."""
        chosen: list[int] = []
        for channel in channels:  # one channel at a time: each walks ix_outbox_queue in order
            for status, due in (
                ("sending", o.lease_until < now),  # a dead sender's rows first: the oldest
                ("pending", o.next_attempt_at <= now),
            ):
                room = limit - len(chosen)
                if room <= 0:
                    break
                ids = (
                    select(o.id)
                    .where(o.status == status, o.channel == channel, due)
                    .order_by(o.priority.desc(), o.id)
                    .limit(room)
                    .with_for_update(skip_locked=True)
                )
                chosen += (await self.session.execute(ids)).scalars()
        until = now + timedelta(seconds=lease_s)
        rows = await take_lease(
            self.session, tables.outbox, chosen, status="sending", owner=owner, until=until
        )
        return sorted(rows, key=lambda r: (-r["priority"], r["id"]))

    async def hold_role(self, channel: str, owner: str, now: datetime, until: datetime) -> bool:
        """Take or renew the designated-sender role for `channel` (one upsert); True when
        `owner` holds it until `until`, False while another sender's lease runs."""
        r = tables.sender_roles.c
        dialect = self.session.get_bind().dialect.name
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        row = insert(tables.sender_roles).values(channel=channel, owner=owner, lease_until=until)
        upsert = row.on_conflict_do_update(
            index_elements=["channel"],
            set_={"owner": row.excluded.owner, "lease_until": row.excluded.lease_until},
            where=(r.owner == row.excluded.owner) | (r.lease_until < now),
        )
        return (await self.session.execute(upsert.returning(r.channel))).first() is not None

    async def release_roles(self, owner_prefix: str, now: datetime) -> int:
        """Give up the roles held by owners starting with `owner_prefix` (a sender stopping,
        or a restarted process's previous run): another sender may take them at once."""
        r = tables.sender_roles.c
        stmt = (
            update(tables.sender_roles)
            .where(r.owner.startswith(owner_prefix, autoescape=True), r.lease_until >= now)
            .values(lease_until=now - timedelta(seconds=1))
        )
        return changed(await self.session.execute(stmt))

    async def release_owned(self, owner_prefix: str, now: datetime) -> int:
        """A restarted sender takes back at once the rows its previous run was sending."""
        return await release_owned(
            self.session, tables.outbox, status="sending", owner_prefix=owner_prefix, now=now
        )

    async def finish(self, row_id: int, owner: str, status: str, now: datetime, error="") -> bool:
        """Record the outcome, only if this sender still holds the lease (fencing)."""
        result = await self.session.execute(
            update(tables.outbox)
            .where(o.id == row_id, o.lease_owner == owner, o.status == "sending")
            .values(status=status, sent_at=now if status == "sent" else None, last_error=error)
        )
        return changed(result) == 1

    async def finish_sent(self, row_ids: list[int], owner: str, now: datetime) -> int:
        """Record many deliveries in one statement (fenced like `finish`); returns how many
        rows this sender still held."""
        if not row_ids:
            return 0
        result = await self.session.execute(
            update(tables.outbox)
            .where(o.id.in_(row_ids), o.lease_owner == owner, o.status == "sending")
            .values(status="sent", sent_at=now, last_error="")
        )
        return max(changed(result), 0)

    async def retry_at(self, row_id: int, owner: str, when: datetime, error: str) -> None:
        await self.session.execute(
            update(tables.outbox)
            .where(o.id == row_id, o.lease_owner == owner, o.status == "sending")
            .values(status="pending", next_attempt_at=when, last_error=error, lease_owner=None)
        )

    async def take_inbox(self, account_id: int, now: datetime, limit: int = 10) -> list[dict]:
        """Pending inbox messages of one account, oldest first, marked delivered. Rows another
        transaction is taking (a second tab of the same page) are skipped, never handed twice."""
        stmt = (
            select(tables.outbox)
            .where(o.account_id == account_id, o.status == "pending", o.mode == "inbox")
            .order_by(o.priority.desc(), o.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = [dict(r) for r in (await self.session.execute(stmt)).mappings()]
        if rows:
            await self.session.execute(
                update(tables.outbox)
                .where(o.id.in_([r["id"] for r in rows]))
                .values(status="sent", sent_at=now)
            )
        return rows

    async def count_inbox(self, account_id: int) -> int:
        stmt = select(func.count()).where(
            o.account_id == account_id, o.status == "pending", o.mode == "inbox"
        )
        return int(await self.session.scalar(stmt) or 0)

    async def progress(self, batch: str) -> dict[str, int]:
        """How a batch (e.g. one broadcast) stands: {status: count}."""
        stmt = select(o.status, func.count()).where(o.batch == batch).group_by(o.status)
        return {status: int(n) for status, n in (await self.session.execute(stmt)).all()}

    async def get(self, row_id: int) -> dict[str, Any] | None:
        row = (await self.session.execute(select(tables.outbox).where(o.id == row_id))).first()
        return dict(row._mapping) if row is not None else None

    async def mark_read(self, row_id: int, now: datetime) -> bool:
        """The person opened this message (a KakaoTalk event block showed it): `read`, once.
        Returns False when it was already read (two opens cannot both show it). A row still
        being sent counts as delivered: the sender's fenced update then leaves it alone."""
        result = await self.session.execute(
            update(tables.outbox)
            .where(o.id == row_id, o.status.in_(READABLE))
            .values(
                status="read",
                sent_at=func.coalesce(o.sent_at, literal(now, o.sent_at.type)),
                lease_owner=None,
            )
        )
        return changed(result) == 1
