"""알뜰쇼핑·포인트 at the desk: the complex's vendors with their orders, the common points and
what they were spent on, and the month's rent settlement (points paid as rent).

Rules:
- the complex's coordinators only (operators through `desk_member`): `forbidden` otherwise;
- the complex's own shops and those approved to serve it, each with this complex's orders only;
- orders are counted per shop and state; the newest orders are listed without the buyer
  (the desk shows the 동 of an order at most; names and phone numbers never);
- the rent settlement is one row per household of the complex for the month ("YYYY-MM",
  `desk.bad_month` otherwise), the same figures as `python -m bot rent export`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved
from core.points.model import AccountRef, Line
from core.shop.model import Order, OrderStatus, Shop
from core.shop.payments import BankAccount

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
OPEN_ORDERS = (OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY)
NEWEST = 5


@dataclass(frozen=True)
class VendorLine:
    shop: Shop
    open_orders: int
    done_orders: int
    newest: list[Order]
    account: BankAccount | None = None  # 입금 계좌, shown masked (core/shop/payments.py)


@dataclass(frozen=True)
class RentRow:
    building: str
    unit: str
    amount: int
    payments: int


async def vendors(uow: UnitOfWork, member: Membership) -> list[VendorLine]:
    """The shops selling here, with this complex's orders and their 입금 계좌 (masked on the
    page: the coordinator does not pay to it)."""
    require_coordinator(member)
    lines = []
    here = saved(member.complex_id)
    shops = await uow.shop.shops(here, serving=True)
    accounts = await uow.shop.shop_accounts([saved(s.id) for s in shops])
    for shop in shops:
        sid = saved(shop.id)  # a shop serving several complexes: this complex's orders only
        newest, open_count = await uow.shop.orders_of_shop(
            sid,
            statuses=list(OPEN_ORDERS),
            offset=0,
            limit=NEWEST,
            newest_first=True,
            complex_id=here,
        )
        _done, done_count = await uow.shop.orders_of_shop(
            sid, statuses=[OrderStatus.PICKED_UP], offset=0, limit=1, complex_id=here
        )
        lines.append(VendorLine(shop, open_count, done_count, newest, accounts.get(sid)))
    return lines


async def common_points(
    uow: UnitOfWork, member: Membership, limit: int = 20
) -> tuple[int, list[Line]]:
    """The complex's common points balance and its newest lines (earned and spent)."""
    require_coordinator(member)
    key = AccountRef.common(saved(member.complex_id)).key
    return await uow.points.balance(key), await uow.points.lines(key, limit)


async def rent_settlement(uow: UnitOfWork, member: Membership, month: str) -> list[RentRow]:
    require_coordinator(member)
    if not MONTH.match(month):
        raise InvalidInput("desk.bad_month")
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for s in await uow.points.settlements(month, saved(member.complex_id)):
        totals[s.household_id][0] += s.amount
        totals[s.household_id][1] += 1
    rows = []
    for household_id, (amount, count) in sorted(totals.items()):
        household = await uow.households.get(household_id)
        if household is not None:
            rows.append(RentRow(household.building, household.unit, amount, count))
    return rows
