"""What the home menu, 우리 집 정보 and the 코디네이터 menu show: reads that check who asks.

Rules:
- a resident sees their own complex and household only, once verified;
- the 코디네이터 overview (verified residents of the complex) is for the complex's coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import NotFound
from core.identity.model import Complex, Household, Membership
from core.identity.roles import require_coordinator, require_verified
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class HouseholdView:
    complex_name: str
    building: str
    unit: str
    members: int  # residents verified for this household (0 when not counted)


@dataclass(frozen=True)
class CoordinatorOverview:
    complex_name: str
    verified_residents: int


async def my_complex(uow: UnitOfWork, member: Membership) -> Complex:
    require_verified(member)
    assert member.complex_id is not None  # verified
    complex_ = await uow.complexes.get(member.complex_id)
    if complex_ is None:
        raise NotFound("complex.not_found")
    return complex_


async def _household(uow: UnitOfWork, member: Membership) -> Household:
    require_verified(member)
    assert member.household_id is not None  # verified
    household = await uow.households.get(member.household_id)
    if household is None:
        raise NotFound()
    return household


async def my_household(
    uow: UnitOfWork, member: Membership, *, count: bool = False
) -> HouseholdView:
    """The resident's complex and household (with how many verified it when `count`)."""
    household = await _household(uow, member)
    complex_ = await my_complex(uow, member)
    members = await uow.residents.count_in_household(saved(household.id)) if count else 0
    return HouseholdView(complex_.name, household.building, household.unit, members)


async def coordinator_overview(uow: UnitOfWork, member: Membership) -> CoordinatorOverview:
    require_coordinator(member)
    complex_ = await my_complex(uow, member)
    verified = await uow.residents.count_verified(saved(complex_.id))
    return CoordinatorOverview(complex_.name, verified)
