"""What the board use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.boards.model import BoardEntry


class BoardRepository(Protocol):
    async def add(self, entry: BoardEntry) -> BoardEntry: ...
    async def get(self, entry_id: int) -> BoardEntry | None: ...
    async def visible(
        self, complex_id: int, board: str, now: datetime, *, offset: int, limit: int
    ) -> tuple[list[BoardEntry], int]:
        """Entries of one board of the complex not expired at `now`, newest first."""

    async def for_complex(
        self, complex_id: int, *, offset: int, limit: int
    ) -> tuple[list[BoardEntry], int]:
        """Every entry of the complex, newest first (the coordinators' list)."""

    async def take_seat(self, entry_id: int) -> bool:
        """One conditional UPDATE: taken + 1 where taken < capacity; False when full."""

    async def free_seat(self, entry_id: int) -> None: ...
    async def is_signed_up(self, entry_id: int, resident_id: int) -> bool: ...
    async def add_signup(
        self, entry_id: int, resident_id: int, complex_id: int, at: datetime
    ) -> None: ...
    async def remove_signup(self, entry_id: int, resident_id: int) -> bool:
        """Delete the sign-up; False when there was none."""

    async def signed_up(self, entry_id: int) -> list[int]:
        """Resident ids signed up for the entry, by id."""
