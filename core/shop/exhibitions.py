"""기획전 (shown to residents as 특별 판매): a vendor picks which of the shop's products join,
each with a sale price or none, for how long, and where it runs (every complex the shop serves,
or one of them). Residents who order a product from the 기획전's screen while it is on pay the
sale price; the order records the price paid, so points (1% / 2%) follow it.

Rules:
- only the shop's vendor opens one; a title of 1–40 characters;
- it ends after it starts and after now, and lasts at most 31 days;
- 1–10 different products, each the shop's own and on sale (any other id looks missing);
- a sale price is whole won, at least 1 and below the product's own price (or none);
- where: every complex the shop serves (default), or one complex it serves (another looks
  missing);
- the price of an order placed from a 기획전 is computed here from the stored sale price, never
  taken from a button; once the 기획전 is over (or the product is not in it) it is refused
  ("shop.exhibition_over")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.ids import saved
from core.shop.catalog import visible_exhibition
from core.shop.model import MAX_TITLE, Exhibition, ExhibitionItem, Product, ServeStatus
from core.shop.vendors import clean_name, own_product, own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MAX_PRODUCTS = 10
MAX_DAYS = 31


@dataclass(frozen=True)
class Place:
    """A complex a 기획전 may be kept to: the shop's own, or one it is approved to serve."""

    complex_id: int
    name: str


def check_sale_price(sale: object, product: Product) -> int | None:
    """None (no sale price) or whole won from 1 to below the product's own price."""
    if sale is None:
        return None
    if not isinstance(sale, int) or isinstance(sale, bool) or not 1 <= sale < product.price:
        raise InvalidInput("shop.bad_sale_price", price=product.price)
    return sale


async def places(uow: UnitOfWork, member: Membership) -> list[Place]:
    """The complexes the vendor's shop sells in, its own first (one: no choice to make)."""
    shop = await own_shop(uow, member)
    home = await uow.complexes.get(shop.complex_id)
    found = [Place(shop.complex_id, home.name if home else "")]
    approved = [ServeStatus.APPROVED.value]
    for serving in await uow.shop.servings(shop_id=saved(shop.id), statuses=approved):
        complex_ = await uow.complexes.get(serving.complex_id)
        found.append(Place(serving.complex_id, complex_.name if complex_ else ""))
    return found


async def open_exhibition(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    *,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    product_ids: list[int],
    sale_prices: Mapping[int, int | None] | None = None,
    only_complex_id: int | None = None,
) -> Exhibition:
    """Open a 기획전 of the vendor's own products with their sale prices (see the rules)."""
    shop = await own_shop(uow, member)
    title = clean_name(title, MAX_TITLE)
    if ends_at <= starts_at or ends_at <= clock.now():
        raise InvalidInput("shop.exhibition_period", limit=MAX_DAYS)
    if ends_at - starts_at > timedelta(days=MAX_DAYS):
        raise InvalidInput("shop.exhibition_period", limit=MAX_DAYS)
    ids = list(dict.fromkeys(product_ids))
    if not 1 <= len(ids) <= MAX_PRODUCTS:
        raise InvalidInput("shop.exhibition_products", limit=MAX_PRODUCTS)
    sales = dict(sale_prices or {})
    if set(sales) - set(ids):
        raise NotFound()  # a sale price for a product not chosen
    prices: dict[int, int | None] = {}
    for product_id in ids:
        product = await own_product(uow, member, product_id)
        if not product.active:
            raise NotFound()
        prices[product_id] = check_sale_price(sales.get(product_id), product)
    where = [p.complex_id for p in await places(uow, member)]
    if only_complex_id is not None and only_complex_id not in where:
        raise NotFound()
    item = await uow.shop.add_exhibition(
        Exhibition(
            shop_id=saved(shop.id),
            complex_id=shop.complex_id,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            product_ids=ids,
            only_complex_id=only_complex_id,
        )
    )
    await uow.shop.add_exhibition_items(
        [ExhibitionItem(saved(item.id), pid, sale) for pid, sale in prices.items()]
    )
    return item


async def sale_prices(uow: UnitOfWork, item: Exhibition) -> dict[int, int]:
    """{product id: sale price} of the 기획전's products that have one."""
    return await uow.shop.sale_prices(saved(item.id))


async def exhibition_price(
    uow: UnitOfWork, clock: Clock, member: Membership, exhibition_id: int, product: Product
) -> int:
    """What one unit of `product` costs ordered from the 기획전 now: its sale price, or its
    own price when it has none. Over, another complex's, or without the product: refused."""
    try:
        item = await visible_exhibition(uow, clock, member, exhibition_id)
    except NotFound:
        raise DomainError("shop.exhibition_over") from None
    if product.id not in item.product_ids:
        raise DomainError("shop.exhibition_over")
    return (await sale_prices(uow, item)).get(saved(product.id), product.price)
