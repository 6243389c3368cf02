"""Notices: the target 동 kept in their own table (for the residents' list), status changes
as conditional updates, reads with a unique key, recipients paged by resident id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, exists, func, not_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.notices.model import Notice, NoticeStatus, UnreachedBuilding
from storage import tables
from storage.plain import plain_of, select_list
from storage.repositories.results import changed

n = tables.notices.c
nb = tables.notice_buildings.c
r = tables.residents.c
h = tables.households.c
SHOWN = (NoticeStatus.SENDING.value, NoticeStatus.SENT.value)
_NEWEST = (  # (the ORM statement of `_visible`, newest first, written out)
    f"SELECT {select_list(tables.notices, 'n')} FROM notices n"
    " WHERE n.complex_id = ? AND n.status IN (?, ?)"
    " AND (NOT EXISTS (SELECT 1 FROM notice_buildings b WHERE b.notice_id = n.id)"
    " OR EXISTS (SELECT 1 FROM notice_buildings b WHERE b.notice_id = n.id AND b.building = ?))"
    " ORDER BY n.send_at DESC, n.id DESC LIMIT 1"
)
_READ = (
    "INSERT INTO notice_reads (notice_id, resident_id, complex_id, at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (notice_id, resident_id) DO NOTHING"
)


class SqlNoticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, notice: Notice) -> Notice:
        self.session.add(notice)
        await self.session.flush()
        if notice.buildings:
            await self.session.execute(
                tables.notice_buildings.insert(),
                [
                    {"notice_id": notice.id, "building": b, "complex_id": notice.complex_id}
                    for b in notice.buildings
                ],
            )
        return notice

    async def get(self, notice_id: int) -> Notice | None:
        return await self.session.get(Notice, notice_id, populate_existing=True)

    async def transition(self, notice_id: int, before: str, after: str, at: datetime) -> bool:
        values: dict = {"status": after}
        if after == NoticeStatus.SENDING:
            values["started_at"] = at
        elif after == NoticeStatus.SENT:
            values["sent_at"] = at
        result = await self.session.execute(
            update(tables.notices)
            .where(n.id == notice_id, n.status == before)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return changed(result) == 1

    def _residents(self, complex_id: int, buildings: list[str]):
        stmt = (
            select(r.id)
            .join(tables.households, h.id == r.household_id)
            .where(r.complex_id == complex_id)
        )
        return stmt.where(h.building.in_(buildings)) if buildings else stmt

    async def recipients(self, complex_id, buildings, *, after: int, limit: int) -> list[int]:
        stmt = self._residents(complex_id, buildings).where(r.id > after)
        return list(await self.session.scalars(stmt.order_by(r.id).limit(limit)))

    async def expected_messages(self, complex_id: int, buildings: list[str]) -> int:
        a = tables.channel_accounts.c
        stmt = select(func.count()).where(
            a.resident_id.in_(self._residents(complex_id, buildings)), a.unreachable.is_(False)
        )
        return int(await self.session.scalar(stmt) or 0)

    async def buildings(self, complex_id: int) -> list[str]:
        stmt = select(h.building).where(h.complex_id == complex_id).distinct()
        return sorted(await self.session.scalars(stmt))

    async def _page(self, stmt, order, offset: int, limit: int):
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = await self.session.scalars(stmt.order_by(*order).offset(offset).limit(limit))
        return list(rows), int(total or 0)

    @staticmethod
    def _visible(complex_id: int, building: str):
        targeted = exists().where(nb.notice_id == n.id)
        here = exists().where(nb.notice_id == n.id, nb.building == building)
        return select(Notice).where(
            n.complex_id == complex_id, n.status.in_(SHOWN), or_(not_(targeted), here)
        )

    async def visible(self, complex_id: int, building: str, *, offset: int, limit: int):
        order = (n.pinned.desc(), n.send_at.desc(), n.id.desc())
        return await self._page(self._visible(complex_id, building), order, offset, limit)

    async def newest_visible(self, complex_id: int, building: str) -> Notice | None:
        """공지사항 (a resident's most frequent tap): plain SQL when the unit of work offers it."""
        plain = await plain_of(self.session)
        if plain is None:
            stmt = self._visible(complex_id, building).order_by(n.send_at.desc(), n.id.desc())
            return await self.session.scalar(stmt.limit(1))
        rows = await plain.driver.all(_NEWEST, complex_id, *SHOWN, building)
        found = plain.objects(Notice, tables.notices, rows)
        return found[0] if found else None

    async def for_complex(self, complex_id: int, *, offset: int, limit: int):
        stmt = select(Notice).where(n.complex_id == complex_id)
        return await self._page(stmt, (n.send_at.desc(), n.id.desc()), offset, limit)

    async def mark_read(self, notice_id: int, resident_id: int, complex_id: int, at) -> bool:
        """One row per (notice, resident): INSERT … ON CONFLICT DO NOTHING, no savepoint."""
        plain = await plain_of(self.session)
        if plain is not None:
            db = plain.driver
            return await db.run(_READ, notice_id, resident_id, complex_id, db.time_in(at)) == 1
        dialect = self.session.get_bind().dialect.name
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        stmt = insert(tables.notice_reads).values(
            notice_id=notice_id, resident_id=resident_id, complex_id=complex_id, at=at
        )
        result = await self.session.execute(stmt.on_conflict_do_nothing())
        return changed(result) == 1

    async def read_count(self, notice_id: int) -> int:
        c = tables.notice_reads.c
        stmt = select(func.count()).where(c.notice_id == notice_id)
        return int(await self.session.scalar(stmt) or 0)

    async def read_counts(self, notice_ids: list[int]) -> dict[int, int]:
        if not notice_ids:
            return {}
        c = tables.notice_reads.c
        stmt = (
            select(c.notice_id, func.count())
            .where(c.notice_id.in_(notice_ids))
            .group_by(c.notice_id)
        )
        return {int(i): int(count) for i, count in (await self.session.execute(stmt)).all()}

    async def batch_counts(self, batch: str) -> dict[str, int]:
        o = tables.outbox.c
        stmt = select(o.status, func.count()).where(o.batch == batch).group_by(o.status)
        return {status: int(count) for status, count in (await self.session.execute(stmt)).all()}

    async def inbox_waiting(self, batch: str) -> int:
        o = tables.outbox.c
        stmt = select(func.count()).where(
            and_(o.batch == batch, o.status == "pending", o.mode == "inbox")
        )
        return int(await self.session.scalar(stmt) or 0)

    async def delivery_rows(self, batch: str, notice_id: int):
        o, nr = tables.outbox.c, tables.notice_reads.c
        read = nr.resident_id.is_not(None)
        joined = tables.outbox.outerjoin(
            tables.notice_reads, and_(nr.notice_id == notice_id, nr.resident_id == o.resident_id)
        )
        stmt = (
            select(o.channel, o.mode, o.status, read.label("read"), func.count())
            .select_from(joined)
            .where(o.batch == batch)
            .group_by(o.channel, o.mode, o.status, read)
        )
        return [
            (channel, mode, status, bool(was_read), int(count))
            for channel, mode, status, was_read, count in (await self.session.execute(stmt)).all()
        ]

    async def unreached(
        self, complex_id: int, batch: str, notice_id: int, before: datetime
    ) -> list[UnreachedBuilding]:
        o, nr = tables.outbox.c, tables.notice_reads.c
        sent, their = tables.outbox.alias("sent_rows"), tables.residents.alias("their")
        reader = tables.residents.alias("reader")
        got_it = (
            select(sent.c.id)
            .join(their, their.c.id == sent.c.resident_id)
            .where(sent.c.batch == batch, sent.c.status == "sent", their.c.household_id == h.id)
            .exists()
        )
        read_it = (
            select(nr.resident_id)
            .join(reader, reader.c.id == nr.resident_id)
            .where(nr.notice_id == notice_id, reader.c.household_id == h.id)
            .exists()
        )
        homes = (
            select(h.id.label("household"), h.building.label("building"))
            .select_from(tables.outbox)
            .join(tables.residents, r.id == o.resident_id)
            .join(tables.households, h.id == r.household_id)
            .where(
                o.batch == batch,
                o.complex_id == complex_id,
                h.complex_id == complex_id,
                o.created_at <= before,
                not_(got_it),
                not_(read_it),
            )
            .distinct()
            .subquery()
        )
        stmt = (
            select(homes.c.building, func.count())
            .group_by(homes.c.building)
            .order_by(homes.c.building)
        )
        return [
            UnreachedBuilding(building, int(count))
            for building, count in (await self.session.execute(stmt)).all()
        ]
