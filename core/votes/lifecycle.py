"""The scheduled side of a vote, run by its jobs: the opening (everyone eligible is told),
reminders before the close (only households that have not voted), and the close, exactly once
(one conditional status change), with the results to every eligible household.

Every step claims its change atomically and every notification is keyed by its cause, so a
late firing, a restart or two schedulers never open, remind or close twice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError
from core.identity.model import Membership, Role
from core.ids import saved
from core.notifications import Notification
from core.votes.ballots import visible_vote
from core.votes.events import VoteOpened, VoteReminder, VoteResult
from core.votes.model import Vote, VoteStatus

if TYPE_CHECKING:
    from core.ports import UnitOfWork

log = logging.getLogger("naechingu.votes")


async def _notify_households(
    uow: UnitOfWork,
    vote: Vote,
    households: list[int],
    payload: Notification,
    key: str,
    *,
    alert: bool = False,
) -> None:
    residents = await uow.residents.ids_in_households(households)
    await uow.notifier.notify_many(
        residents,
        payload,
        key=key,
        batch=f"vote:{vote.id}",
        complex_id=vote.complex_id,
        alert=alert,
    )


async def open_vote(uow: UnitOfWork, clock: Clock, vote_id: int) -> bool:
    """예정 → 투표 중, once; counts the eligible households and tells every one of them."""
    vote = await uow.votes.get(vote_id)
    if vote is None or not await uow.votes.transition(
        vote_id, (VoteStatus.SCHEDULED,), VoteStatus.OPEN
    ):
        return False
    vote.status = VoteStatus.OPEN
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=None, vote_id=vote_id
    )
    vote.eligible = len(households)
    await _notify_households(uow, vote, households, VoteOpened.of(vote), f"vote:{vote_id}:open")
    return True


async def remind_non_voters(uow: UnitOfWork, clock: Clock, vote_id: int, hours: int) -> int:
    """Remind the eligible households that have not voted yet. A reminder that would arrive
    after the close (or for a vote not open) is meaningless: dropped with a log line. The
    reminder also goes by 알림톡 to residents who gave a number for it (`alert`)."""
    vote = await uow.votes.get(vote_id)
    if vote is None:
        return 0
    if vote.status != VoteStatus.OPEN or clock.now() >= vote.closes_at:
        log.info("vote %d: %dh reminder dropped (vote %s)", vote_id, hours, vote.status)
        return 0
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=False, vote_id=vote_id
    )
    key = f"vote:{vote_id}:remind{hours}"
    await _notify_households(uow, vote, households, VoteReminder.of(vote), key, alert=True)
    return len(households)


async def close_vote(uow: UnitOfWork, clock: Clock, vote_id: int) -> Vote | None:
    """투표 중 (or a late 예정) → 마감, exactly once: the winner of the conditional update
    counts the ballots and freezes the results; everyone else gets None."""
    vote = await uow.votes.get(vote_id)
    if vote is None or clock.now() < vote.closes_at:
        return None
    was = vote.status
    if not await uow.votes.transition(
        vote_id, (VoteStatus.SCHEDULED, VoteStatus.OPEN), VoteStatus.CLOSED
    ):
        return None
    if was == VoteStatus.SCHEDULED or not vote.eligible:
        vote.eligible = await uow.votes.count_households(vote.complex_id, vote.buildings)
    vote.status = VoteStatus.CLOSED
    vote.results = await uow.votes.tally(vote_id, len(vote.options))
    vote.turnout = sum(vote.results)
    return vote


async def announce_results(uow: UnitOfWork, vote: Vote, chart_url: str | None = None) -> None:
    """Tell every eligible household the results, and the complex's coordinators, who ran
    it (the office's unit does not vote); keyed: once per resident."""
    vote_id = saved(vote.id)
    households = await uow.votes.households(
        vote.complex_id, vote.buildings, voted=None, vote_id=vote_id
    )
    residents = await uow.residents.ids_in_households(households)
    coordinators = await uow.roles.holders(Role.COORDINATOR.value, vote.complex_id)
    await uow.notifier.notify_many(
        sorted(set(residents) | set(coordinators)),
        VoteResult.of(vote, chart_url),
        key=f"vote:{vote_id}:result",
        batch=f"vote:{vote_id}",
        complex_id=vote.complex_id,
    )


async def results_for(uow: UnitOfWork, member: Membership, vote_id: int) -> Vote:
    """Results are hidden until the close, from everyone, coordinators included."""
    vote = await visible_vote(uow, member, vote_id)
    if vote.status != VoteStatus.CLOSED:
        raise DomainError("vote.results_hidden")
    return vote
