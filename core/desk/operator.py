"""The operator at the desk: every complex at once (figures: core.desk.reading), adding a
complex, and a first coordinator for a complex.

Rules:
- operators only (`forbidden` otherwise, coordinators included);
- adding a complex is `add_complex` (the command line's rules: code 2–20 capitals or digits,
  name 1–50 characters, code unique), audited;
- a coordinator invite code for a household of any complex (the household is created if it
  is new), 1 use, 30 days: what `python -m bot invite --role coordinator` does, audited; the
  code is shown once and never stored in plain. Residents already verified are appointed from
  the complex's 세대 page instead (core.desk.residents).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.access import record, require_operator
from core.identity.admin import IssuedInvite, add_complex, issue_invite
from core.identity.model import Complex, Membership, Role

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def new_complex(
    uow: UnitOfWork, clock: Clock, member: Membership, code: str, name: str
) -> Complex:
    require_operator(member)
    complex_ = await add_complex(uow, code, name)
    await record(uow, clock, member, "complex.add", f"{complex_.code}")
    return complex_


async def coordinator_invite(
    uow: UnitOfWork,
    clock: Clock,
    key: bytes,
    member: Membership,
    complex_code: str,
    building: str,
    unit: str,
) -> IssuedInvite:
    require_operator(member)
    issued = await issue_invite(
        uow,
        clock,
        key,
        complex_code=complex_code,
        building=building,
        unit=unit,
        role=Role.COORDINATOR,
        uses=1,
        actor=None,  # the operator may do what the operator's command line does
    )
    await record(uow, clock, member, "coordinator.invite", f"{issued.complex.code}")
    return issued
