"""What residents read of the points, with the role checked here: 내 포인트 and the balance
that can pay rent (verified residents), 공용 포인트 보기 (every verified resident of the
complex) and the common balance a coordinator may spend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.identity.model import Membership
from core.identity.proxy import require_consent
from core.identity.roles import require_coordinator, require_verified
from core.points.model import Line
from core.points.use_cases import balance, common_balance, common_history, history

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class Account:
    """A balance and its latest entries, newest first."""

    balance: int
    lines: list[Line]


async def my_points(uow: UnitOfWork, member: Membership) -> Account:
    """내 포인트: the resident's balance and last entries."""
    require_verified(member)
    return Account(await balance(uow, member), await history(uow, member))


async def rent_balance(uow: UnitOfWork, member: Membership) -> int:
    """The points a verified resident can pay rent with (대신 하기: only with the household's
    consent, refused at once otherwise)."""
    require_verified(member)
    require_consent(member)
    return await balance(uow, member)


async def common_points(uow: UnitOfWork, member: Membership) -> Account:
    """공용 포인트 보기: the complex's common balance and what came in and went out."""
    require_verified(member)
    return Account(await common_balance(uow, member), await common_history(uow, member))


async def common_to_spend(uow: UnitOfWork, member: Membership) -> int:
    """The common balance a coordinator of the complex may spend."""
    require_coordinator(member)
    return await common_balance(uow, member)
