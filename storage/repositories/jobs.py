"""Scheduled jobs: reminders and deadlines as rows, the only truth about scheduled work.

Rules:
- (kind, key) is unique: arming the same job twice keeps one row and moves its due time.
- Statuses: pending → running (claimed with a lease) → done | dead; pending/running → cancelled.
  A done job is never re-armed; a cancelled one is armed again by `at()`.
- `due_at` is the time the job was meant to run and is never moved by retries, so a handler
  can tell how late it is. For a pending job `lease_until` is the earliest retry time (backoff);
  for a running job it is the end of the lease.
- Claims are atomic: FOR UPDATE SKIP LOCKED on PostgreSQL (any number of runners); on SQLite
  the write lock taken by BEGIN IMMEDIATE serialises them. A running job whose lease expired
  (its runner died) is claimed again.
- Outcomes are fenced: only the lease owner can finish or retry a job, so a runner that lost
  its lease cannot mark it done, and its transaction (the job's effect) rolls back.
- `created_at` is the wall-clock time the row was written (audit only; no rule reads it).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import Clock
from storage import tables
from storage.repositories.leases import release_owned, take_lease
from storage.repositories.results import changed

j = tables.scheduled_jobs.c
TERMINAL = ("done", "dead")


class SqlJobRepository:
    """Implements core.ports.Scheduler, plus the runner's claim/finish/retry."""

    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def at(
        self,
        kind: str,
        key: str,
        due_at: datetime,
        payload: dict | None = None,
        complex_id: int | None = None,
    ) -> bool:
        """Create the job, or move a pending one / re-arm a cancelled one (one upsert)."""
        dialect = self.session.bind.dialect.name
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        values = {
            "kind": kind,
            "key": key,
            "due_at": due_at,
            "payload": payload or {},
            "complex_id": complex_id,
            "status": "pending",
            "attempts": 0,
            "created_at": self.clock.now(),
            "last_error": "",
        }
        stmt = insert(tables.scheduled_jobs).values(**values)
        cancelled = j.status == "cancelled"
        stmt = stmt.on_conflict_do_update(
            index_elements=["kind", "key"],
            set_={
                "due_at": stmt.excluded.due_at,
                "payload": stmt.excluded.payload,
                "complex_id": stmt.excluded.complex_id,
                "status": "pending",
                "attempts": case((cancelled, 0), else_=j.attempts),
                "lease_until": case((cancelled, None), else_=j.lease_until),
                "last_error": case((cancelled, ""), else_=j.last_error),
            },
            where=j.status.in_(("pending", "cancelled")),
        )
        result = await self.session.execute(stmt)
        return changed(result) == 1

    async def cancel(self, kind: str, key: str) -> bool:
        result = await self.session.execute(
            update(tables.scheduled_jobs)
            .where(j.kind == kind, j.key == key, j.status.in_(("pending", "running")))
            .values(status="cancelled", lease_until=None)
        )
        return changed(result) == 1

    async def get(self, kind: str, key: str) -> dict[str, Any] | None:
        stmt = select(tables.scheduled_jobs).where(j.kind == kind, j.key == key)
        row = (await self.session.execute(stmt)).mappings().first()
        return dict(row) if row is not None else None

    async def claim(
        self, now: datetime, *, limit: int, owner: str, lease_s: int
    ) -> list[dict[str, Any]]:
        """Claim due jobs (pending and due, past any retry time; or running with an expired
        lease), oldest due first; each claim counts one attempt."""
        due = or_(
            and_(
                j.status == "pending",
                j.due_at <= now,
                or_(j.lease_until.is_(None), j.lease_until <= now),
            ),
            and_(j.status == "running", j.lease_until < now),
        )
        ids = (
            select(j.id)
            .where(due)
            .order_by(j.due_at, j.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        chosen = list((await self.session.execute(ids)).scalars())
        until = now + timedelta(seconds=lease_s)
        rows = await take_lease(
            self.session, tables.scheduled_jobs, chosen, status="running", owner=owner, until=until
        )
        return sorted(rows, key=lambda r: (r["due_at"], r["id"]))

    async def release_owned(self, owner_prefix: str, now: datetime) -> int:
        """A restarted runner takes back at once the jobs its previous run was running."""
        return await release_owned(
            self.session,
            tables.scheduled_jobs,
            status="running",
            owner_prefix=owner_prefix,
            now=now,
        )

    async def finish(
        self, job_id: int, owner: str, status: str, now: datetime, error: str = ""
    ) -> bool:
        """Mark the job done or dead, only if `owner` still holds its lease (fencing)."""
        if status not in TERMINAL:
            raise ValueError(f"finish() takes one of {TERMINAL}, not {status!r}")
        result = await self.session.execute(
            update(tables.scheduled_jobs)
            .where(j.id == job_id, j.lease_owner == owner, j.status == "running")
            .values(status=status, done_at=now, lease_until=None, last_error=error[:200])
        )
        return changed(result) == 1

    async def retry_at(self, job_id: int, owner: str, when: datetime, error: str) -> bool:
        """Put the job back as pending, not to be claimed before `when` (fenced)."""
        result = await self.session.execute(
            update(tables.scheduled_jobs)
            .where(j.id == job_id, j.lease_owner == owner, j.status == "running")
            .values(status="pending", lease_owner=None, lease_until=when, last_error=error[:200])
        )
        return changed(result) == 1
