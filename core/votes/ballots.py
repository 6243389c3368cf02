"""Creating a vote and casting ballots: by a household member with buttons, or by a
coordinator for a household that asked for help in person (a proxy ballot, audited).

Whether a ballot is new, replaces the household's earlier one or repeats it is decided here
(`ballot_outcome`); storage only records the decision, with the unique key (vote,
household) and a conditional replace, so two ballots of one household at once stay exact."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import ConcurrencyConflict, DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Household, Membership, Proxy
from core.identity.proxy import How, ProxyTask, acting_for, record_proxy
from core.identity.roles import require_coordinator, require_verified
from core.ids import saved
from core.votes.events import BallotReplaced
from core.votes.model import (
    MAX_LENGTH,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MIN_LENGTH,
    MIN_OPTIONS,
    REMINDERS,
    Ballot,
    BallotOutcome,
    Vote,
    VoteStatus,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

OPEN_JOB, REMIND_JOB, CLOSE_JOB = "vote.open", "vote.remind", "vote.close"


@dataclass(frozen=True)
class NewVote:
    question: str
    options: tuple[str, ...]
    opens_at: datetime
    closes_at: datetime
    buildings: tuple[str, ...] = ()
    secret: bool = True
    quorum: int | None = None


def complex_of(member: Membership) -> int:
    """The member's complex (every verified resident and coordinator has one)."""
    if member.complex_id is None:
        raise Forbidden("not_verified")
    return member.complex_id


def check_vote(clock: Clock, member: Membership, new: NewVote, known: list[str]) -> NewVote:
    """Rules: coordinators of the complex only; a question (≤ 300 characters); 2–10 distinct
    options (≤ 40 characters each); opens now or later, lasts 1 hour to 60 days; eligible 동
    among the complex's 동 with homes (`known`: never 관리동 or 업체동 alone); quorum 1–100 %
    of eligible households, or none."""
    require_coordinator(member)
    question = new.question.strip()
    if not question or len(question) > MAX_QUESTION:
        raise InvalidInput("vote.bad_question", limit=MAX_QUESTION)
    options = tuple(o.strip() for o in new.options if o.strip())
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
        raise InvalidInput("vote.bad_options", low=MIN_OPTIONS, high=MAX_OPTIONS)
    if any(len(o) > MAX_OPTION for o in options):
        raise InvalidInput("vote.option_too_long", limit=MAX_OPTION)
    now = clock.now()
    opens_at = max(new.opens_at, now)
    if not MIN_LENGTH <= new.closes_at - opens_at <= MAX_LENGTH or opens_at - now > MAX_LENGTH:
        raise InvalidInput("vote.bad_time")
    if any(b not in known for b in new.buildings):
        raise InvalidInput("notice.bad_target")
    if new.quorum is not None and not 1 <= new.quorum <= 100:
        raise InvalidInput("vote.bad_quorum")
    buildings = tuple(sorted(set(new.buildings)))
    return NewVote(question, options, opens_at, new.closes_at, buildings, new.secret, new.quorum)


async def create_vote(uow: UnitOfWork, clock: Clock, member: Membership, new: NewVote) -> Vote:
    """Create the vote and arm its jobs: the opening (with a reminder to every eligible
    household), 24 h and 3 h before the close (to households that have not voted, when that is
    after the opening) and the close. Nothing about it can be changed afterwards."""
    require_coordinator(member)
    complex_id = complex_of(member)
    new = check_vote(clock, member, new, await uow.votes.voting_buildings(complex_id))
    vote = await uow.votes.add(
        Vote(
            complex_id=complex_id,
            author_id=member.resident_id,
            question=new.question,
            options=list(new.options),
            opens_at=new.opens_at,
            closes_at=new.closes_at,
            created_at=clock.now(),
            buildings=list(new.buildings),
            secret=new.secret,
            quorum=new.quorum,
        )
    )
    vote_id, cid = saved(vote.id), vote.complex_id
    payload = {"vote_id": vote_id}
    await uow.jobs.at(OPEN_JOB, str(vote_id), vote.opens_at, payload, complex_id=cid)
    for before in REMINDERS:
        due = vote.closes_at - before
        if due > vote.opens_at:
            hours = int(before.total_seconds() // 3600)
            key = f"{vote_id}:{hours}h"
            await uow.jobs.at(REMIND_JOB, key, due, payload | {"hours": hours}, complex_id=cid)
    await uow.jobs.at(CLOSE_JOB, str(vote_id), vote.closes_at, payload, complex_id=cid)
    return vote


async def visible_vote(uow: UnitOfWork, member: Membership, vote_id: int) -> Vote:
    """A vote of the member's complex; another complex's or a forged id reads as missing."""
    vote = await uow.votes.get(vote_id)
    if vote is None or vote.complex_id != member.complex_id:
        raise NotFound()
    return vote


def ballot_outcome(before: Ballot | None, option: int) -> BallotOutcome:
    """The one-ballot-per-household rule: the household's first ballot is new; a later one
    for another option replaces it; the same option again changes nothing."""
    if before is None:
        return BallotOutcome.NEW
    return BallotOutcome.SAME if before.option == option else BallotOutcome.REPLACED


async def _record(uow: UnitOfWork, ballot: Ballot) -> tuple[BallotOutcome, Ballot]:
    """Record the ballot as `ballot_outcome` decides; returns the outcome and the stored
    ballot. The vote row is taken first (a conditional write while it is open), so ballots
    of one vote are serialised with each other and with the close; should a ballot of the
    same household still slip in between (the unique key or the conditional replace says
    so), the whole unit of work is retried by its owner."""
    if not await uow.votes.hold_open(ballot.vote_id):
        raise DomainError("vote.closed")
    before = await uow.votes.ballot(ballot.vote_id, ballot.household_id)
    outcome = ballot_outcome(before, ballot.option)
    whose = f"vote {ballot.vote_id}, household {ballot.household_id}"
    if before is None:
        stored = ballot
        if not await uow.votes.add_ballot(ballot):
            raise ConcurrencyConflict(f"{whose}: a first ballot was cast concurrently")
    elif outcome == BallotOutcome.SAME:
        stored = before
    else:
        stored = replace(ballot, changes=before.changes + 1)
        if not await uow.votes.replace_ballot(stored, seen=before.changes):
            raise ConcurrencyConflict(f"{whose}: the ballot changed concurrently")
    return outcome, stored


async def _cast(
    uow: UnitOfWork,
    clock: Clock,
    vote: Vote,
    household: Household,
    option: int,
    *,
    resident_id: int | None = None,
    proxy_by: int | None = None,
) -> tuple[BallotOutcome, Ballot]:
    if not household.votes or not vote.eligible_building(household.building):
        raise DomainError("vote.not_eligible")
    now = clock.now()
    if vote.status == VoteStatus.CLOSED or now >= vote.closes_at:
        raise DomainError("vote.closed")
    if vote.status != VoteStatus.OPEN:
        raise DomainError("vote.not_open")
    if not 0 <= option < len(vote.options):
        raise InvalidInput("vote.bad_option")
    ballot = Ballot(
        saved(vote.id),
        vote.complex_id,
        saved(household.id),
        option,
        now,
        resident_id=resident_id,
        proxy_by=proxy_by,
    )
    return await _record(uow, ballot)


async def _household(uow: UnitOfWork, member: Membership) -> Household:
    household = None
    if member.household_id is not None:
        household = await uow.households.get(member.household_id)
    if household is None:
        raise Forbidden("not_verified")
    return household


async def cast_ballot(
    uow: UnitOfWork, clock: Clock, member: Membership, vote_id: int, option: int
) -> BallotOutcome:
    """The household's ballot, cast by any verified member.

    Rules:
    - Only homes vote: the office's (관리동) and vendors' (업체동) units never do.
    - One ballot per household (unique per vote and household); a later ballot before the
      close replaces it and the household's other members are told.
    - Only while open (after `opens_at`, before `closes_at`) and only for eligible 동.
    - Secret votes store the household, never who in it voted.
    - 대신 하기: a coordinator's ballot for the household is marked `proxy_by` (and names no
      resident), audited, and every member of the household is told.
    Returns NEW, REPLACED or SAME.
    """
    require_verified(member)
    vote = await visible_vote(uow, member, vote_id)
    household = await _household(uow, member)
    who = None if vote.secret or member.proxy else member.resident_id
    outcome, ballot = await _cast(
        uow, clock, vote, household, option, resident_id=who, proxy_by=member.proxy_by
    )
    if outcome != BallotOutcome.SAME:
        ref = f"vote:{ballot.vote_id}:h{ballot.household_id}:{ballot.changes}"
        await record_proxy(uow, clock, member, ProxyTask.VOTE, ref, what=vote.question)
    if outcome == BallotOutcome.REPLACED and member.proxy is None:
        told = BallotReplaced(ballot.vote_id, vote.question, vote.options[option])
        for resident_id in await uow.residents.ids_in_household(ballot.household_id):
            if resident_id == member.resident_id:
                continue
            await uow.notifier.notify(
                resident_id,
                told,
                key=f"vote:{ballot.vote_id}:h{ballot.household_id}:change{ballot.changes}",
                complex_id=vote.complex_id,
            )
    return outcome


async def cast_proxy_ballot(
    uow: UnitOfWork,
    clock: Clock,
    coordinator: Membership,
    vote_id: int,
    building: str,
    unit: str,
    option: int,
) -> BallotOutcome:
    """대리 투표 (from 투표 관리): a coordinator records the ballot of a household that asked
    for help in person. The same path as 대신 하기: the ballot is marked as a proxy ballot,
    written to the audit log and to the proxy audit, and the household is told; the same
    rules as any ballot apply (open, eligible, one per household)."""
    require_coordinator(coordinator)
    vote = await visible_vote(uow, coordinator, vote_id)
    household = await uow.households.find(vote.complex_id, building.strip(), unit.strip())
    if household is None:
        raise DomainError("vote.no_household")
    member = await acting_for(uow, coordinator, Proxy(0, saved(household.id), How.VISIT))
    outcome, ballot = await _cast(uow, clock, vote, household, option, proxy_by=member.proxy_by)
    if outcome != BallotOutcome.SAME:
        ref = f"vote:{ballot.vote_id}:h{ballot.household_id}:{ballot.changes}"
        await record_proxy(uow, clock, member, ProxyTask.VOTE, ref, what=vote.question)
    await uow.votes.audit(
        clock.now(),
        vote.complex_id,
        coordinator.resident_id,
        "vote.proxy_ballot",
        f"vote={ballot.vote_id} household={ballot.household_id} outcome={outcome}",
    )
    return outcome


async def household_choice(uow: UnitOfWork, member: Membership, vote: Vote) -> int | None:
    """The option the member's household chose (shown only to that household)."""
    if member.household_id is None:
        return None
    ballot = await uow.votes.ballot(saved(vote.id), member.household_id)
    return None if ballot is None else ballot.option
