"""What the vote use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.votes.model import Ballot, Vote


class VoteRepository(Protocol):
    async def add(self, vote: Vote) -> Vote: ...
    async def get(self, vote_id: int) -> Vote | None: ...
    async def transition(self, vote_id: int, before: tuple[str, ...], after: str) -> bool:
        """One conditional update from any of `before` to `after`; False when another runner
        (or an earlier run) did it already."""

    async def hold_open(self, vote_id: int) -> bool:
        """Take the vote row while it is open (one conditional write), so the ballots of one
        vote are serialised with each other and with the close; False when it is not open."""

    async def add_ballot(self, ballot: Ballot) -> bool:
        """Store the household's first ballot; False when the household has one already
        (the unique key (vote, household) said so) and nothing was written."""

    async def replace_ballot(self, ballot: Ballot, *, seen: int) -> bool:
        """Overwrite the household's ballot with `ballot` (its option, time, who, `changes`)
        only if it is still the one read (its `changes` is `seen`); False otherwise."""

    async def ballot(self, vote_id: int, household_id: int) -> Ballot | None: ...
    async def tally(self, vote_id: int, options: int) -> list[int]:
        """Ballots per option."""

    async def households(
        self, complex_id: int, buildings: list[str], *, voted: bool | None, vote_id: int
    ) -> list[int]:
        """The homes of the complex (of those 동) in the household registry, with residents
        registered or not (the office's and vendors' units never); only those that did
        (True) or did not (False) vote when `voted` is given."""

    async def count_households(self, complex_id: int, buildings: list[str]) -> int:
        """How many of those homes there are: the quorum's denominator."""

    async def voting_buildings(self, complex_id: int) -> list[str]:
        """The 동 of the complex that have homes, sorted (what a vote may target)."""

    async def for_complex(
        self, complex_id: int, statuses: list[str], *, offset: int, limit: int
    ) -> tuple[list[Vote], int]: ...
    async def audit(
        self, at: datetime, complex_id: int, actor_id: int, action: str, detail: str
    ) -> None:
        """A line in the audit log (proxy ballots)."""
