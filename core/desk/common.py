"""공용 포인트 at the desk (read only): the complex's common balance, the proposals whose
household vote is open with their turnout against the quorum, the proposals decided (spent,
rejected, without quorum, short of points) and the spends of common points (direct ones and
those a vote decided).

Rules:
- the complex's coordinators only (operators through `desk_member`): `forbidden` otherwise;
  only this complex's proposals, votes and spends are read;
- the turnout of an open vote is counted live (households that voted, never who chose
  what); a closed vote's is the one frozen at its close;
- the quorum needed is the vote's % of its households (counted at the opening; before it,
  the homes of the registry now), rounded up as the vote counts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved
from core.points.model import AccountRef, CommonProposal, CommonSpend, ProposalStatus
from core.votes.model import Vote, VoteStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

SHOWN = 20  # proposals and spends listed


@dataclass(frozen=True)
class ProposalLine:
    """A proposal with its vote: households that voted, could vote, and the quorum's count."""

    proposal: CommonProposal
    vote: Vote
    voted: int
    eligible: int
    needed: int

    @property
    def quorum_met(self) -> bool:
        return self.voted >= self.needed


@dataclass(frozen=True)
class CommonOverview:
    balance: int
    voting: list[ProposalLine]
    decided: list[ProposalLine]
    spends: list[CommonSpend]


async def _line(uow: UnitOfWork, proposal: CommonProposal) -> ProposalLine | None:
    vote = await uow.votes.get(proposal.vote_id)
    if vote is None or vote.complex_id != proposal.complex_id:
        return None
    if vote.status == VoteStatus.CLOSED:
        voted = vote.turnout
    else:
        rows = await uow.desk.turnout(saved(vote.id), vote.complex_id, vote.buildings)
        voted = sum(r.voted for r in rows)
    eligible = vote.eligible or await uow.votes.count_households(vote.complex_id, vote.buildings)
    needed = -(-(vote.quorum or 0) * eligible // 100)  # rounded up, as the vote counts it
    return ProposalLine(proposal, vote, voted, eligible, needed)


async def common_overview(uow: UnitOfWork, member: Membership) -> CommonOverview:
    """The desk's 공용 포인트 page (see the rules)."""
    require_coordinator(member)
    complex_id = saved(member.complex_id)
    lines = [await _line(uow, p) for p in await uow.points.proposals(complex_id, SHOWN)]
    found = [line for line in lines if line is not None]
    return CommonOverview(
        balance=await uow.points.balance(AccountRef.common(complex_id).key),
        voting=[x for x in found if x.proposal.status == ProposalStatus.VOTING],
        decided=[x for x in found if x.proposal.status != ProposalStatus.VOTING],
        spends=await uow.points.common_spends(complex_id, SHOWN),
    )
