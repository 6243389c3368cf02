"""Leases on claimable rows (outbox messages, scheduled jobs): the one statement that takes
them, so both queues mean the same by "claimed"."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.ext.asyncio import AsyncSession


async def take_lease(
    session: AsyncSession,
    table: Table,
    ids: list[int],
    *,
    status: str,
    owner: str,
    until: datetime,
) -> list[dict[str, Any]]:
    """Mark the chosen rows (already locked by the caller's SELECT … FOR UPDATE SKIP LOCKED)
    as held by `owner` until `until`, count the attempt, and return them as dicts."""
    if not ids:
        return []
    stmt = (
        update(table)
        .where(table.c.id.in_(ids))
        .values(status=status, lease_owner=owner, lease_until=until, attempts=table.c.attempts + 1)
        .returning(*table.c)
    )
    return [dict(r) for r in (await session.execute(stmt)).mappings()]


async def release_owned(
    session: AsyncSession, table: Table, *, status: str, owner_prefix: str, now: datetime
) -> int:
    """End now every lease whose owner starts with `owner_prefix` (a restarted process's
    previous run): its rows are claimable at once. Returns how many."""
    stmt = (
        update(table)
        .where(
            table.c.status == status,
            table.c.lease_owner.startswith(owner_prefix, autoescape=True),
            table.c.lease_until >= now,
        )
        .values(lease_until=now - timedelta(seconds=1))
    )
    result = await session.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)
