"""What the shop's use cases need from storage. Scarce things change only through conditional
updates here (stock, a group buy's total, an order's status), so two people racing for the
last unit cannot both get it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from core.shop.model import (
    Exhibition,
    ExhibitionItem,
    GroupBuy,
    Order,
    Product,
    Shop,
    ShopComplex,
)

if TYPE_CHECKING:
    from core.shop.payments import BankAccount
    from core.shop.picks import Pick


class ShopRepository(Protocol):
    async def add_shop(self, shop: Shop) -> Shop: ...
    async def get_shop(self, shop_id: int) -> Shop | None: ...
    async def shop_named(self, complex_id: int, name: str) -> Shop | None: ...
    async def shop_of_household(self, household_id: int) -> Shop | None: ...
    async def shops(
        self, complex_id: int, kind: str | None = None, *, serving: bool = False
    ) -> list[Shop]:
        """The complex's own shops (`serving`: and those of other complexes approved here)."""

    async def shop_names(self, shop_ids: list[int]) -> dict[int, str]:
        """{shop id: name} of those shops, in one query (lists name the shop of each item)."""

    async def add_product(self, product: Product) -> Product: ...
    async def get_product(self, product_id: int) -> Product | None: ...
    async def product_names(self, product_ids: list[int]) -> dict[int, str]:
        """{product id: name} of those products, in one query (order lists name them)."""

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
        """Products of the complex, newest first, filtered by shop, shop kind or ids."""

    async def take_stock(self, product_id: int, quantity: int) -> bool:
        """Take `quantity` if that much is left (one conditional update); False otherwise."""

    async def put_back_stock(self, product_id: int, quantity: int) -> None: ...

    async def add_exhibition(self, item: Exhibition) -> Exhibition: ...
    async def get_exhibition(self, exhibition_id: int) -> Exhibition | None: ...
    async def exhibitions_on(self, complex_id: int, now: datetime) -> list[Exhibition]:
        """On now and shown in the complex: of its shops or those serving it, and not kept to
        another complex (`only_complex_id`)."""

    async def add_exhibition_items(self, items: list[ExhibitionItem]) -> None: ...
    async def sale_prices(self, exhibition_id: int) -> dict[int, int]:
        """{product id: sale price} of the 기획전's items that have one."""

    async def add_group_buy(self, item: GroupBuy) -> GroupBuy: ...
    async def get_group_buy(self, group_buy_id: int) -> GroupBuy | None: ...
    async def group_buys(
        self, complex_id: int, *, statuses: Sequence[str], shop_id: int | None = None
    ) -> list[GroupBuy]:
        """Soonest deadline first."""

    async def change_joined(self, group_buy_id: int, delta: int, now: datetime) -> bool:
        """Add `delta` (may be negative) to the total while the group buy is open, its deadline
        not passed, and the maximum not exceeded (one conditional update)."""

    async def claim_group_buy(self, group_buy_id: int) -> bool:
        """모집중 → 마감중, once: False when another run already claimed it."""

    async def add_order(self, order: Order) -> Order: ...
    async def get_order(self, order_id: int) -> Order | None: ...
    async def move_order(self, order_id: int, expected: Sequence[str], target: str) -> bool:
        """Set the status if it is still one of `expected` (one conditional update)."""

    async def mark_paid(self, order_id: int, now: datetime) -> bool:
        """입금 확인: set `paid` if the order is a 계좌이체 one still unpaid and not cancelled
        or refunded (one conditional update); False when another confirmation won."""

    # --- 입금 계좌 (core/shop/payments.py) ---
    async def shop_account(self, shop_id: int) -> BankAccount | None: ...
    async def shop_accounts(self, shop_ids: list[int]) -> dict[int, BankAccount]:
        """{shop id: account} of those shops that have one, in one query."""

    async def set_shop_account(self, shop_id: int, account: BankAccount, now: datetime) -> None:
        """Set or replace the shop's account."""

    async def orders_of_resident(
        self, resident_id: int, *, offset: int, limit: int
    ) -> tuple[list[Order], int]: ...
    async def orders_of_shop(
        self,
        shop_id: int,
        *,
        statuses: Sequence[str],
        offset: int,
        limit: int,
        newest_first: bool = False,
        complex_id: int | None = None,
    ) -> tuple[list[Order], int]: ...
    async def shares(self, group_buy_id: int, statuses: Sequence[str]) -> list[Order]: ...
    async def share_of(self, group_buy_id: int, resident_id: int) -> Order | None:
        """The resident's live (not cancelled) share of the group buy."""

    async def verified_residents(self, complex_id: int) -> list[int]: ...

    # --- one vendor, many complexes ---
    async def add_serving(self, item: ShopComplex) -> ShopComplex: ...
    async def get_serving(self, serving_id: int) -> ShopComplex | None: ...
    async def serving(self, shop_id: int, complex_id: int) -> ShopComplex | None: ...
    async def servings(
        self,
        *,
        shop_id: int | None = None,
        complex_id: int | None = None,
        statuses: Sequence[str] = (),
    ) -> list[ShopComplex]:
        """Requests to serve other complexes, oldest first, by shop, complex and status."""

    async def serves(self, shop_id: int, complex_id: int) -> bool:
        """True when the shop (of another complex) is approved to serve this one."""

    async def decide_serving(
        self,
        serving_id: int,
        expected: Sequence[str],
        target: str,
        *,
        now: datetime,
        by: int | None,
    ) -> bool:
        """Set the decision if the status is still one of `expected` (one conditional update)."""


class PickRepository(Protocol):
    """Outside picks (우체국쇼핑 and others), per complex."""

    async def add_pick(self, pick: Pick) -> Pick: ...
    async def get_pick(self, pick_id: int) -> Pick | None: ...
    async def pick_by_link(self, complex_id: int, link_url: str) -> Pick | None: ...
    async def picks(
        self, complex_id: int, *, offset: int, limit: int | None
    ) -> tuple[list[Pick], int]:
        """The complex's picks in the curated (import) order, and how many there are."""

    async def remove_pick(self, pick: Pick) -> None: ...
