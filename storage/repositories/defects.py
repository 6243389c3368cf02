"""Defect reports: queries scoped by complex or household, and the supporters' unique key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.defects.model import OPEN, DefectEvent, DefectReport, Where
from storage import tables

d = tables.defect_reports.c


class SqlDefectRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, report: DefectReport) -> DefectReport:
        self.session.add(report)
        await self.session.flush()
        return report

    async def get(self, report_id: int) -> DefectReport | None:
        return await self.session.get(DefectReport, report_id)

    async def add_event(self, event: DefectEvent) -> None:
        self.session.add(event)
        await self.session.flush()

    async def events(self, report_id: int) -> list[DefectEvent]:
        e = tables.defect_events.c
        stmt = select(DefectEvent).where(e.report_id == report_id).order_by(e.at, e.id)
        return list(await self.session.scalars(stmt))

    async def _page(self, where, order, offset: int, limit: int):
        total = await self.session.scalar(select(func.count()).select_from(where.subquery()))
        rows = await self.session.scalars(where.order_by(*order).offset(offset).limit(limit))
        return list(rows), int(total or 0)

    async def for_household(self, household_id: int, *, offset: int, limit: int):
        stmt = select(DefectReport).where(d.household_id == household_id)
        return await self._page(stmt, (d.created_at.desc(), d.id.desc()), offset, limit)

    async def open_common(self, complex_id: int, *, offset: int, limit: int):
        stmt = select(DefectReport).where(
            d.complex_id == complex_id, d["where"] == Where.COMMON, d.status.in_(sorted(OPEN))
        )
        return await self._page(stmt, (d.created_at.desc(), d.id.desc()), offset, limit)

    async def queue(self, complex_id, *, statuses, category, building, offset, limit):
        stmt = select(DefectReport).where(d.complex_id == complex_id, d.status.in_(statuses))
        if category:
            stmt = stmt.where(d.category == category)
        if building:
            h = tables.households.c
            stmt = stmt.join(tables.households, h.id == d.household_id).where(
                h.building == building
            )
        return await self._page(stmt, (d.urgent.desc(), d.created_at, d.id), offset, limit)

    async def filed_since(self, household_id: int, since: datetime) -> int:
        stmt = select(func.count()).where(d.household_id == household_id, d.created_at >= since)
        return int(await self.session.scalar(stmt) or 0)

    async def add_supporter(self, report_id: int, household_id: int, at: datetime) -> bool:
        report = await self.get(report_id)
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    tables.defect_supporters.insert().values(
                        report_id=report_id,
                        household_id=household_id,
                        complex_id=report.complex_id,
                        at=at,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def open_buildings(self, complex_id: int) -> list[str]:
        h = tables.households.c
        stmt = (
            select(h.building)
            .join(tables.defect_reports, d.household_id == h.id)
            .where(d.complex_id == complex_id, d.status.in_(sorted(OPEN)))
            .distinct()
            .order_by(h.building)
        )
        return list(await self.session.scalars(stmt))

    async def buildings(self, household_ids: list[int]) -> dict[int, str]:
        if not household_ids:
            return {}
        h = tables.households.c
        stmt = select(h.id, h.building).where(h.id.in_(household_ids))
        return {
            household_id: building for household_id, building in await self.session.execute(stmt)
        }

    async def created_between(self, complex_id: int, start: datetime, end: datetime):
        stmt = select(DefectReport).where(
            d.complex_id == complex_id, d.created_at >= start, d.created_at < end
        )
        return list(await self.session.scalars(stmt.order_by(d.id)))
