"""알뜰쇼핑 storage, one vendor for many complexes: the shops a complex is served by besides its
own, and the requests to serve it. A decision is one conditional UPDATE (asked → approved or
refused), so two coordinators deciding at once decide once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core.shop.model import ServeStatus, ShopComplex
from storage import tables
from storage.repositories.results import changed

sc_ = tables.shop_complexes.c


def served_shops(complex_id: int) -> Select:
    """The ids of the shops of other complexes approved to serve this one (a subquery)."""
    return select(sc_.shop_id).where(
        sc_.complex_id == complex_id, sc_.status == ServeStatus.APPROVED
    )


class SqlServingMixin:
    session: AsyncSession

    async def add_serving(self, item: ShopComplex) -> ShopComplex:
        self.session.add(item)
        await self.session.flush()
        return item

    async def get_serving(self, serving_id: int) -> ShopComplex | None:
        return await self.session.get(ShopComplex, serving_id)

    async def serving(self, shop_id: int, complex_id: int) -> ShopComplex | None:
        stmt = select(ShopComplex).where(sc_.shop_id == shop_id, sc_.complex_id == complex_id)
        return await self.session.scalar(stmt)

    async def servings(
        self,
        *,
        shop_id: int | None = None,
        complex_id: int | None = None,
        statuses: Sequence[str] = (),
    ) -> list[ShopComplex]:
        stmt = select(ShopComplex)
        if shop_id is not None:
            stmt = stmt.where(sc_.shop_id == shop_id)
        if complex_id is not None:
            stmt = stmt.where(sc_.complex_id == complex_id)
        if statuses:
            stmt = stmt.where(sc_.status.in_([str(s) for s in statuses]))
        return list(await self.session.scalars(stmt.order_by(sc_.asked_at, sc_.id)))

    async def serves(self, shop_id: int, complex_id: int) -> bool:
        stmt = select(
            exists().where(
                sc_.shop_id == shop_id,
                sc_.complex_id == complex_id,
                sc_.status == ServeStatus.APPROVED,
            )
        )
        return bool(await self.session.scalar(stmt))

    async def decide_serving(
        self,
        serving_id: int,
        expected: Sequence[str],
        target: str,
        *,
        now: datetime,
        by: int | None,
    ) -> bool:
        stmt = (
            update(tables.shop_complexes)
            .where(sc_.id == serving_id, sc_.status.in_([str(s) for s in expected]))
            .values(status=str(target), decided_at=now, decided_by=by)
            .execution_options(synchronize_session=False)
        )
        if changed(await self.session.execute(stmt)) != 1:
            return False
        known = self.session.identity_map.get(self.session.identity_key(ShopComplex, serving_id))
        if known is not None:
            set_committed_value(known, "status", str(target))
            set_committed_value(known, "decided_at", now)
            set_committed_value(known, "decided_by", by)
        return True
