"""알뜰쇼핑 storage, 계좌이체: each shop's 입금 계좌 (one row a shop, replaced when the vendor
changes it) and 입금 확인, one conditional UPDATE (`paid` still false), so two confirmations
racing each other confirm once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core.shop.model import Order, OrderStatus, Payment
from core.shop.payments import BankAccount
from storage import tables
from storage.repositories.results import changed

a_ = tables.shop_accounts.c
o_ = tables.shop_orders.c


class SqlAccountMixin:
    session: AsyncSession

    async def shop_account(self, shop_id: int) -> BankAccount | None:
        found = await self.shop_accounts([shop_id])
        return found.get(shop_id)

    async def shop_accounts(self, shop_ids: list[int]) -> dict[int, BankAccount]:
        if not shop_ids:
            return {}
        stmt = select(a_.shop_id, a_.bank, a_.number, a_.holder).where(
            a_.shop_id.in_(sorted(set(shop_ids)))
        )
        rows = await self.session.execute(stmt)
        return {r.shop_id: BankAccount(r.bank, r.number, r.holder) for r in rows}

    async def set_shop_account(self, shop_id: int, account: BankAccount, now: datetime) -> None:
        values = {
            "bank": account.bank,
            "number": account.number,
            "holder": account.holder,
            "updated_at": now,
        }
        stmt = update(tables.shop_accounts).where(a_.shop_id == shop_id).values(**values)
        if changed(await self.session.execute(stmt)) == 0:
            await self.session.execute(
                insert(tables.shop_accounts).values(shop_id=shop_id, **values)
            )

    async def mark_paid(self, order_id: int, now: datetime) -> bool:
        stmt = (
            update(tables.shop_orders)
            .where(
                o_.id == order_id,
                o_.payment == Payment.TRANSFER,
                o_.paid.is_(False),
                o_.status.not_in([OrderStatus.CANCELLED, OrderStatus.REFUNDED]),
            )
            .values(paid=True, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if changed(await self.session.execute(stmt)) != 1:
            return False
        known = self.session.identity_map.get(self.session.identity_key(Order, order_id))
        if known is not None:
            set_committed_value(known, "paid", True)
            set_committed_value(known, "updated_at", now)
        return True
