"""Operators and the desk's one-time login codes.

An operator is a resident row with an operator role grant that is tied to no complex
(`RoleGrant.complex_id` None): it covers every complex (`Membership.has`). Its name is kept
beside it (the desk shows who did what).

Rules:
- `add_operator`: the name is 1–50 characters; creates the operator and issues a first
  desk login code.
- `issue_desk_code`: one-time login codes for the desk are 10 characters from the invite
  alphabet (shown as two groups of five), stored only as a keyed hash, valid 5 minutes,
  usable once. A code names the person, and for a coordinator the complex the desk opens on
  (None for an operator). Who may have one: an operator, or a coordinator of that complex
  (the chat's "데스크 열기" will issue into the same table); anyone else is refused.
- `redeem_desk_code`: text that cannot be a code is "desk.code_wrong" like an unknown one;
  an expired code is "desk.code_expired"; a used one (or the loser of two at once)
  "desk.code_used". The result is the person's membership as of now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput
from core.identity.invites import display_code, hash_code, new_code, normalize_code
from core.identity.model import Membership, Resident, Role, RoleGrant
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

CODE_MINUTES = 5


@dataclass
class DeskLoginCode:
    resident_id: int
    code_hash: str
    expires_at: datetime
    created_at: datetime
    complex_id: int | None = None  # the coordinator's complex; None for an operator
    used_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class IssuedDeskCode:
    code: str  # plain, shown once
    login: DeskLoginCode

    @property
    def display(self) -> str:
        return display_code(self.code)


async def membership_of(uow: UnitOfWork, resident: Resident) -> Membership:
    grants = await uow.roles.for_resident(saved(resident.id))
    return Membership(
        resident_id=saved(resident.id),
        complex_id=resident.complex_id,
        household_id=resident.household_id,
        grants=frozenset((g.role, g.complex_id) for g in grants if g.revoked_at is None),
    )


async def add_operator(
    uow: UnitOfWork, clock: Clock, key: bytes, name: str
) -> tuple[Resident, IssuedDeskCode]:
    """A new operator (all complexes) and their first desk login code."""
    name = name.strip()
    if not 1 <= len(name) <= 50:
        raise InvalidInput("operator.bad_name")
    now = clock.now()
    resident = await uow.residents.add(Resident(created_at=now))
    await uow.roles.add(
        RoleGrant(
            resident_id=saved(resident.id),
            role=str(Role.OPERATOR),
            complex_id=None,
            granted_at=now,
        )
    )
    await uow.desk.add_operator(saved(resident.id), name, now)
    member = await membership_of(uow, resident)
    return resident, await issue_desk_code(uow, clock, key, member, None)


async def issue_desk_code(
    uow: UnitOfWork, clock: Clock, key: bytes, member: Membership, complex_id: int | None
) -> IssuedDeskCode:
    """A one-time desk login code for `member` (see the rules)."""
    if not (
        member.has(Role.OPERATOR)
        or (complex_id is not None and member.has(Role.COORDINATOR, complex_id))
    ):
        raise Forbidden()
    now = clock.now()
    code = new_code()
    login = DeskLoginCode(
        resident_id=member.resident_id,
        code_hash=hash_code(key, code),
        expires_at=now + timedelta(minutes=CODE_MINUTES),
        created_at=now,
        complex_id=complex_id,
    )
    return IssuedDeskCode(code, await uow.desk.add_code(login))


async def redeem_desk_code(
    uow: UnitOfWork, clock: Clock, key: bytes, raw: str
) -> tuple[DeskLoginCode, Membership]:
    """Use a desk login code once; the login and the person's membership now."""
    code = normalize_code(raw)
    login = await uow.desk.code_by_hash(hash_code(key, code)) if code else None
    if login is None:
        raise DomainError("desk.code_wrong")
    now = clock.now()
    if login.used_at is not None:
        raise DomainError("desk.code_used")
    if login.expires_at <= now:
        raise DomainError("desk.code_expired")
    if not await uow.desk.use_code(saved(login.id), now):
        raise DomainError("desk.code_used")
    resident = await uow.residents.get(login.resident_id)
    if resident is None:
        raise DomainError("desk.code_wrong")
    return login, await membership_of(uow, resident)
