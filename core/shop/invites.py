"""입점 업체 초대: a coordinator invites a shop into the complex with a vendor invite code.

Rules: only a coordinator of the complex; the code carries the shop (created on first use,
linked if it exists) and its household (the shop's own, else the next free one in 업체동);
it works 3 times (the shop's people)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import NotFound
from core.identity.admin import IssuedInvite, issue_invite
from core.identity.model import Membership, Role
from core.identity.roles import require_coordinator
from core.shop.catalog import home_of
from core.shop.vendors import vendor_address

if TYPE_CHECKING:
    from core.ports import UnitOfWork

VENDOR_INVITE_USES = 3


async def invite_vendor(
    uow: UnitOfWork, clock: Clock, key: bytes, member: Membership, *, shop: str, kind: str
) -> IssuedInvite:
    """Issue the vendor invite of `shop` (a new shop is of `kind`)."""
    require_coordinator(member)
    complex_id, _ = home_of(member)
    complex_ = await uow.complexes.get(complex_id)
    if complex_ is None:
        raise NotFound()
    building, unit = await vendor_address(uow, complex_id, shop)
    return await issue_invite(
        uow,
        clock,
        key,
        complex_code=complex_.code,
        building=building,
        unit=unit,
        role=Role.VENDOR,
        uses=VENDOR_INVITE_USES,
        actor=member,
        shop=shop,
        shop_kind=kind,
    )
