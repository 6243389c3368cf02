"""Creating a vote and casting ballots: by a household member with buttons, or by a
coordinator for a household that asked for help in person (a proxy ballot, audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.votes.model import (
    MAX_LENGTH,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MIN_LENGTH,
    MIN_OPTIONS,
    REMINDERS,
    Ballot,
    Vote,
    VoteStatus,
)

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


def check_vote(clock: Clock, member: Membership, new: NewVote, known: list[str]) -> NewVote:
    """Rules: coordinators of the complex only; a question (≤ 300 characters); 2–10 distinct
    options (≤ 40 characters each); opens now or later, lasts 1 hour to 60 days; eligible 동
    among the complex's; quorum 1–100 % of eligible households, or none."""
    if not member.is_coordinator:
        raise Forbidden()
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


async def create_vote(uow, clock: Clock, member: Membership, new: NewVote) -> Vote:
    """Create the vote and arm its jobs: the opening (with a reminder to every eligible
    household), 24 h and 3 h before the close (to households that have not voted, when that is
    after the opening) and the close. Nothing about it can be changed afterwards."""
    new = check_vote(clock, member, new, await uow.notices.buildings(member.complex_id))
    vote = await uow.votes.add(
        Vote(
            complex_id=member.complex_id,
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
    payload, cid = {"vote_id": vote.id}, vote.complex_id
    await uow.jobs.at(OPEN_JOB, str(vote.id), vote.opens_at, payload, complex_id=cid)
    for before in REMINDERS:
        due = vote.closes_at - before
        if due > vote.opens_at:
            hours = int(before.total_seconds() // 3600)
            key = f"{vote.id}:{hours}h"
            await uow.jobs.at(REMIND_JOB, key, due, payload | {"hours": hours}, complex_id=cid)
    await uow.jobs.at(CLOSE_JOB, str(vote.id), vote.closes_at, payload, complex_id=cid)
    return vote


async def visible_vote(uow, member: Membership, vote_id: int) -> Vote:
    """A vote of the member's complex; another complex's or a forged id reads as missing."""
    vote = await uow.votes.get(vote_id)
    if vote is None or vote.complex_id != member.complex_id:
        raise NotFound()
    return vote


async def _cast(uow, clock: Clock, vote: Vote, household, option: int, **who) -> str:
    if not vote.eligible_building(household.building):
        raise DomainError("vote.not_eligible")
    now = clock.now()
    if vote.status == VoteStatus.CLOSED or now >= vote.closes_at:
        raise DomainError("vote.closed")
    if vote.status != VoteStatus.OPEN:
        raise DomainError("vote.not_open")
    if not 0 <= option < len(vote.options):
        raise InvalidInput("vote.bad_option")
    ballot = Ballot(vote.id, vote.complex_id, household.id, option, now, **who)
    outcome = await uow.votes.cast(ballot)
    if outcome is None:
        raise DomainError("vote.closed")
    return outcome


async def cast_ballot(uow, clock: Clock, member: Membership, vote_id: int, option: int) -> str:
    """The household's ballot, cast by any verified member.

    Rules:
    - One ballot per household (unique per vote and household); a later ballot before the
      close replaces it and the household's other members are told.
    - Only while open (after `opens_at`, before `closes_at`) and only for eligible 동.
    - Secret votes store the household, never who in it voted.
    Returns "new", "replaced" or "same".
    """
    if not member.verified:
        raise Forbidden("not_verified")
    vote = await visible_vote(uow, member, vote_id)
    household = await uow.households.get(member.household_id)
    who = {} if vote.secret else {"resident_id": member.resident_id}
    outcome = await _cast(uow, clock, vote, household, option, **who)
    if outcome == "replaced":
        for resident_id in await uow.residents.ids_in_household(household.id):
            if resident_id == member.resident_id:
                continue
            ballot = await uow.votes.ballot(vote.id, household.id)
            await uow.notifier.notify(
                resident_id,
                "vote.replaced",
                {"vote_id": vote.id, "question": vote.question, "option": vote.options[option]},
                key=f"vote:{vote.id}:h{household.id}:change{ballot.changes}",
                complex_id=vote.complex_id,
            )
    return outcome


async def cast_proxy_ballot(
    uow,
    clock: Clock,
    coordinator: Membership,
    vote_id: int,
    building: str,
    unit: str,
    option: int,
) -> str:
    """A coordinator records the ballot of a household that asked for help in person. It is
    marked as a proxy ballot and written to the audit log (who, for which household, when);
    the same rules as any ballot apply (open, eligible, one per household)."""
    if not coordinator.is_coordinator:
        raise Forbidden()
    vote = await visible_vote(uow, coordinator, vote_id)
    household = await uow.households.find(vote.complex_id, building.strip(), unit.strip())
    if household is None:
        raise DomainError("vote.no_household")
    outcome = await _cast(uow, clock, vote, household, option, proxy_by=coordinator.resident_id)
    await uow.votes.audit(
        clock.now(),
        vote.complex_id,
        coordinator.resident_id,
        "vote.proxy_ballot",
        f"vote={vote.id} household={household.id} outcome={outcome}",
    )
    return outcome


async def household_choice(uow, member: Membership, vote: Vote) -> int | None:
    """The option the member's household chose (shown only to that household)."""
    ballot = await uow.votes.ballot(vote.id, member.household_id)
    return None if ballot is None else ballot.option
