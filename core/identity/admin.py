"""Operator and coordinator use cases: complexes, households and invite codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.invites import display_code, hash_code, new_code
from core.identity.model import (
    Complex,
    Household,
    InviteCode,
    Membership,
    Role,
    household_kind,
)
from core.ids import saved
from core.shop.vendors import link_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork

COMPLEX_CODE = re.compile(r"^[A-Z0-9]{2,20}$")
BUILDING = re.compile(r"^[0-9A-Za-z가-힣]{1,10}$")
UNIT = re.compile(r"^[0-9A-Za-z가-힣]{1,10}$")
DEFAULT_DAYS = 30
DEFAULT_USES = 4  # family members
INVITABLE_ROLES = (Role.RESIDENT, Role.COORDINATOR, Role.VENDOR)
COORDINATOR_INVITES = (Role.RESIDENT, Role.VENDOR)  # what a coordinator may issue


async def add_complex(uow: UnitOfWork, code: str, name: str) -> Complex:
    """Create a complex.

    Rules: the code is 2–20 capital letters or digits and unique; the name is 1–50 characters.
    """
    code = code.strip().upper()
    name = name.strip()
    if not COMPLEX_CODE.match(code):
        raise InvalidInput("complex.bad_code")
    if not 1 <= len(name) <= 50:
        raise InvalidInput("complex.bad_name")
    if await uow.complexes.by_code(code) is not None:
        raise DomainError("complex.exists", code=code)
    return await uow.complexes.add(Complex(code=code, name=name))


@dataclass(frozen=True)
class IssuedInvite:
    code: str  # shown once, never stored
    invite: InviteCode
    household: Household
    complex: Complex

    @property
    def display(self) -> str:
        return display_code(self.code)


async def issue_invite(
    uow: UnitOfWork,
    clock: Clock,
    key: bytes,
    *,
    complex_code: str,
    building: str,
    unit: str,
    role: str = Role.RESIDENT,
    uses: int = DEFAULT_USES,
    days: int = DEFAULT_DAYS,
    actor: Membership | None = None,
    code: str | None = None,
    shop: str = "",
    shop_kind: str = "",
) -> IssuedInvite:
    """Issue a fresh invite code for a household, creating the household if needed.

    Rules:
    - `actor` None means the operator's command line; otherwise the actor must be a
      coordinator of that complex, and may issue resident and vendor codes only.
    - A vendor code carries its shop (`shop` name, `shop_kind` for a new one): the shop is
      created with the household as its own, or linked if it exists (core.shop.vendors).
    - 동 and 호 are 1–10 letters or digits; uses 1–20; validity 1–365 days.
    """
    complex_ = await uow.complexes.by_code(complex_code.strip().upper())
    if complex_ is None:
        raise NotFound("complex.not_found", code=complex_code)
    complex_id = saved(complex_.id)
    if actor is not None and (
        not actor.has(Role.COORDINATOR, complex_id) or role not in COORDINATOR_INVITES
    ):
        raise Forbidden()
    if role not in INVITABLE_ROLES:
        raise InvalidInput("invite.bad_role")
    building, unit = building.strip().removesuffix("동"), unit.strip().removesuffix("호")
    if not BUILDING.match(building) or not UNIT.match(unit):
        raise InvalidInput("household.bad_address")
    if not 1 <= uses <= 20 or not 1 <= days <= 365:
        raise InvalidInput("invite.bad_limits")
    household = await uow.households.find(complex_id, building, unit)
    if household is None:
        household = await uow.households.add(
            Household(
                complex_id=complex_id,
                building=building,
                unit=unit,
                kind=household_kind(building, role),
            )
        )
    household_id = saved(household.id)
    shop_id = None
    if role == Role.VENDOR:
        linked = await link_shop(
            uow, clock, complex_id=complex_id, household_id=household_id, name=shop, kind=shop_kind
        )
        shop_id = linked.id
    code = code or new_code()  # a given code: only the demo seeds its well-known ones
    now = clock.now()
    invite = await uow.invites.add(
        InviteCode(
            complex_id=complex_id,
            household_id=household_id,
            code_hash=hash_code(key, code),
            role=str(role),
            max_uses=uses,
            expires_at=now + timedelta(days=days),
            created_at=now,
            shop_id=shop_id,
        )
    )
    return IssuedInvite(code=code, invite=invite, household=household, complex=complex_)
