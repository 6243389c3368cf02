"""Residents and roles at the desk: who lives in a household (by number, never by name or
phone), appointing a coordinator, and removing a resident who moved out.

Rules:
- only the complex's coordinators (and operators through `desk_member`); the household and
  the resident must belong to the complex (`not_found` otherwise: no probing of ids);
- appointing grants the coordinator role for the complex to a verified resident of it, once
  (appointing a coordinator again changes nothing); it is audited with who appointed;
- removing a resident who moved out: the person is detached from the household (no longer
  verified: back to public information only), every role they held in the complex is
  revoked, and their 알림톡 number is deleted (personal data is kept no longer than needed);
  what the household did (reports, ballots, orders) stays with the household. A coordinator
  cannot remove themselves (`desk.remove_self`); removing is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.access import record
from core.desk.households import household_at
from core.errors import DomainError, NotFound
from core.identity.model import Membership, Resident, Role, RoleGrant
from core.identity.roles import require_coordinator
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class ResidentLine:
    id: int
    roles: tuple[str, ...]
    since: datetime | None  # when the resident registered


async def household_residents(
    uow: UnitOfWork, member: Membership, building: str, unit: str
) -> list[ResidentLine]:
    household = await household_at(uow, member, building, unit)
    lines = []
    for resident_id in await uow.residents.ids_in_household(saved(household.id)):
        resident = await uow.residents.get(resident_id)
        grants = await uow.roles.for_resident(resident_id)
        roles = tuple(sorted({g.role for g in grants if g.revoked_at is None}))
        lines.append(ResidentLine(resident_id, roles, resident.created_at if resident else None))
    return lines


async def _resident(uow: UnitOfWork, member: Membership, resident_id: int) -> Resident:
    require_coordinator(member)
    resident = await uow.residents.get(resident_id)
    if resident is None or resident.complex_id != member.complex_id:
        raise NotFound()
    return resident


async def appoint_coordinator(
    uow: UnitOfWork, clock: Clock, member: Membership, resident_id: int
) -> bool:
    """True when the role was granted now (False: they already were a coordinator)."""
    resident = await _resident(uow, member, resident_id)
    complex_id = saved(member.complex_id)
    grants = await uow.roles.for_resident(resident_id)
    if any(
        g.role == Role.COORDINATOR and g.complex_id == complex_id and g.revoked_at is None
        for g in grants
    ):
        return False
    await uow.roles.add(
        RoleGrant(
            resident_id=saved(resident.id),
            role=str(Role.COORDINATOR),
            complex_id=complex_id,
            granted_at=clock.now(),
            granted_by=member.resident_id,
        )
    )
    await record(uow, clock, member, "appoint", f"resident #{resident_id} coordinator")
    return True


async def remove_resident(
    uow: UnitOfWork, clock: Clock, member: Membership, resident_id: int
) -> None:
    if resident_id == member.resident_id:
        raise DomainError("desk.remove_self")
    resident = await _resident(uow, member, resident_id)
    now = clock.now()
    await uow.desk.revoke_roles(resident_id, saved(member.complex_id), now)
    await uow.desk.detach_resident(saved(resident.id))
    await uow.alert_phones.delete(resident_id)
    await record(uow, clock, member, "remove", f"resident #{resident_id} moved out")
