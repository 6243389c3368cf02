"""세대 at the desk: invite letters to download, and one household's code reissued or revoked.

Rules:
- a download holds at most `MAX_LETTERS` letters (2,000: one PDF the browser can take and
  the server can build in memory); more is `desk.too_many_letters` and issues nothing (the
  unit of work is not committed): choose a 동, or use `python -m bot invite-sheets`;
- the codes are committed before the letters are drawn (drawing 2,000 letters takes seconds,
  and a unit of work must not hold the database that long); if drawing fails, the caller
  withdraws them at once (`withdraw_letters`: the new codes are revoked), so no code is left
  that nobody can read — those households get one with the next download;
- codes in bulk come from `issue_household_invites`, the same use case as the command line
  (households without an active code, or all of them with `reissue`);
- reissuing one household's code revokes its active codes and issues a fresh resident code
  (4 uses, 30 days: `issue_invite`); revoking only revokes. The household must exist in the
  complex (`not_found` otherwise: another complex's 동/호 cannot be probed);
- the complex's coordinators (and operators through `desk_member`) only: `forbidden`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.access import record
from core.errors import InvalidInput, NotFound
from core.identity.admin import IssuedInvite, issue_invite
from core.identity.households import clean_address
from core.identity.invite_sheets import IssuedCodes, issue_household_invites
from core.identity.model import Household, Membership
from core.identity.roles import require_coordinator
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MAX_LETTERS = 2000


async def letters_to_download(
    uow: UnitOfWork,
    clock: Clock,
    key: bytes,
    member: Membership,
    complex_code: str,
    *,
    building: str | None,
    reissue: bool,
) -> IssuedCodes:
    require_coordinator(member)
    issued = await issue_household_invites(
        uow, clock, key, member, complex_code, building=building or None, reissue=reissue
    )
    if len(issued.codes) > MAX_LETTERS:
        raise InvalidInput("desk.too_many_letters", count=len(issued.codes), limit=MAX_LETTERS)
    where = f"{building}동" if building else "all"
    await record(uow, clock, member, "letters", f"{where} {len(issued.codes)} reissue={reissue}")
    return issued


async def household_at(uow: UnitOfWork, member: Membership, building: str, unit: str) -> Household:
    require_coordinator(member)
    b, u, problem = clean_address(building, unit)
    found = None if problem else await uow.households.find(saved(member.complex_id), b, u)
    if found is None:
        raise NotFound()
    return found


async def reissue_code(
    uow: UnitOfWork, clock: Clock, key: bytes, member: Membership, building: str, unit: str
) -> IssuedInvite:
    household = await household_at(uow, member, building, unit)
    complex_ = await uow.complexes.get(household.complex_id)
    if complex_ is None:
        raise NotFound()
    await uow.roster.revoke_invites([saved(household.id)], clock.now())
    issued = await issue_invite(
        uow,
        clock,
        key,
        complex_code=complex_.code,
        building=household.building,
        unit=household.unit,
        actor=member,
    )
    await record(uow, clock, member, "code.reissue", f"household #{household.id}")
    return issued


async def revoke_codes(
    uow: UnitOfWork, clock: Clock, member: Membership, building: str, unit: str
) -> int:
    household = await household_at(uow, member, building, unit)
    revoked = await uow.roster.revoke_invites([saved(household.id)], clock.now())
    await record(uow, clock, member, "code.revoke", f"household #{household.id} ({revoked})")
    return revoked


async def withdraw_letters(
    uow: UnitOfWork, clock: Clock, member: Membership, household_ids: list[int]
) -> int:
    """Revoke the codes of a download whose letters could not be drawn (`household_ids`: the
    download's households, all of the member's complex)."""
    require_coordinator(member)
    revoked = await uow.roster.revoke_invites(
        await uow.desk.households_in(saved(member.complex_id), household_ids), clock.now()
    )
    await record(uow, clock, member, "letters.withdrawn", f"{revoked}")
    return revoked
