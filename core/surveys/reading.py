"""What residents and coordinators read about surveys, scoped and role-checked here: the
complex's open surveys (residents; 우리단지 shows 설문조사 only while one is open) and every
survey of the complex (its coordinators, for the results)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.identity.model import Membership
from core.identity.roles import require_coordinator, require_verified
from core.surveys.answering import complex_of
from core.surveys.model import Survey, SurveyStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5


@dataclass(frozen=True)
class SurveyPage:
    surveys: list[Survey]
    total: int
    offset: int


async def _page(
    uow: UnitOfWork, member: Membership, statuses: list[str], offset: int, limit: int = PAGE
) -> SurveyPage:
    offset = max(offset, 0)
    surveys, total = await uow.surveys.for_complex(
        complex_of(member), statuses, offset=offset, limit=limit
    )
    return SurveyPage(surveys, total, offset)


async def open_surveys(uow: UnitOfWork, member: Membership, offset: int = 0) -> SurveyPage:
    """우리단지 → 설문조사: the surveys of the member's complex they can answer now."""
    require_verified(member)
    return await _page(uow, member, [SurveyStatus.OPEN.value], offset)


async def any_open(uow: UnitOfWork, member: Membership) -> bool:
    """Whether the member's complex has an open survey (nobody else's complex is told)."""
    if member.complex_id is None:
        return False
    return await uow.surveys.any_in(member.complex_id, [SurveyStatus.OPEN.value])


async def own_surveys(uow: UnitOfWork, member: Membership, offset: int = 0) -> SurveyPage:
    """설문 결과: every survey of the coordinator's complex, the latest deadline first."""
    require_coordinator(member)
    return await _page(uow, member, [s.value for s in SurveyStatus], offset)
