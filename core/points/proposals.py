"""Common points decided by households (공용 포인트 제안): a coordinator proposes a spend (what
for, how much, an optional photo of the quote) and that opens a household vote with the
existing vote machinery (찬성 / 반대, one ballot per household, the configured quorum). When
the vote has closed, the proposal is settled exactly once by its job ("common.settle"):

투표 중 (voting) → 사용함 (spent): the vote passed and the points moved, announced with the
remaining balance; → 부결 (rejected): more 반대 than 찬성 (or a tie); → 성립 안 됨 (no_quorum):
too few households voted; → 잔액 부족 (short): it passed, but the common points no longer
cover it at the close (the coordinators are told; nothing moves).

Only the first settle changes the row (one conditional update from 투표 중), in the same
transaction as the transfer, so two schedulers racing never spend twice; the transfer id
"common-vote:{proposal id}" makes a repeat a no-op at the ledger too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership, Role
from core.identity.roles import require_coordinator, require_verified
from core.ids import saved
from core.points.events import CommonProposalShort, CommonSpent
from core.points.ledger import transfer
from core.points.model import (
    MAX_AMOUNT,
    MAX_PURPOSE,
    AccountRef,
    CommonPolicy,
    CommonProposal,
    CommonSpend,
    Kind,
    ProposalStatus,
    System,
)
from core.votes.ballots import NewVote, create_vote
from core.votes.model import MAX_QUESTION, Vote, VoteStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

SETTLE_JOB = "common.settle"
YES, NO = 0, 1  # the vote's options: 찬성 first, 반대 second


@dataclass(frozen=True)
class NewProposal:
    """What the coordinator proposes; `question`, `yes`, `no` are the vote's wording in the
    coordinator's language (the bot words them)."""

    purpose: str
    amount: int
    question: str
    yes: str
    no: str
    photo: str = ""  # a media id of the quote or a picture, "" for none


def clean_purpose(purpose: object) -> str:
    text = " ".join(str(purpose).split())
    if not 1 <= len(text) <= MAX_PURPOSE:
        raise InvalidInput("points.bad_purpose", limit=MAX_PURPOSE)
    return text


def check_amount(amount: object) -> int:
    if type(amount) is not int or not 1 <= amount <= MAX_AMOUNT:
        raise InvalidInput("points.bad_amount", limit=MAX_AMOUNT)
    return amount


def passed(vote: Vote) -> ProposalStatus:
    """What a closed vote decided: the quorum first, then more 찬성 than 반대."""
    if not vote.quorum_met:
        return ProposalStatus.NO_QUORUM
    results = vote.results or [0, 0]
    return ProposalStatus.SPENT if results[YES] > results[NO] else ProposalStatus.REJECTED


async def propose_common_spend(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewProposal, policy: CommonPolicy
) -> CommonProposal:
    """공용 포인트 제안: open a household vote on a spend.

    Rules:
    - Only a coordinator of the complex; a purpose of 1–100 characters, 1 won or more (the
      common balance may grow before the close, so more than today's balance is allowed;
      the settle checks it again).
    - The vote: every household of the complex, secret, 찬성 / 반대, quorum `policy.quorum` %
      (0: none), open now for `policy.days` days.
    - The proposal is settled by the job "common.settle" at the close, exactly once.
    """
    require_coordinator(member)
    purpose = clean_purpose(new.purpose)
    amount = check_amount(new.amount)
    question = " ".join(new.question.split())[:MAX_QUESTION]
    now = clock.now()
    vote = await create_vote(
        uow,
        clock,
        member,
        NewVote(
            question=question,
            options=(new.yes, new.no),
            opens_at=now,
            closes_at=now + timedelta(days=policy.days),
            quorum=policy.quorum or None,
        ),
    )
    proposal = await uow.points.add_proposal(
        CommonProposal(
            complex_id=vote.complex_id,
            coordinator_id=member.resident_id,
            purpose=purpose,
            amount=amount,
            vote_id=saved(vote.id),
            created_at=now,
            photo=new.photo[:80],
        )
    )
    payload = {"proposal_id": saved(proposal.id), "vote_id": saved(vote.id)}
    key = str(proposal.id)
    await uow.jobs.at(SETTLE_JOB, key, vote.closes_at, payload, complex_id=vote.complex_id)
    return proposal


async def post_spend(
    uow: UnitOfWork,
    clock: Clock,
    *,
    complex_id: int,
    actor_id: int,
    amount: int,
    purpose: str,
    transfer_id: str,
    vote_id: int | None,
) -> CommonSpend:
    """Move the points (common → common use) and record the spend with its audit line;
    points.insufficient when the balance does not cover it (nothing is written)."""
    legs = [
        (AccountRef.common(complex_id), -amount),
        (AccountRef.system(System.COMMON_USE, complex_id), amount),
    ]
    if not await transfer(uow, clock, transfer_id, legs, kind=Kind.COMMON_SPEND, memo=purpose):
        raise DomainError("points.replay_mismatch", transfer_id=transfer_id)
    spend = CommonSpend(
        complex_id=complex_id,
        coordinator_id=actor_id,
        amount=amount,
        purpose=purpose,
        transfer_id=transfer_id,
        at=clock.now(),
        vote_id=vote_id,
    )
    return await uow.points.add_common_spend(spend, actor_id)


async def execute(
    uow: UnitOfWork, clock: Clock, proposal: CommonProposal, decided: ProposalStatus
) -> ProposalStatus | None:
    """Claim the proposal (투표 중 → `decided`, one conditional update) and, when it passed,
    spend; a short balance turns it into 잔액 부족 instead. None: settled before."""
    pid = saved(proposal.id)
    if not await uow.points.settle_proposal(pid, decided, clock.now()):
        return None
    if decided != ProposalStatus.SPENT:
        return decided
    try:
        await post_spend(
            uow,
            clock,
            complex_id=proposal.complex_id,
            actor_id=proposal.coordinator_id,
            amount=proposal.amount,
            purpose=proposal.purpose,
            transfer_id=f"common-vote:{pid}",
            vote_id=proposal.vote_id,
        )
    except DomainError as exc:
        if exc.code != "points.insufficient":
            raise
        await uow.points.reclassify_proposal(pid, ProposalStatus.SHORT)
        return ProposalStatus.SHORT
    return ProposalStatus.SPENT


async def _audience(uow: UnitOfWork, vote: Vote) -> list[int]:
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=None, vote_id=saved(vote.id)
    )
    residents = await uow.residents.ids_in_households(households)
    coordinators = await uow.roles.holders(Role.COORDINATOR.value, vote.complex_id)
    return sorted(set(residents) | set(coordinators))


async def settle_proposal(
    uow: UnitOfWork, clock: Clock, proposal_id: int
) -> ProposalStatus | None:
    """The job "common.settle", after the vote's close: decide and act exactly once.

    - Still 투표 중 → DomainError("points.vote_open") (the job retries later).
    - Passed and covered → the points move once, every household of the complex and the
      coordinators are told, with the remaining balance.
    - Passed but short → nothing moves; the coordinators are told politely.
    - Rejected or without quorum → nothing changes (the vote's result already told everyone).
    Returns what happened now, None when it was settled before (a repeat, a second runner).
    """
    proposal = await uow.points.get_proposal(proposal_id)
    if proposal is None or proposal.status != ProposalStatus.VOTING:
        return None
    vote = await uow.votes.get(proposal.vote_id)
    if vote is None:
        raise NotFound()
    if vote.status != VoteStatus.CLOSED:
        raise DomainError("points.vote_open")
    outcome = await execute(uow, clock, proposal, passed(vote))
    pid = saved(proposal.id)
    if outcome == ProposalStatus.SPENT:
        left = await uow.points.balance(AccountRef.common(proposal.complex_id).key)
        note = CommonSpent(pid, proposal.purpose, proposal.amount, left, proposal.vote_id)
        await uow.notifier.notify_many(
            await _audience(uow, vote),
            note,
            key=f"common:{pid}:spent",
            batch=f"common:{pid}",
            complex_id=proposal.complex_id,
        )
    elif outcome == ProposalStatus.SHORT:
        have = await uow.points.balance(AccountRef.common(proposal.complex_id).key)
        coordinators = await uow.roles.holders(Role.COORDINATOR.value, proposal.complex_id)
        short = CommonProposalShort(pid, proposal.purpose, proposal.amount, have)
        await uow.notifier.notify_many(
            coordinators, short, key=f"common:{pid}:short", complex_id=proposal.complex_id
        )
    return outcome


async def spend_by_vote(
    uow: UnitOfWork,
    clock: Clock,
    coordinator: Membership,
    vote_id: object,
    amount: int,
    purpose: str,
) -> CommonSpend:
    """`spend_common(vote_id=…)`: the spend a passed vote decided, once. The vote must be a
    common-points proposal's of the coordinator's complex, closed and passed, for this amount
    and purpose, and not spent yet; anything else is points.bad_vote (forged and other
    complexes' ids read the same)."""
    if type(vote_id) is not int or vote_id < 1:
        raise InvalidInput("points.bad_vote")
    proposal = await uow.points.proposal_by_vote(vote_id)
    vote = await uow.votes.get(vote_id)
    if (
        proposal is None
        or vote is None
        or proposal.complex_id != coordinator.complex_id
        or proposal.status != ProposalStatus.VOTING
        or vote.status != VoteStatus.CLOSED
        or passed(vote) != ProposalStatus.SPENT
        or (proposal.amount, proposal.purpose) != (amount, purpose)
    ):
        raise InvalidInput("points.bad_vote")
    if await execute(uow, clock, proposal, ProposalStatus.SPENT) != ProposalStatus.SPENT:
        raise DomainError("points.insufficient")
    spend = await uow.points.spend_of(f"common-vote:{saved(proposal.id)}")
    if spend is None:  # written just above, in this transaction
        raise NotFound()
    return spend


async def proposals_for(
    uow: UnitOfWork, member: Membership, limit: int = 5
) -> list[CommonProposal]:
    """공용 포인트 보기 → 제안과 투표: the complex's proposals, newest first (every verified
    resident)."""
    require_verified(member)
    if member.complex_id is None:
        raise NotFound()
    return await uow.points.proposals(member.complex_id, max(1, min(limit, 20)))
