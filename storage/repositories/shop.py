"""알뜰쇼핑 storage: shops, products, 기획전, group buys and orders. Stock, a group buy's
total and an order's status change only through one conditional UPDATE each (the row is
locked by the update on PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers), and the
loaded object is told the new value without marking it dirty."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core.shop.model import (
    Exhibition,
    ExhibitionItem,
    GroupBuy,
    GroupBuyStatus,
    Order,
    OrderStatus,
    Product,
    Shop,
)
from storage import tables
from storage.repositories.results import changed
from storage.repositories.shop_accounts import SqlAccountMixin
from storage.repositories.shop_serving import SqlServingMixin, served_shops

s_ = tables.shops.c
p_ = tables.shop_products.c
e_ = tables.shop_exhibitions.c
ei_ = tables.shop_exhibition_items.c
g_ = tables.shop_group_buys.c
o_ = tables.shop_orders.c


class SqlShopRepository(SqlServingMixin, SqlAccountMixin):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, item):
        self.session.add(item)
        await self.session.flush()
        return item

    def _known(self, cls, item_id: int):
        """The object already loaded in this session, if any (no query)."""
        return self.session.identity_map.get(self.session.identity_key(cls, item_id))

    # --- shops ---
    async def add_shop(self, shop: Shop) -> Shop:
        return await self._add(shop)

    async def get_shop(self, shop_id: int) -> Shop | None:
        return await self.session.get(Shop, shop_id)

    async def shop_named(self, complex_id: int, name: str) -> Shop | None:
        stmt = select(Shop).where(s_.complex_id == complex_id, s_.name == name)
        return await self.session.scalar(stmt)

    async def shop_of_household(self, household_id: int) -> Shop | None:
        return await self.session.scalar(select(Shop).where(s_.household_id == household_id))

    async def shops(
        self, complex_id: int, kind: str | None = None, *, serving: bool = False
    ) -> list[Shop]:
        here = s_.complex_id == complex_id
        if serving:
            here = or_(here, s_.id.in_(served_shops(complex_id)))
        stmt = select(Shop).where(here)
        if kind:
            stmt = stmt.where(s_.kind == kind)
        return list(await self.session.scalars(stmt.order_by(s_.id)))

    async def shop_names(self, shop_ids: list[int]) -> dict[int, str]:
        if not shop_ids:
            return {}
        stmt = select(s_.id, s_.name).where(s_.id.in_(sorted(set(shop_ids))))
        return {shop_id: name for shop_id, name in await self.session.execute(stmt)}

    # --- products ---
    async def add_product(self, product: Product) -> Product:
        return await self._add(product)

    async def get_product(self, product_id: int) -> Product | None:
        return await self.session.get(Product, product_id)

    async def product_names(self, product_ids: list[int]) -> dict[int, str]:
        if not product_ids:
            return {}
        stmt = select(p_.id, p_.name).where(p_.id.in_(sorted(set(product_ids))))
        return {product_id: name for product_id, name in await self.session.execute(stmt)}

    async def products(
        self,
        complex_id: int,
        *,
        shop_id: int | None = None,
        kind: str | None = None,
        ids: list[int] | None = None,
        active_only: bool = True,
        offset: int = 0,
        limit: int = 5,
    ) -> tuple[list[Product], int]:
        stmt = select(Product).where(
            or_(p_.complex_id == complex_id, p_.shop_id.in_(served_shops(complex_id)))
        )
        if shop_id is not None:
            stmt = stmt.where(p_.shop_id == shop_id)
        if kind:
            stmt = stmt.join(tables.shops, s_.id == p_.shop_id).where(s_.kind == kind)
        if ids is not None:
            stmt = stmt.where(p_.id.in_(list(ids)))
        if active_only:
            stmt = stmt.where(p_.active.is_(True))
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = await self.session.scalars(
            stmt.order_by(p_.created_at.desc(), p_.id.desc()).offset(offset).limit(limit)
        )
        return list(rows), int(total or 0)

    async def take_stock(self, product_id: int, quantity: int) -> bool:
        stmt = (
            update(tables.shop_products)
            .where(p_.id == product_id, p_.stock >= quantity)
            .values(stock=p_.stock - quantity)
            .returning(p_.stock)
            .execution_options(synchronize_session=False)
        )
        left = (await self.session.execute(stmt)).scalar()
        if left is None:
            return False
        if (known := self._known(Product, product_id)) is not None:
            set_committed_value(known, "stock", left)
        return True

    async def put_back_stock(self, product_id: int, quantity: int) -> None:
        stmt = (
            update(tables.shop_products)
            .where(p_.id == product_id)
            .values(stock=p_.stock + quantity)
            .returning(p_.stock)
            .execution_options(synchronize_session=False)
        )
        left = (await self.session.execute(stmt)).scalar()
        if (known := self._known(Product, product_id)) is not None and left is not None:
            set_committed_value(known, "stock", left)

    # --- 기획전 ---
    async def add_exhibition(self, item: Exhibition) -> Exhibition:
        return await self._add(item)

    async def get_exhibition(self, exhibition_id: int) -> Exhibition | None:
        return await self.session.get(Exhibition, exhibition_id)

    async def exhibitions_on(self, complex_id: int, now: datetime) -> list[Exhibition]:
        here = or_(e_.complex_id == complex_id, e_.shop_id.in_(served_shops(complex_id)))
        scoped = or_(e_.only_complex_id.is_(None), e_.only_complex_id == complex_id)
        stmt = select(Exhibition).where(here, scoped, e_.starts_at <= now, e_.ends_at > now)
        return list(await self.session.scalars(stmt.order_by(e_.ends_at, e_.id)))

    async def add_exhibition_items(self, items: list[ExhibitionItem]) -> None:
        self.session.add_all(items)
        await self.session.flush()

    async def sale_prices(self, exhibition_id: int) -> dict[int, int]:
        stmt = select(ei_.product_id, ei_.sale_price).where(
            ei_.exhibition_id == exhibition_id, ei_.sale_price.is_not(None)
        )
        return {row.product_id: row.sale_price for row in await self.session.execute(stmt)}

    # --- group buys ---
    async def add_group_buy(self, item: GroupBuy) -> GroupBuy:
        return await self._add(item)

    async def get_group_buy(self, group_buy_id: int) -> GroupBuy | None:
        return await self.session.get(GroupBuy, group_buy_id)

    async def group_buys(self, complex_id, *, statuses, shop_id=None) -> list[GroupBuy]:
        stmt = select(GroupBuy).where(g_.complex_id == complex_id, g_.status.in_(statuses))
        if shop_id is not None:
            stmt = stmt.where(g_.shop_id == shop_id)
        return list(await self.session.scalars(stmt.order_by(g_.deadline, g_.id)))

    async def change_joined(self, group_buy_id: int, delta: int, now: datetime) -> bool:
        room = or_(g_.maximum.is_(None), g_.joined + delta <= g_.maximum)
        stmt = (
            update(tables.shop_group_buys)
            .where(
                g_.id == group_buy_id,
                g_.status == GroupBuyStatus.OPEN,
                g_.deadline > now,
                g_.joined + delta >= 0,
                room if delta > 0 else g_.id.is_not(None),
            )
            .values(joined=g_.joined + delta)
            .returning(g_.joined)
            .execution_options(synchronize_session=False)
        )
        joined = (await self.session.execute(stmt)).scalar()
        if joined is None:
            return False
        if (known := self._known(GroupBuy, group_buy_id)) is not None:
            set_committed_value(known, "joined", joined)
        return True

    async def claim_group_buy(self, group_buy_id: int) -> bool:
        stmt = (
            update(tables.shop_group_buys)
            .where(g_.id == group_buy_id, g_.status == GroupBuyStatus.OPEN)
            .values(status=GroupBuyStatus.CLOSING)
            .returning(g_.joined)
            .execution_options(synchronize_session=False)
        )
        joined = (await self.session.execute(stmt)).scalar()
        if joined is None:
            return False
        if (known := self._known(GroupBuy, group_buy_id)) is not None:
            set_committed_value(known, "joined", joined)
            set_committed_value(known, "status", GroupBuyStatus.CLOSING)
        return True

    # --- orders ---
    async def add_order(self, order: Order) -> Order:
        return await self._add(order)

    async def get_order(self, order_id: int) -> Order | None:
        return await self.session.get(Order, order_id)

    async def move_order(self, order_id: int, expected: Sequence[str], target: str) -> bool:
        stmt = (
            update(tables.shop_orders)
            .where(o_.id == order_id, o_.status.in_([str(s) for s in expected]))
            .values(status=str(target))
            .execution_options(synchronize_session=False)
        )
        if changed(await self.session.execute(stmt)) != 1:
            return False
        if (known := self._known(Order, order_id)) is not None:
            set_committed_value(known, "status", str(target))
        return True

    async def _page(self, stmt, order, offset: int, limit: int):
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = await self.session.scalars(stmt.order_by(*order).offset(offset).limit(limit))
        return list(rows), int(total or 0)

    async def orders_of_resident(self, resident_id: int, *, offset: int, limit: int):
        stmt = select(Order).where(o_.resident_id == resident_id)
        return await self._page(stmt, (o_.created_at.desc(), o_.id.desc()), offset, limit)

    async def orders_of_shop(
        self,
        shop_id: int,
        *,
        statuses,
        offset: int,
        limit: int,
        newest_first: bool = False,
        complex_id: int | None = None,
    ):
        """Orders in those statuses, oldest first (newest first for the history); a group-buy
        share shows once its group buy succeeded. `complex_id`: only those placed there."""
        waiting = (o_.group_buy_id.is_not(None)) & (o_.status == OrderStatus.PLACED)
        stmt = select(Order).where(
            o_.shop_id == shop_id, o_.status.in_([str(s) for s in statuses]), ~waiting
        )
        if complex_id is not None:
            stmt = stmt.where(o_.complex_id == complex_id)
        order = (o_.created_at.desc(), o_.id.desc()) if newest_first else (o_.created_at, o_.id)
        return await self._page(stmt, order, offset, limit)

    async def shares(self, group_buy_id: int, statuses: Sequence[str]) -> list[Order]:
        stmt = select(Order).where(
            o_.group_buy_id == group_buy_id, o_.status.in_([str(s) for s in statuses])
        )
        return list(await self.session.scalars(stmt.order_by(o_.id)))

    async def share_of(self, group_buy_id: int, resident_id: int) -> Order | None:
        stmt = select(Order).where(
            o_.group_buy_id == group_buy_id,
            o_.resident_id == resident_id,
            o_.status != OrderStatus.CANCELLED,
        )
        return await self.session.scalar(stmt.order_by(o_.id.desc()).limit(1))

    async def verified_residents(self, complex_id: int) -> list[int]:
        r = tables.residents.c
        stmt = select(r.id).where(r.complex_id == complex_id, r.household_id.is_not(None))
        return list(await self.session.scalars(stmt.order_by(r.id)))
