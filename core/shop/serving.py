"""One vendor, many complexes: a shop of one complex serves others with its one catalog. The
vendor (in chat) or the operator (command line) asks; the operator or that complex's
coordinators approve or refuse. Once approved, the complex's residents see the shop's products,
기획전 and the group buys opened for their complex, and order there; each order belongs to the
complex it was placed in (its common points, its coordinators' views), never to the shop's.

Rules:
- a shop's own complex is always served; another one only once approved there;
- one request per shop and complex; asking again after a refusal asks anew, asking again while
  approved is refused ("shop.already_serving");
- a coordinator decides only the requests of their own complex (another complex's request
  looks missing); a request is decided once, even by two coordinators at the same moment
  ("shop.already_decided"); the operator may also stop an approved one;
- a pickup place per complex: 0–40 characters;
- the complex's coordinators are told of a request, the shop's vendors of the decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership, Role
from core.ids import saved
from core.notifications import Notification
from core.shop.model import MAX_NAME, Exhibition, Product, ServeStatus, Shop, ShopComplex
from core.shop.vendors import own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class ServeAsked(Notification, kind="shop.serve.asked"):
    """To the coordinators of the complex asked."""

    serving_id: int
    shop: str
    home: str  # the shop's own complex, by name


@dataclass(frozen=True)
class ServeDecided(Notification, kind="shop.serve.decided"):
    """To the shop's vendors."""

    serving_id: int
    complex_name: str
    status: str


@dataclass(frozen=True)
class Request:
    """A request with what its screens show: the shop and both complexes' names."""

    serving: ShopComplex
    shop: Shop
    home_name: str
    complex_name: str


async def serves(uow: UnitOfWork, shop: Shop, complex_id: int | None) -> bool:
    """True when the shop sells in the complex: its own, or approved there."""
    if complex_id is None:
        return False
    return shop.complex_id == complex_id or await uow.shop.serves(saved(shop.id), complex_id)


async def shop_serves(uow: UnitOfWork, shop_id: int, complex_id: int | None) -> bool:
    shop = await uow.shop.get_shop(shop_id)
    return shop is not None and await serves(uow, shop, complex_id)


async def sold_in(uow: UnitOfWork, item: Product | Exhibition, complex_id: int | None) -> bool:
    """True when a product (or 기획전) is on offer in the complex: its shop's own complex, or
    the shop is approved there (a 기획전 kept to one complex: only there)."""
    if complex_id is None:
        return False
    if isinstance(item, Exhibition) and item.only_complex_id not in (None, complex_id):
        return False  # a 기획전 kept to another complex
    return item.complex_id == complex_id or await uow.shop.serves(item.shop_id, complex_id)


async def pickup_place(uow: UnitOfWork, shop_id: int, complex_id: int) -> str:
    """The shop's pickup place in that complex ("" when none was given, or its own complex)."""
    found = await uow.shop.serving(shop_id, complex_id)
    if found is None or found.status != ServeStatus.APPROVED:
        return ""
    return found.pickup_place


def _operator(actor: Membership | None) -> bool:
    return actor is None or actor.has(Role.OPERATOR)


async def ask_to_serve(
    uow: UnitOfWork,
    clock: Clock,
    actor: Membership | None,
    *,
    shop_id: int,
    complex_code: str,
    pickup: str = "",
) -> ShopComplex:
    """Ask that the shop serve another complex (the shop's vendor, or the operator: `actor`
    None on the command line). Idempotent while asked; see the module's rules."""
    if _operator(actor):
        shop = await uow.shop.get_shop(shop_id)
        if shop is None:
            raise NotFound()
    else:
        assert actor is not None
        shop = await own_shop(uow, actor)
        if shop.id != shop_id:
            raise NotFound()
    target = await uow.complexes.by_code(complex_code.strip().upper())
    if target is None:
        raise DomainError("shop.no_complex", code=complex_code)
    if target.id == shop.complex_id:
        raise DomainError("shop.own_complex")
    pickup = " ".join(pickup.split())
    if len(pickup) > MAX_NAME:
        raise InvalidInput("shop.too_long", limit=MAX_NAME)
    now = clock.now()
    found = await uow.shop.serving(saved(shop.id), saved(target.id))
    if found is not None and found.status == ServeStatus.APPROVED:
        raise DomainError("shop.already_serving")
    if found is None:
        found = await uow.shop.add_serving(
            ShopComplex(saved(shop.id), saved(target.id), ServeStatus.ASKED, now, pickup)
        )
    elif found.status == ServeStatus.REFUSED:
        if not await uow.shop.decide_serving(
            saved(found.id), [ServeStatus.REFUSED], ServeStatus.ASKED, now=now, by=None
        ):
            raise DomainError("shop.already_decided")
        found.asked_at = now
    found.pickup_place = pickup or found.pickup_place
    home = await uow.complexes.get(shop.complex_id)
    event = ServeAsked(saved(found.id), shop.name, home.name if home else "")
    key = f"shop:serve:{found.id}:{now.isoformat()}"
    for coordinator in await uow.roles.holders(Role.COORDINATOR, saved(target.id)):
        await uow.notifier.notify(coordinator, event, key=key, complex_id=target.id)
    return found


async def _scoped(uow: UnitOfWork, actor: Membership | None, serving_id: int) -> ShopComplex:
    found = await uow.shop.get_serving(serving_id)
    if found is None:
        raise NotFound()
    if _operator(actor):
        return found
    assert actor is not None
    if actor.complex_id != found.complex_id or not actor.is_coordinator:
        raise NotFound()  # another complex's request looks missing
    if actor.proxy is not None:
        raise Forbidden("proxy.not_offered")
    return found


async def decide(
    uow: UnitOfWork, clock: Clock, actor: Membership | None, serving_id: int, *, approve: bool
) -> ShopComplex:
    """Approve or refuse a request (the complex's coordinator, or the operator: `actor` None
    on the command line). One conditional update: decided once."""
    found = await _scoped(uow, actor, serving_id)
    expected = [ServeStatus.ASKED]
    if _operator(actor):
        expected.append(ServeStatus.REFUSED if approve else ServeStatus.APPROVED)
    target = ServeStatus.APPROVED if approve else ServeStatus.REFUSED
    if found.status == target:
        raise DomainError("shop.already_decided")
    by = None if actor is None or _operator(actor) else actor.resident_id
    now = clock.now()
    if not await uow.shop.decide_serving(saved(found.id), expected, target, now=now, by=by):
        raise DomainError("shop.already_decided")
    shop = await uow.shop.get_shop(found.shop_id)
    complex_ = await uow.complexes.get(found.complex_id)
    if shop is not None and complex_ is not None:
        event = ServeDecided(saved(found.id), complex_.name, str(target))
        for vendor in await uow.residents.ids_in_household(shop.household_id):
            key = f"shop:serve:{found.id}:{target}:{now.isoformat()}"
            await uow.notifier.notify(vendor, event, key=key, complex_id=shop.complex_id)
    return found


async def find_request(uow: UnitOfWork, *, shop_id: int, complex_code: str) -> ShopComplex:
    """The request of that shop for that complex (the command line names both)."""
    target = await uow.complexes.by_code(complex_code.strip().upper())
    if target is None:
        raise DomainError("shop.no_complex", code=complex_code)
    found = await uow.shop.serving(shop_id, saved(target.id))
    if found is None:
        raise NotFound()
    return found


async def described(uow: UnitOfWork, found: list[ShopComplex]) -> list[Request]:
    """The requests with their shop and both complexes' names (for the screens)."""
    names: dict[int, str] = {}
    items = []
    for serving in found:
        shop = await uow.shop.get_shop(serving.shop_id)
        if shop is None:
            continue
        for complex_id in (shop.complex_id, serving.complex_id):
            if complex_id not in names:
                complex_ = await uow.complexes.get(complex_id)
                names[complex_id] = complex_.name if complex_ else ""
        items.append(Request(serving, shop, names[shop.complex_id], names[serving.complex_id]))
    return items


async def asked_here(uow: UnitOfWork, member: Membership) -> list[Request]:
    """입점 신청: the requests waiting in the coordinator's complex, oldest first."""
    if not member.is_coordinator or member.complex_id is None:
        raise Forbidden()
    found = await uow.shop.servings(complex_id=member.complex_id, statuses=[ServeStatus.ASKED])
    return await described(uow, found)


async def my_complexes(uow: UnitOfWork, member: Membership) -> list[Request]:
    """The vendor's requests to serve other complexes, whatever their state."""
    shop = await own_shop(uow, member)
    return await described(uow, await uow.shop.servings(shop_id=saved(shop.id)))
