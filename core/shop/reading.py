"""What the shop's screens read, with scope and role checked here: product lists with their
shop's name, order lists with their product's name (one query for the names of a whole page,
never one per item), what an order or a group-buy share needs to start, the vendor's own
products, and the products a coordinator may open a group buy for.

Rules:
- residents read their own complex only, once verified (`not_verified` otherwise);
- a vendor reads their own shop only (Forbidden otherwise, see vendors.own_shop);
- the products of every shop of the complex, for a group buy, are for its coordinators."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from core.errors import NotFound
from core.identity.model import Membership
from core.identity.proxy import may_spend_points
from core.identity.roles import require_coordinator
from core.ids import saved
from core.shop import orders, payments, points
from core.shop.catalog import home_of, products_page, visible_exhibition, visible_product
from core.shop.exhibitions import exhibition_price, sale_prices
from core.shop.groupbuys import visible_group_buy
from core.shop.model import GroupBuy, Order, Product, Shop
from core.shop.serving import pickup_place, shop_serves
from core.shop.vendors import own_shop

if TYPE_CHECKING:
    from core.clock import Clock
    from core.ports import UnitOfWork

GROUP_BUY_CHOICES = 8  # products offered as buttons when opening a group buy
EXHIBITION_PRODUCTS = 10  # the most products a 기획전 takes


@dataclass(frozen=True)
class ProductItem:
    product: Product
    shop_name: str


@dataclass(frozen=True)
class OrderItem:
    order: Order
    product_name: str
    complex_name: str = ""  # for the vendor: the complex of an order placed in another one
    pay_to: payments.BankAccount | None = None  # the buyer's own 계좌이체 still to be paid


@dataclass(frozen=True)
class ProductPage:
    items: list[ProductItem]
    total: int
    title: str  # the 기획전's title, "" for a shop kind
    sale_prices: dict[int, int] = field(default_factory=dict)  # a 기획전's, by product id


@dataclass(frozen=True)
class OrderPage:
    items: list[OrderItem]
    total: int


@dataclass(frozen=True)
class OrderForm:
    """What 주문하기 starts with: the product, the complex (its pickup slots) and the points."""

    product: Product
    complex_code: str
    balance: int
    pickup_place: str = ""  # the shop's own pickup place in the complex (a serving shop's)
    transfer: bool = False  # the shop has an 입금 계좌, so 계좌이체 is offered
    price: int = 0  # a unit's price: the 기획전's sale price when ordered from one

    @property
    def on_sale(self) -> bool:
        return 0 < self.price < self.product.price


@dataclass(frozen=True)
class ShareView:
    """A group buy and the member's live share of it (None before joining)."""

    item: GroupBuy
    share: Order | None


@dataclass(frozen=True)
class GroupBuyChoices:
    """The products a group buy may be opened for, and the complex (its pickup slots)."""

    products: list[ProductItem]
    complex_code: str
    complex_id: int = 0
    pickup_place: str = ""  # the shop's pickup place in that complex, if it gave one


async def _complex_code(uow: UnitOfWork, complex_id: int) -> str:
    complex_ = await uow.complexes.get(complex_id)
    if complex_ is None:
        raise NotFound()
    return complex_.code


async def _with_shop_names(uow: UnitOfWork, products: list[Product]) -> list[ProductItem]:
    names = await uow.shop.shop_names([p.shop_id for p in products])
    return [ProductItem(p, names.get(p.shop_id, "")) for p in products]


async def _with_product_names(
    uow: UnitOfWork, found: list[Order], home: int | None = None
) -> list[OrderItem]:
    """`home`: the vendor's complex; orders placed elsewhere are named with their complex."""
    names = await uow.shop.product_names([o.product_id for o in found])
    places: dict[int, str] = {}
    for complex_id in {o.complex_id for o in found if home is not None and o.complex_id != home}:
        complex_ = await uow.complexes.get(complex_id)
        places[complex_id] = complex_.name if complex_ else ""
    return [OrderItem(o, names.get(o.product_id, ""), places.get(o.complex_id, "")) for o in found]


async def products(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    *,
    kind: str = "",
    exhibition_id: int = 0,
    offset: int = 0,
) -> ProductPage:
    """A page of the products on sale in the complex: of a shop kind, or of a 기획전 on now."""
    ids, title, sales = None, "", {}
    if exhibition_id:
        exhibition = await visible_exhibition(uow, clock, member, exhibition_id)
        ids, title = exhibition.product_ids, exhibition.title
        sales = await sale_prices(uow, exhibition)
    found, total = await products_page(uow, member, kind=kind or None, ids=ids, offset=offset)
    return ProductPage(await _with_shop_names(uow, found), total, title, sales)


async def my_orders(uow: UnitOfWork, member: Membership, offset: int = 0) -> OrderPage:
    """내 주문: the resident's orders, newest first, each 계좌이체 still to be paid with the
    account to pay to (in full: it is the buyer's own chat)."""
    found, total = await orders.my_orders(uow, member, offset)
    items = await _with_product_names(uow, found)
    accounts = await payments.accounts_for(uow, found, member)
    return OrderPage([replace(i, pay_to=accounts.get(saved(i.order.id))) for i in items], total)


async def open_orders(uow: UnitOfWork, member: Membership, offset: int = 0) -> OrderPage:
    """주문 관리: the vendor's open orders, oldest first."""
    found, total = await orders.shop_orders(uow, member, offset=offset)
    return OrderPage(await _with_product_names(uow, found, member.complex_id), total)


async def order_history(uow: UnitOfWork, member: Membership, offset: int = 0) -> OrderPage:
    """주문 내역: every order of the vendor's shop, newest first."""
    found, total = await orders.shop_history(uow, member, offset=offset)
    return OrderPage(await _with_product_names(uow, found, member.complex_id), total)


async def order_form(
    uow: UnitOfWork,
    member: Membership,
    product_id: int,
    *,
    clock: Clock | None = None,
    exhibition_id: int = 0,
) -> OrderForm:
    """주문하기's start; from a 기획전 (`exhibition_id`, with `clock`) at its sale price."""
    product = await visible_product(uow, member, product_id)
    complex_id, _ = home_of(member)
    code = await _complex_code(uow, complex_id)
    place = await pickup_place(uow, product.shop_id, complex_id)
    transfer = await payments.takes_transfer(uow, product.shop_id)
    price = product.price
    if exhibition_id and clock is not None:
        price = await exhibition_price(uow, clock, member, exhibition_id, product)
    balance = await points_balance(uow, member)
    return OrderForm(product, code, balance, place, transfer, price)


async def share_view(uow: UnitOfWork, member: Membership, group_buy_id: int) -> ShareView:
    item = await visible_group_buy(uow, member, group_buy_id)
    return ShareView(item, await uow.shop.share_of(saved(item.id), member.resident_id))


async def points_balance(uow: UnitOfWork, member: Membership) -> int:
    """The points the resident can pay with (none for a coordinator acting for a household
    without its consent to spending points)."""
    home_of(member)
    if not may_spend_points(member):
        return 0
    return await points.balance(uow, member.resident_id)


async def own_products(
    uow: UnitOfWork,
    member: Membership,
    *,
    offset: int = 0,
    limit: int = 5,
    on_sale_only: bool = False,
) -> tuple[Shop, list[Product], int]:
    """The vendor's shop and a page of its products, newest first."""
    shop = await own_shop(uow, member)
    found, total = await uow.shop.products(
        shop.complex_id,
        shop_id=saved(shop.id),
        active_only=on_sale_only,
        offset=max(offset, 0),
        limit=limit,
    )
    return shop, found, total


async def vendor_group_buy_choices(
    uow: UnitOfWork, member: Membership, complex_id: int = 0
) -> GroupBuyChoices:
    """The vendor's own products on sale, for 공동구매 열기 in the shop's complex or in one
    it is approved to serve (`complex_id`; any other looks missing)."""
    shop, found, _ = await own_products(uow, member, limit=GROUP_BUY_CHOICES, on_sale_only=True)
    complex_id = complex_id or shop.complex_id
    if not await shop_serves(uow, saved(shop.id), complex_id):
        raise NotFound()
    items = [ProductItem(p, shop.name) for p in found]
    place = await pickup_place(uow, saved(shop.id), complex_id)
    return GroupBuyChoices(items, await _complex_code(uow, complex_id), complex_id, place)


async def coordinator_group_buy_choices(uow: UnitOfWork, member: Membership) -> GroupBuyChoices:
    """The products on sale of every shop of the complex, for a coordinator's 공동구매 열기."""
    require_coordinator(member)
    complex_id, _ = home_of(member)
    code = await _complex_code(uow, complex_id)
    found, _ = await uow.shop.products(complex_id, limit=GROUP_BUY_CHOICES)
    return GroupBuyChoices(await _with_shop_names(uow, found), code)
