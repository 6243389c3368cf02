"""Numbers given for 알림톡 (core.ports.AlertPhoneRepository): one row per resident."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.alert_phone import AlertPhone
from storage import tables
from storage.repositories.results import changed

p = tables.alert_phones.c
SLICE = 500  # ids per IN (...)


class SqlAlertPhoneRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, resident_id: int) -> AlertPhone | None:
        stmt = select(p.resident_id, p.number, p.consented_at).where(p.resident_id == resident_id)
        row = (await self.session.execute(stmt)).first()
        return AlertPhone(*row) if row is not None else None

    async def put(self, phone: AlertPhone) -> None:
        await self.delete(phone.resident_id)
        await self.session.execute(
            tables.alert_phones.insert().values(
                resident_id=phone.resident_id,
                number=phone.number,
                consented_at=phone.consented_at,
            )
        )

    async def delete(self, resident_id: int) -> bool:
        result = await self.session.execute(
            delete(tables.alert_phones).where(p.resident_id == resident_id)
        )
        return changed(result) == 1

    async def having(self, resident_ids: list[int]) -> set[int]:
        found: set[int] = set()
        for start in range(0, len(resident_ids), SLICE):
            part = resident_ids[start : start + SLICE]
            stmt = select(p.resident_id).where(p.resident_id.in_(part))
            found.update(await self.session.scalars(stmt))
        return found

    async def numbers(self, resident_ids: list[int]) -> dict[int, str]:
        """{resident id: number} for those who have one now (the deliverer, at send time)."""
        found: dict[int, str] = {}
        for start in range(0, len(resident_ids), SLICE):
            part = resident_ids[start : start + SLICE]
            stmt = select(p.resident_id, p.number).where(p.resident_id.in_(part))
            found.update({int(r): str(n) for r, n in (await self.session.execute(stmt)).all()})
        return found
