"""Invite codes for a whole complex at once, for the printed invite letters.

Rules (`issue_household_invites`):
- Who: as for the households import (core.identity.households.may_manage).
- Households of the complex (or of one 동) with no active code get a fresh resident code:
  active means not revoked, not expired and not used up. With `reissue`, every household of
  the selection gets a fresh code and its earlier active codes are revoked (a lost letter).
- A code is shown once: the plain codes exist only in the result (for the letters); only
  their keyed hashes are stored, exactly as for one invite (core.identity.invites).
- Limits are those of one invite: 4 uses (family members), 30 days.
- All in a few statements (26,000 households: one insert per slice), never one per code.
- A 동 with no households is `household.no_building`; a complex with none is
  `household.none`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import NotFound
from core.identity.admin import DEFAULT_DAYS, DEFAULT_USES
from core.identity.households import Home, complex_for
from core.identity.invites import display_code, hash_code, new_code
from core.identity.model import Complex, Membership, Role
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class HouseholdCode:
    household: Home
    code: str  # plain, shown once on the letter; never stored nor logged

    @property
    def display(self) -> str:
        return display_code(self.code)


@dataclass(frozen=True)
class IssuedCodes:
    complex: Complex
    codes: list[HouseholdCode]  # by 동 then 호 (numbers in numeric order)
    revoked: int  # earlier codes revoked (reissue)
    skipped: int  # households that kept their active code
    expires_at: datetime  # of every new code


def address_order(household: Home) -> tuple[tuple[int, str], tuple[int, str]]:
    def part(text: str) -> tuple[int, str]:
        return (int(text), "") if text.isdigit() else (1 << 30, text)

    return part(household.building), part(household.unit)


async def issue_household_invites(
    uow: UnitOfWork,
    clock: Clock,
    key: bytes,
    actor: Membership | None,
    complex_code: str,
    *,
    building: str | None = None,
    reissue: bool = False,
) -> IssuedCodes:
    """Fresh codes for the complex's households; see the module's rules."""
    complex_ = await complex_for(uow, actor, complex_code)
    complex_id = saved(complex_.id)
    wanted_building = building.strip().removesuffix("동") if building else None
    households = await uow.roster.households(complex_id, wanted_building)
    if not households:
        raise NotFound("household.no_building" if wanted_building else "household.none")
    now = clock.now()
    ids = [h.id for h in households]
    revoked = 0
    if reissue:
        revoked = await uow.roster.revoke_invites(ids, now)
        chosen = households
    else:
        covered = await uow.roster.with_active_invite(ids, now)
        chosen = [h for h in households if h.id not in covered]
    chosen.sort(key=address_order)
    codes = [HouseholdCode(h, new_code()) for h in chosen]
    expires = now + timedelta(days=DEFAULT_DAYS)
    await uow.roster.add_invites(
        complex_id,
        [(c.household.id, hash_code(key, c.code)) for c in codes],
        role=str(Role.RESIDENT),
        max_uses=DEFAULT_USES,
        expires_at=expires,
        created_at=now,
    )
    return IssuedCodes(complex_, codes, revoked, len(households) - len(chosen), expires)
