"""What the vote use cases tell households (typed notification payloads): the vote opened,
a reminder to households that have not voted, the results after the close, and "your
household's ballot was replaced" to the other members of a household."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Self

from core.ids import saved
from core.notifications import Notification
from core.votes.model import Vote


@dataclass(frozen=True)
class VoteCall(Notification):
    """A vote's question and options, with a button per option (single-use)."""

    vote_id: int
    question: str
    closes_at: datetime
    options: tuple[str, ...]
    eligible: int = 0  # the denominator: homes of the eligible 동 (0 in older rows)
    quorum: int | None = None

    @classmethod
    def of(cls, vote: Vote) -> Self:
        return cls(
            saved(vote.id),
            vote.question,
            vote.closes_at,
            tuple(vote.options),
            vote.eligible,
            vote.quorum,
        )


@dataclass(frozen=True)
class VoteOpened(VoteCall, kind="vote.opened"):
    """To every eligible household's residents: the vote is open."""


@dataclass(frozen=True)
class VoteReminder(VoteCall, kind="vote.reminder"):
    """To households that have not voted yet, 24 h and 3 h before the close."""


@dataclass(frozen=True)
class VoteResult(Notification, kind="vote.result"):
    """To every eligible household after the close (also how a closed vote reads)."""

    vote_id: int
    question: str
    options: tuple[str, ...]
    results: tuple[int, ...]
    turnout: int
    eligible: int
    quorum: int | None
    quorum_met: bool
    chart_url: str | None = None

    @classmethod
    def of(cls, vote: Vote, chart_url: str | None = None) -> VoteResult:
        return cls(
            vote_id=saved(vote.id),
            question=vote.question,
            options=tuple(vote.options),
            results=tuple(vote.results or ()),
            turnout=vote.turnout,
            eligible=vote.eligible,
            quorum=vote.quorum,
            quorum_met=vote.quorum_met,
            chart_url=chart_url,
        )


@dataclass(frozen=True)
class BallotReplaced(Notification, kind="vote.replaced"):
    """To the household's other members: one of them voted again for another option."""

    vote_id: int
    question: str
    option: str
