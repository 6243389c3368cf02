"""Votes (주민투표): a question with 2–10 options that the households of a complex (or of
some 동) decide, one ballot per household, between `opens_at` and `closes_at`.

예정 (scheduled) → 투표 중 (open) → 마감 (closed). The rules (question, options, times,
eligible 동, secret ballot, quorum) are fixed when the vote is created and never change;
results stay hidden until the close, which happens exactly once.

Who votes (fair votes): households that live in the complex. The office's (관리동) and
vendors' (업체동) units never vote and never count. The quorum's denominator (`eligible`) is
every home of the eligible 동 in the household registry (imported or created), whether or not
anyone of it registered with the bot; it is counted at the opening (or at the close of a vote
that never opened) and stated on the vote.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta


class VoteStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


class BallotOutcome(enum.StrEnum):
    """What a household's ballot did (core decides it; storage only records it)."""

    NEW = "new"  # the household's first ballot
    REPLACED = "replaced"  # another option than before: the household is told
    SAME = "same"  # the same option again (a repeated tap): nothing changes


MAX_QUESTION = 300
MAX_OPTION = 40
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MIN_LENGTH = timedelta(hours=1)
MAX_LENGTH = timedelta(days=60)
REMINDERS = (timedelta(hours=24), timedelta(hours=3))  # before the close, to non-voters


@dataclass(eq=False)
class Vote:
    complex_id: int
    author_id: int
    question: str
    options: list[str]
    opens_at: datetime
    closes_at: datetime
    created_at: datetime
    buildings: list[str] = field(default_factory=list)  # empty: every household of the complex
    secret: bool = True
    quorum: int | None = None  # % of eligible households that must vote
    status: str = VoteStatus.SCHEDULED
    eligible: int = 0  # homes of the registry in the eligible 동, counted at the opening
    results: list[int] | None = None  # ballots per option, set once at the close
    turnout: int = 0  # households that voted, set at the close
    id: int | None = None

    def eligible_building(self, building: str) -> bool:
        return not self.buildings or building in self.buildings

    @property
    def quorum_needed(self) -> int:
        """Ballots the quorum asks for: quorum % of `eligible`, rounded up (0: no quorum)."""
        if not self.quorum:
            return 0
        return -(-self.quorum * self.eligible // 100)

    @property
    def quorum_met(self) -> bool:
        if not self.quorum:
            return True
        return self.turnout * 100 >= self.quorum * self.eligible


@dataclass(eq=False)
class Ballot:
    """A household's ballot. Secret votes keep no resident, only the household (one each)."""

    vote_id: int
    complex_id: int
    household_id: int
    option: int
    cast_at: datetime
    resident_id: int | None = None
    proxy_by: int | None = None  # the coordinator who recorded it for the household
    changes: int = 0
