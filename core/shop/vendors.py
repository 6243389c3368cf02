"""Vendors' use cases: the shop a vendor invite creates or links, the vendor's own shop, its
products (add, edit); 기획전 are core/shop/exhibitions.py.

A vendor is a resident-like identity: verified with a vendor invite into the shop's own
household, holding the role "vendor" for the complex. Whoever is verified in that household
with that role runs the shop; nobody else can touch it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership, Role
from core.ids import saved
from core.shop.model import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_PRICE,
    MAX_STOCK,
    MAX_UNIT,
    Product,
    Shop,
    ShopKind,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

VENDOR_BUILDING = "업체"  # the 동 of shops' own households when a coordinator invites


def clean_name(name: str, limit: int = MAX_NAME) -> str:
    name = " ".join(name.split())
    if not 1 <= len(name) <= limit:
        raise InvalidInput("shop.bad_name", limit=limit)
    return name


async def link_shop(
    uow: UnitOfWork, clock: Clock, *, complex_id: int, household_id: int, name: str, kind: str
) -> Shop:
    """The shop a vendor invite carries: created on the first invite, linked afterwards.

    Rules: a name of 1–40 characters, unique in the complex; a kind from the four
    (로컬푸드, 사회적경제, 중소기업, 제휴상가); a shop has exactly one household, and a household
    runs at most one shop ("shop.other_household")."""
    name = clean_name(name)
    found = await uow.shop.shop_named(complex_id, name)
    if found is not None:
        if found.household_id != household_id:
            raise DomainError("shop.other_household")
        return found
    if kind not in set(ShopKind):
        raise InvalidInput("shop.bad_kind")
    if await uow.shop.shop_of_household(household_id) is not None:
        raise DomainError("shop.other_household")
    return await uow.shop.add_shop(
        Shop(
            complex_id=complex_id,
            name=name,
            kind=kind,
            household_id=household_id,
            created_at=clock.now(),
        )
    )


async def vendor_address(uow: UnitOfWork, complex_id: int, name: str) -> tuple[str, str]:
    """동/호 for a coordinator's vendor invite: the shop's household if it exists, else the
    next free one in 업체동."""
    found = await uow.shop.shop_named(complex_id, " ".join(name.split()))
    if found is not None:
        household = await uow.households.get(found.household_id)
        if household is None:
            raise NotFound()
        return household.building, household.unit
    number = len(await uow.shop.shops(complex_id)) + 1
    while await uow.households.find(complex_id, VENDOR_BUILDING, str(number)) is not None:
        number += 1
    return VENDOR_BUILDING, str(number)


async def is_vendor(uow: UnitOfWork, member: Membership) -> bool:
    return (
        member.verified
        and member.household_id is not None
        and member.has(Role.VENDOR, member.complex_id)
        and await uow.shop.shop_of_household(member.household_id) is not None
    )


async def own_shop(uow: UnitOfWork, member: Membership) -> Shop:
    """The vendor's shop; anyone else is Forbidden."""
    if member.household_id is None or not member.has(Role.VENDOR, member.complex_id):
        raise Forbidden()
    shop = await uow.shop.shop_of_household(member.household_id)
    if shop is None or shop.complex_id != member.complex_id:
        raise Forbidden()
    return shop


async def own_product(uow: UnitOfWork, member: Membership, product_id: int) -> Product:
    """A product of the vendor's own shop; any other id looks missing."""
    shop = await own_shop(uow, member)
    product = await uow.shop.get_product(product_id)
    if product is None or product.shop_id != shop.id:
        raise NotFound()
    return product


def check_price(price: object) -> int:
    if not isinstance(price, int) or not 1 <= price <= MAX_PRICE:
        raise InvalidInput("shop.bad_price", limit=MAX_PRICE)
    return price


def check_stock(stock: object) -> int:
    if not isinstance(stock, int) or not 0 <= stock <= MAX_STOCK:
        raise InvalidInput("shop.bad_stock", limit=MAX_STOCK)
    return stock


@dataclass(frozen=True)
class NewProduct:
    name: str
    price: int
    unit: str
    stock: int
    description: str = ""
    photo: str = ""


async def add_product(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewProduct
) -> Product:
    """Add a product to the vendor's own shop.

    Rules: name 1–40 characters, price 1–10,000,000 won, unit 1–10 characters, stock
    0–100,000, description up to 300 characters, at most one photo (a media id)."""
    shop = await own_shop(uow, member)
    description = new.description.strip()
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput("shop.too_long", limit=MAX_DESCRIPTION)
    return await uow.shop.add_product(
        Product(
            shop_id=saved(shop.id),
            complex_id=shop.complex_id,
            name=clean_name(new.name),
            price=check_price(new.price),
            unit=clean_name(new.unit, MAX_UNIT),
            stock=check_stock(new.stock),
            description=description,
            photo=new.photo,
            created_at=clock.now(),
        )
    )


EDITABLE = ("name", "price", "unit", "stock", "description", "photo", "active")


async def edit_product(
    uow: UnitOfWork, member: Membership, product_id: int, field: str, value: object
) -> Product:
    """Change one field of an own product, with the same rules as adding it. Stock set here
    is the count on the shelf now (orders already placed have taken theirs)."""
    product = await own_product(uow, member, product_id)
    if field not in EDITABLE:
        raise InvalidInput("shop.bad_choice")
    if field == "name":
        value = clean_name(str(value))
    elif field == "unit":
        value = clean_name(str(value), MAX_UNIT)
    elif field == "price":
        value = check_price(value)
    elif field == "stock":
        value = check_stock(value)
    elif field == "description":
        value = str(value).strip()
        if len(value) > MAX_DESCRIPTION:
            raise InvalidInput("shop.too_long", limit=MAX_DESCRIPTION)
    elif field == "active":
        value = bool(value)
    setattr(product, field, value)
    return product
