"""Figures for monitoring (GET /metrics): what waits in the outbox and the job table."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import tables

LATE_AFTER = timedelta(minutes=1)  # a pending job this far past its due time is late


class SqlFiguresRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def outbox_pending(self) -> dict[str, int]:
        """Rows waiting to be sent, by channel."""
        o = tables.outbox.c
        stmt = select(o.channel, func.count()).where(o.status == "pending").group_by(o.channel)
        return {channel: n for channel, n in (await self.session.execute(stmt)).all()}

    async def jobs_due(self, now: datetime) -> tuple[int, int]:
        """Scheduled jobs due now and, of those, late (due over a minute ago)."""
        j = tables.scheduled_jobs.c
        due = (j.status == "pending") & (j.due_at <= now)
        late = func.sum(case((j.due_at < now - LATE_AFTER, 1), else_=0))
        row = (await self.session.execute(select(func.count(), late).where(due))).one()
        return int(row[0] or 0), int(row[1] or 0)
