"""투표 at the desk: closing a vote now, before its time.

Rules:
- the complex's coordinators only (operators through `desk_member`); another complex's vote
  reads as missing (`visible_vote`);
- a vote open or scheduled can be closed now: its closing time becomes now and the close is
  the same exactly-once step the scheduled job runs (`close_vote`), so the job firing later
  finds it closed and does nothing; a closed vote cannot be closed again (`vote.closed`);
- a paper or proxy ballot goes through the chat's 대리 투표 (`paper_ballot`) with a reason;
- closing is audited; results are then counted once and announced by the caller as after a
  scheduled close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.desk.access import record
from core.errors import DomainError, InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved
from core.votes.ballots import cast_proxy_ballot, visible_vote
from core.votes.lifecycle import close_vote
from core.votes.model import BallotOutcome, Vote

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def close_now(uow: UnitOfWork, clock: Clock, member: Membership, vote_id: int) -> Vote:
    require_coordinator(member)
    vote = await visible_vote(uow, member, vote_id)
    if not await uow.desk.end_vote_now(saved(vote.id), clock.now()):
        raise DomainError("vote.closed")
    closed = await close_vote(uow, clock, saved(vote.id))
    if closed is None:
        raise DomainError("vote.closed")
    await record(uow, clock, member, "vote.close", f"vote #{vote_id}")
    return closed


PAPER_REASONS = ("paper", "visit", "phone")  # 종이 투표지, 대리 (방문), 대리 (전화)


async def paper_ballot(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    vote_id: int,
    building: str,
    unit: str,
    option: int,
    reason: str,
) -> BallotOutcome:
    """A paper or proxy ballot entered at the desk with the household's 동/호 and the reason
    (one of `PAPER_REASONS`, else `desk.bad_reason`): the chat's 대리 투표 use case
    (`cast_proxy_ballot`: same rules, audited, the household told), and the reason audited."""
    if reason not in PAPER_REASONS:
        raise InvalidInput("desk.bad_reason")
    outcome = await cast_proxy_ballot(uow, clock, member, vote_id, building, unit, option)
    await record(uow, clock, member, "vote.paper", f"vote #{vote_id} {reason} {outcome}")
    return outcome
