"""What residents and coordinators read about votes, scoped and role-checked here: the
complex's open and closed votes (residents), every vote of the complex (its coordinators,
never with counts before the close), the 동 a new vote may target, and the vote a proxy
ballot is recorded for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.identity.model import Membership
from core.identity.roles import require_coordinator, require_verified
from core.votes.ballots import complex_of, visible_vote
from core.votes.model import Vote, VoteStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5


@dataclass(frozen=True)
class VotePage:
    votes: list[Vote]
    total: int
    offset: int


async def _page(uow: UnitOfWork, member: Membership, statuses: list[str], offset: int) -> VotePage:
    offset = max(offset, 0)
    votes, total = await uow.votes.for_complex(
        complex_of(member), statuses, offset=offset, limit=PAGE
    )
    return VotePage(votes, total, offset)


async def resident_votes(uow: UnitOfWork, member: Membership, offset: int = 0) -> VotePage:
    """우리단지 → 주민투표: the complex's open and closed votes, the latest close first."""
    require_verified(member)
    return await _page(uow, member, [VoteStatus.OPEN.value, VoteStatus.CLOSED.value], offset)


async def managed_votes(uow: UnitOfWork, member: Membership, offset: int = 0) -> VotePage:
    """투표 관리: every vote of the coordinator's complex, scheduled ones too."""
    require_coordinator(member)
    return await _page(uow, member, [s.value for s in VoteStatus], offset)


async def vote_buildings(uow: UnitOfWork, member: Membership) -> list[str]:
    """The 동 a coordinator's new vote may be limited to: those with homes (관리동 and
    업체동 never vote)."""
    require_coordinator(member)
    return await uow.votes.voting_buildings(complex_of(member))


async def proxy_vote(uow: UnitOfWork, member: Membership, vote_id: int) -> Vote:
    """The vote a coordinator records a 대리 투표 for (one of their complex)."""
    require_coordinator(member)
    return await visible_vote(uow, member, vote_id)


async def denominator(uow: UnitOfWork, vote: Vote) -> int:
    """The households the vote counts against, as the vote states it: frozen at the opening;
    before it, the homes of the eligible 동 in the registry now."""
    if vote.status != VoteStatus.SCHEDULED and vote.eligible:
        return vote.eligible
    return await uow.votes.count_households(vote.complex_id, vote.buildings)
