"""What residents see of the shop: shops by kind, products, 기획전 on now. Everything is
scoped to the resident's complex; a product of another complex, or one taken off sale, looks
exactly like a missing one."""

from __future__ import annotations

from core.clock import Clock
from core.errors import Forbidden, NotFound
from core.identity.model import Membership
from core.shop.model import Exhibition, Product, Shop

PAGE = 5


def require_verified(member: Membership) -> None:
    if not member.verified:
        raise Forbidden("not_verified")


async def kinds_on_offer(uow, member: Membership) -> list[str]:
    """The shop kinds that have at least one shop in the complex, in the fixed order."""
    require_verified(member)
    return list(dict.fromkeys(s.kind for s in await uow.shop.shops(member.complex_id)))


async def products_page(
    uow, member: Membership, *, kind: str | None = None, ids=None, offset: int = 0
) -> tuple[list[Product], int]:
    require_verified(member)
    return await uow.shop.products(
        member.complex_id, kind=kind, ids=ids, offset=max(offset, 0), limit=PAGE
    )


async def visible_product(uow, member: Membership, product_id: int) -> Product:
    require_verified(member)
    product = await uow.shop.get_product(product_id)
    if product is None or product.complex_id != member.complex_id or not product.active:
        raise NotFound()
    return product


async def shop_of(uow, product: Product) -> Shop:
    return await uow.shop.get_shop(product.shop_id)


async def exhibitions_on(uow, clock: Clock, member: Membership) -> list[Exhibition]:
    require_verified(member)
    return await uow.shop.exhibitions_on(member.complex_id, clock.now())


async def visible_exhibition(uow, clock: Clock, member: Membership, exhibition_id: int):
    require_verified(member)
    item = await uow.shop.get_exhibition(exhibition_id)
    if item is None or item.complex_id != member.complex_id or not item.is_on(clock.now()):
        raise NotFound()
    return item
