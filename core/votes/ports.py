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

    async def cast(self, ballot: Ballot) -> str | None:
        """Record the household's ballot while the vote is open (one conditional write):
        "new", "replaced" (another option than before), "same", or None when it is closed."""

    async def ballot(self, vote_id: int, household_id: int) -> Ballot | None: ...
    async def tally(self, vote_id: int, options: int) -> list[int]:
        """Ballots per option."""

    async def households(
        self, complex_id: int, buildings: list[str], *, voted: bool | None, vote_id: int
    ) -> list[int]:
        """Households of the complex (of those 동) with verified residents; only those that
        did (True) or did not (False) vote when `voted` is given."""

    async def count_households(self, complex_id: int, buildings: list[str]) -> int: ...
    async def for_complex(
        self, complex_id: int, statuses: list[str], *, offset: int, limit: int
    ) -> tuple[list[Vote], int]: ...
    async def audit(
        self, at: datetime, complex_id: int, actor_id: int, action: str, detail: str
    ) -> None:
        """A line in the audit log (proxy ballots)."""
