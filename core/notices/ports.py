"""What the notice use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.notices.model import Notice, UnreachedBuilding


class NoticeRepository(Protocol):
    async def add(self, notice: Notice) -> Notice: ...
    async def get(self, notice_id: int) -> Notice | None: ...
    async def transition(self, notice_id: int, before: str, after: str, at: datetime) -> bool:
        """Move the notice from `before` to `after` in one conditional update; False when it
        was not in `before` (cancelled, or another runner got there first)."""

    async def recipients(
        self, complex_id: int, buildings: list[str], *, after: int, limit: int
    ) -> list[int]:
        """Verified residents of the complex (of those 동 when given), id > after, by id."""

    async def expected_messages(self, complex_id: int, buildings: list[str]) -> int:
        """Reachable channel accounts of those residents: the outbox rows a broadcast makes."""

    async def buildings(self, complex_id: int) -> list[str]:
        """The 동 of the complex that have households, sorted."""

    async def visible(
        self, complex_id: int, building: str, *, offset: int, limit: int
    ) -> tuple[list[Notice], int]:
        """Sent (or sending) notices a resident of `building` gets: pinned first, newest."""

    async def newest_visible(self, complex_id: int, building: str) -> Notice | None:
        """Of those, the one that went out last (pinned or not); None when there is none."""

    async def for_complex(
        self, complex_id: int, *, offset: int, limit: int
    ) -> tuple[list[Notice], int]:
        """Every notice of the complex, newest first (the coordinators' list)."""

    async def mark_read(
        self, notice_id: int, resident_id: int, complex_id: int, at: datetime
    ) -> bool:
        """Record one read; False when the resident had read it already."""

    async def read_count(self, notice_id: int) -> int: ...
    async def read_counts(self, notice_ids: list[int]) -> dict[int, int]:
        """Reads per notice, for a page of notices at once (a notice nobody read: absent)."""

    async def batch_counts(self, batch: str) -> dict[str, int]:
        """How the outbox rows of the notice's batch stand: {status: count}."""

    async def inbox_waiting(self, batch: str) -> int:
        """Rows of the batch waiting in an inbox (delivered when the person next writes)."""

    async def delivery_rows(
        self, batch: str, notice_id: int
    ) -> list[tuple[str, str, str, bool, int]]:
        """The outbox rows of the notice's batch grouped: (channel, mode, status, whether the
        row's resident read the notice, count)."""

    async def unreached(
        self, complex_id: int, batch: str, notice_id: int, before: datetime
    ) -> list[UnreachedBuilding]:
        """Per 동, the households of the complex with a row of the batch queued at or before
        `before` that nothing reached: no row of theirs sent, no resident of theirs read it;
        sorted by 동 (동 without such households: absent)."""
