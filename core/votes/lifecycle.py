"""The scheduled side of a vote, run by its jobs: the opening (everyone eligible is told),
reminders before the close (only households that have not voted), and the close, exactly once
(one conditional status change), with the results to every eligible household.

Every step claims its change atomically and every notification is keyed by its cause, so a
late firing, a restart or two schedulers never open, remind or close twice.
"""

from __future__ import annotations

import logging

from core.clock import Clock
from core.errors import DomainError
from core.identity.model import Membership
from core.votes.model import Vote, VoteStatus

log = logging.getLogger("naechingu.votes")


async def _notify_households(uow, vote: Vote, households: list[int], kind: str, key: str, **p):
    params = {"vote_id": vote.id, "question": vote.question, **p}
    residents = await uow.residents.ids_in_households(households)
    await uow.notifier.notify_many(
        residents, kind, params, key=key, batch=f"vote:{vote.id}", complex_id=vote.complex_id
    )


async def open_vote(uow, clock: Clock, vote_id: int) -> bool:
    """예정 → 투표 중, once; counts the eligible households and tells every one of them."""
    vote = await uow.votes.get(vote_id)
    if vote is None or not await uow.votes.transition(
        vote.id, (VoteStatus.SCHEDULED,), VoteStatus.OPEN
    ):
        return False
    vote.status = VoteStatus.OPEN
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=None, vote_id=vote.id
    )
    vote.eligible = len(households)
    closes = vote.closes_at.isoformat()
    await _notify_households(
        uow, vote, households, "vote.opened", f"vote:{vote.id}:open", closes_at=closes,
        options=vote.options,
    )  # fmt: skip
    return True


async def remind_non_voters(uow, clock: Clock, vote_id: int, hours: int) -> int:
    """Remind the eligible households that have not voted yet. A reminder that would arrive
    after the close (or for a vote not open) is meaningless: dropped with a log line."""
    vote = await uow.votes.get(vote_id)
    if vote is None:
        return 0
    if vote.status != VoteStatus.OPEN or clock.now() >= vote.closes_at:
        log.info("vote %d: %dh reminder dropped (vote %s)", vote_id, hours, vote.status)
        return 0
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=False, vote_id=vote.id
    )
    await _notify_households(
        uow, vote, households, "vote.reminder", f"vote:{vote.id}:remind{hours}",
        closes_at=vote.closes_at.isoformat(), options=vote.options,
    )  # fmt: skip
    return len(households)


async def close_vote(uow, clock: Clock, vote_id: int) -> Vote | None:
    """투표 중 (or a late 예정) → 마감, exactly once: the winner of the conditional update
    counts the ballots and freezes the results; everyone else gets None."""
    vote = await uow.votes.get(vote_id)
    if vote is None or clock.now() < vote.closes_at:
        return None
    was = vote.status
    if not await uow.votes.transition(
        vote.id, (VoteStatus.SCHEDULED, VoteStatus.OPEN), VoteStatus.CLOSED
    ):
        return None
    if was == VoteStatus.SCHEDULED or not vote.eligible:
        vote.eligible = await uow.votes.count_households(vote.complex_id, vote.buildings)
    vote.status = VoteStatus.CLOSED
    vote.results = await uow.votes.tally(vote.id, len(vote.options))
    vote.turnout = sum(vote.results)
    return vote


async def announce_results(uow, vote: Vote, chart_url: str | None = None) -> None:
    """Tell every eligible household the results (keyed: once per resident)."""
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=None, vote_id=vote.id
    )
    await _notify_households(
        uow, vote, households, "vote.result", f"vote:{vote.id}:result", **result_params(vote),
        chart_url=chart_url,
    )  # fmt: skip


def result_params(vote: Vote) -> dict:
    return {
        "options": vote.options,
        "results": vote.results,
        "turnout": vote.turnout,
        "eligible": vote.eligible,
        "quorum": vote.quorum,
        "quorum_met": vote.quorum_met,
    }


async def results_for(uow, member: Membership, vote_id: int) -> Vote:
    """Results are hidden until the close, from everyone, coordinators included."""
    from core.votes.ballots import visible_vote

    vote = await visible_vote(uow, member, vote_id)
    if vote.status != VoteStatus.CLOSED:
        raise DomainError("vote.results_hidden")
    return vote
