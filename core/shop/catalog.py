"""What residents see of the shop: shops by kind, products, 기획전 on now. Everything is
scoped to the resident's complex: its own shops and those approved to serve it
(core/shop/serving.py); a product of any other shop, or one taken off sale, looks exactly like a
missing one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import Forbidden, NotFound
from core.identity.model import Membership
from core.identity.roles import require_verified
from core.shop.model import Exhibition, Product
from core.shop.serving import sold_in

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5


def home_of(member: Membership) -> tuple[int, int]:
    """(complex id, household id) of a verified resident; Forbidden("not_verified") else."""
    require_verified(member)
    if member.complex_id is None or member.household_id is None:
        raise Forbidden("not_verified")
    return member.complex_id, member.household_id


async def kinds_on_offer(uow: UnitOfWork, member: Membership) -> list[str]:
    """The shop kinds that have at least one shop in the complex, in the fixed order."""
    complex_id, _ = home_of(member)
    shops = await uow.shop.shops(complex_id, serving=True)
    return list(dict.fromkeys(s.kind for s in shops))


async def products_page(
    uow: UnitOfWork,
    member: Membership,
    *,
    kind: str | None = None,
    ids: list[int] | None = None,
    offset: int = 0,
) -> tuple[list[Product], int]:
    complex_id, _ = home_of(member)
    return await uow.shop.products(
        complex_id, kind=kind, ids=ids, offset=max(offset, 0), limit=PAGE
    )


async def visible_product(uow: UnitOfWork, member: Membership, product_id: int) -> Product:
    require_verified(member)
    product = await uow.shop.get_product(product_id)
    if product is None or not product.active:
        raise NotFound()
    if not await sold_in(uow, product, member.complex_id):
        raise NotFound()
    return product


async def exhibitions_on(uow: UnitOfWork, clock: Clock, member: Membership) -> list[Exhibition]:
    complex_id, _ = home_of(member)
    return await uow.shop.exhibitions_on(complex_id, clock.now())


async def visible_exhibition(
    uow: UnitOfWork, clock: Clock, member: Membership, exhibition_id: int
) -> Exhibition:
    require_verified(member)
    item = await uow.shop.get_exhibition(exhibition_id)
    if item is None or not item.is_on(clock.now()):
        raise NotFound()
    if not await sold_in(uow, item, member.complex_id):
        raise NotFound()
    return item
