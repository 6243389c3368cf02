"""The shop's repository in memory, with the same conditional rules as the SQL one (stock never
below zero, a group buy's total within its maximum while open, status changes only from the
expected status)."""

from __future__ import annotations

import itertools

from core.shop.model import GroupBuyStatus, OrderStatus


class FakeShopRepository:
    def __init__(self, uow) -> None:
        self.uow = uow
        self.rows: dict[str, dict[int, object]] = {}
        self._ids = itertools.count(1)

    def _table(self, name: str) -> dict[int, object]:
        return self.rows.setdefault(name, {})

    def _put(self, name: str, item):
        item.id = next(self._ids)
        self._table(name)[item.id] = item
        return item

    async def add_shop(self, shop):
        return self._put("shops", shop)

    async def get_shop(self, shop_id):
        return self._table("shops").get(shop_id)

    async def shop_named(self, complex_id, name):
        found = (
            s
            for s in self._table("shops").values()
            if (s.complex_id, s.name) == (complex_id, name)
        )
        return next(found, None)

    async def shop_of_household(self, household_id):
        return next(
            (s for s in self._table("shops").values() if s.household_id == household_id), None
        )

    async def shops(self, complex_id, kind=None):
        return [
            s
            for s in self._table("shops").values()
            if s.complex_id == complex_id and (not kind or s.kind == kind)
        ]

    async def shop_names(self, shop_ids):
        shops = self._table("shops")
        return {i: shops[i].name for i in set(shop_ids) if i in shops}

    async def add_product(self, product):
        return self._put("products", product)

    async def get_product(self, product_id):
        return self._table("products").get(product_id)

    async def product_names(self, product_ids):
        products = self._table("products")
        return {i: products[i].name for i in set(product_ids) if i in products}

    async def products(
        self, complex_id, *, shop_id=None, kind=None, ids=None, active_only=True, offset=0, limit=5
    ):
        shops = self._table("shops")
        rows = [
            p
            for p in self._table("products").values()
            if p.complex_id == complex_id
            and (shop_id is None or p.shop_id == shop_id)
            and (not kind or shops[p.shop_id].kind == kind)
            and (ids is None or p.id in ids)
            and (p.active or not active_only)
        ]
        rows.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        return rows[offset : offset + limit], len(rows)

    async def take_stock(self, product_id, quantity):
        product = self._table("products")[product_id]
        if product.stock < quantity:
            return False
        product.stock -= quantity
        return True

    async def put_back_stock(self, product_id, quantity):
        self._table("products")[product_id].stock += quantity

    async def add_exhibition(self, item):
        return self._put("exhibitions", item)

    async def get_exhibition(self, exhibition_id):
        return self._table("exhibitions").get(exhibition_id)

    async def exhibitions_on(self, complex_id, now):
        return [
            e
            for e in self._table("exhibitions").values()
            if e.complex_id == complex_id
            and e.only_complex_id in (None, complex_id)
            and e.is_on(now)
        ]

    async def add_exhibition_items(self, items):
        for item in items:
            self._table("exhibition_items")[(item.exhibition_id, item.product_id)] = item

    async def sale_prices(self, exhibition_id):
        return {
            i.product_id: i.sale_price
            for i in self._table("exhibition_items").values()
            if i.exhibition_id == exhibition_id and i.sale_price is not None
        }

    async def add_group_buy(self, item):
        return self._put("group_buys", item)

    async def get_group_buy(self, group_buy_id):
        return self._table("group_buys").get(group_buy_id)

    async def group_buys(self, complex_id, *, statuses, shop_id=None):
        rows = [
            g
            for g in self._table("group_buys").values()
            if g.complex_id == complex_id
            and g.status in statuses
            and (shop_id is None or g.shop_id == shop_id)
        ]
        return sorted(rows, key=lambda g: (g.deadline, g.id))

    async def change_joined(self, group_buy_id, delta, now):
        g = self._table("group_buys")[group_buy_id]
        total = g.joined + delta
        if g.status != GroupBuyStatus.OPEN or now >= g.deadline or total < 0:
            return False
        if delta > 0 and g.maximum is not None and total > g.maximum:
            return False
        g.joined = total
        return True

    async def claim_group_buy(self, group_buy_id):
        g = self._table("group_buys")[group_buy_id]
        if g.status != GroupBuyStatus.OPEN:
            return False
        g.status = GroupBuyStatus.CLOSING
        return True

    async def add_order(self, order):
        return self._put("orders", order)

    async def get_order(self, order_id):
        return self._table("orders").get(order_id)

    async def move_order(self, order_id, expected, target):
        order = self._table("orders")[order_id]
        if order.status not in expected:
            return False
        order.status = target
        return True

    async def mark_paid(self, order_id, now):
        order = self._table("orders")[order_id]
        if order.paid or order.payment != "transfer" or order.status in ("cancelled", "refunded"):
            return False
        order.paid, order.updated_at = True, now
        return True

    async def shop_account(self, shop_id):
        return self._table("accounts").get(shop_id)

    async def shop_accounts(self, shop_ids):
        accounts = self._table("accounts")
        return {i: accounts[i] for i in set(shop_ids) if i in accounts}

    async def set_shop_account(self, shop_id, account, now):
        self._table("accounts")[shop_id] = account

    async def orders_of_resident(self, resident_id, *, offset, limit):
        rows = [o for o in self._table("orders").values() if o.resident_id == resident_id]
        rows.sort(key=lambda o: (o.created_at, o.id), reverse=True)
        return rows[offset : offset + limit], len(rows)

    async def orders_of_shop(self, shop_id, *, statuses, offset, limit, newest_first=False):
        rows = [
            o
            for o in self._table("orders").values()
            if o.shop_id == shop_id
            and o.status in statuses
            and not (o.group_buy_id is not None and o.status == OrderStatus.PLACED)
        ]
        rows.sort(key=lambda o: (o.created_at, o.id), reverse=newest_first)
        return rows[offset : offset + limit], len(rows)

    async def shares(self, group_buy_id, statuses):
        return [
            o
            for o in self._table("orders").values()
            if o.group_buy_id == group_buy_id and o.status in statuses
        ]

    async def share_of(self, group_buy_id, resident_id):
        live = [
            o
            for o in self._table("orders").values()
            if o.group_buy_id == group_buy_id
            and o.resident_id == resident_id
            and o.status != OrderStatus.CANCELLED
        ]
        return live[-1] if live else None

    async def verified_residents(self, complex_id):
        return [
            r.id
            for r in self.uow.residents.rows.values()
            if r.complex_id == complex_id and r.household_id
        ]
