"""Housekeeping reads and deletes across tables (bot/housekeeping.py runs them daily).

- Strangers: residents never verified (no household) whose first message is older than the
  cut-off and whose conversation has been idle since. Only rows that exist for anyone who
  writes to the bot go with them (DISPOSABLE); a resident any other table refers to (a help
  request, a role, a listing — any foreign key, found in the schema, so a new table is safe
  by default) is kept.
- Referenced media: every 64-hex media id named in a `photo`/`photos` column or in any JSON
  column (dialog answers in progress, outbox screens with images): the files to keep.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import and_, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import tables
from storage.types import JSONText

MEDIA_ID = re.compile(r"[0-9a-f]{64}")
# Rows every first message creates (or may create) for a stranger: deleted with them.
DISPOSABLE = (
    "channel_accounts",
    "conversations",
    "action_tokens",
    "deliveries",
    "outbox",
    "link_codes",
    "notice_reads",
)


def _referrers() -> list:
    """(column) of every foreign key to residents.id outside DISPOSABLE."""
    found = []
    for table in tables.metadata.sorted_tables:
        if table.name in DISPOSABLE:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "residents" and fk.column.name == "id":
                found.append(fk.parent)
    return found


class SqlPurgeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def strangers(self, before: datetime, *, limit: int) -> list[int]:
        r = tables.residents.c
        conv = tables.conversations.c
        kept_by = [exists().where(col == r.id) for col in _referrers()]
        active = exists().where(conv.resident_id == r.id, conv.updated_at >= before)
        stmt = (
            select(r.id)
            .where(r.household_id.is_(None), r.created_at < before, ~active, ~or_(*kept_by))
            .order_by(r.id)
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).scalars())

    async def delete_residents(self, ids: list[int]) -> int:
        """Delete the residents and their DISPOSABLE rows (children first)."""
        if not ids:
            return 0
        accounts = select(tables.channel_accounts.c.id).where(
            tables.channel_accounts.c.resident_id.in_(ids)
        )
        o = tables.outbox.c
        await self.session.execute(
            delete(tables.outbox).where(or_(o.resident_id.in_(ids), o.account_id.in_(accounts)))
        )
        for name in DISPOSABLE:
            if name == "outbox":
                continue
            table = tables.metadata.tables[name]
            await self.session.execute(delete(table).where(table.c.resident_id.in_(ids)))
        subjects = [f"resident:{i}" for i in ids]
        await self.session.execute(
            delete(tables.rate_events).where(tables.rate_events.c.subject.in_(subjects))
        )
        result = await self.session.execute(
            delete(tables.residents).where(
                and_(tables.residents.c.id.in_(ids), tables.residents.c.household_id.is_(None))
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def referenced_media(self) -> set[str]:
        """Every media id any row names (see the module docstring)."""
        found: set[str] = set()
        for table in tables.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if c.name in ("photo", "photos") or isinstance(c.type, JSONText)
            ]
            for column in columns:
                stmt = select(column).where(column.is_not(None)).distinct()
                for value in (await self.session.execute(stmt)).scalars():
                    found.update(MEDIA_ID.findall(str(value)))
        return found
