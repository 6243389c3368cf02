"""도움말 → 내 정보: what the service holds about me, a copy to download, and 탈퇴 (leave).

Rules:
- `what_we_hold`: any resident, about themselves only: household (동/호), linked messengers,
  listings, orders, points, defect reports, votes cast — a vote by its question only: the
  option of a secret vote is never shown (nor kept with the person).
- `copy_token` / `resident_of_copy`: a copy is served at a signed link valid 24 hours
  (`COPY_VALID`); a link altered in any way, expired or of someone who left reads as missing.
- `leave`: only with the second tap (`confirmed`); the accounts are unlinked and personal data
  erased or anonymised: listings and relay chats removed; orders, ballots and ledger entries
  kept with the household only (the resident row stays as the household's anonymous record,
  with its points: the ledger stays exact). Audited (who, never what they held).
- `remove_moved_out`: a coordinator does the same for every resident of a household of their
  own complex that moved out (confirmed too; audited with the coordinator's id); anyone else,
  or another complex's household, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved
from core.privacy.model import COPY_VALID, Held

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def what_we_hold(uow: UnitOfWork, member: Membership) -> Held:
    """내 정보: the summary shown in the chat."""
    return await uow.privacy.held(member.resident_id)


async def my_copy(uow: UnitOfWork, resident_id: int) -> dict[str, Any] | None:
    """The downloadable copy of everything held about the resident (a signed link's owner);
    None once they left (no account is linked any more)."""
    if not await uow.accounts.for_resident(resident_id):
        return None
    return await uow.privacy.copy(resident_id)


def _sign(key: bytes, body: str) -> str:
    return hmac.new(key, f"copy:{body}".encode(), hashlib.sha256).hexdigest()[:32]


def copy_token(key: bytes, clock: Clock, resident_id: int) -> tuple[str, datetime]:
    """A link token for the resident's copy and when it stops working (24 hours)."""
    expires = clock.now() + COPY_VALID
    body = f"{resident_id}.{int(expires.timestamp())}"
    return f"{body}.{_sign(key, body)}", expires


def resident_of_copy(key: bytes, clock: Clock, token: str) -> int | None:
    """Whose copy a link token opens, or None: forged, altered or expired."""
    parts = token.split(".")
    if len(parts) != 3 or not all(p.isascii() and p.isalnum() for p in parts):
        return None
    resident, expires, signature = parts
    if not hmac.compare_digest(signature, _sign(key, f"{resident}.{expires}")):
        return None
    if not resident.isdigit() or not expires.isdigit():
        return None
    if clock.now().timestamp() >= int(expires):
        return None
    return int(resident)


async def leave(uow: UnitOfWork, clock: Clock, member: Membership, *, confirmed: bool) -> None:
    """탈퇴 of the member themselves (see the module's rules)."""
    if member.proxy is not None:
        raise Forbidden()  # 대신 하기 never leaves for a household
    if not confirmed:
        raise DomainError("privacy.confirm")
    await uow.privacy.erase(member.resident_id, clock.now())
    await uow.privacy.audit(
        clock.now(), member.complex_id, member.resident_id, f"leave resident={member.resident_id}"
    )


async def remove_moved_out(
    uow: UnitOfWork,
    clock: Clock,
    coordinator: Membership,
    building: str,
    unit: str,
    *,
    confirmed: bool,
) -> int:
    """A coordinator erases the residents of a household that moved out; returns how many."""
    require_coordinator(coordinator)
    complex_id = saved(coordinator.complex_id)
    household = await uow.households.find(
        complex_id, building.strip().removesuffix("동"), unit.strip().removesuffix("호")
    )
    if household is None:
        raise InvalidInput("vote.no_household")
    if not confirmed:
        raise DomainError("privacy.confirm")
    residents = await uow.residents.ids_in_household(saved(household.id))
    for resident_id in residents:
        await uow.privacy.erase(resident_id, clock.now())
        await uow.privacy.audit(
            clock.now(),
            complex_id,
            coordinator.resident_id,
            f"moved_out household={household.id} resident={resident_id}",
        )
    return len(residents)
