"""What the defect use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.defects.model import DefectEvent, DefectReport


class DefectRepository(Protocol):
    async def add(self, report: DefectReport) -> DefectReport: ...
    async def get(self, report_id: int) -> DefectReport | None: ...
    async def add_event(self, event: DefectEvent) -> None: ...
    async def events(self, report_id: int) -> list[DefectEvent]: ...
    async def for_household(
        self, household_id: int, *, offset: int, limit: int
    ) -> tuple[list[DefectReport], int]: ...
    async def open_common(
        self, complex_id: int, *, offset: int, limit: int
    ) -> tuple[list[DefectReport], int]: ...
    async def queue(
        self,
        complex_id: int,
        *,
        statuses: list[str],
        category: str | None,
        building: str | None,
        offset: int,
        limit: int,
    ) -> tuple[list[DefectReport], int]:
        """Urgent first, then oldest first."""

    async def filed_since(self, household_id: int, since: datetime) -> int: ...
    async def add_supporter(self, report_id: int, household_id: int, at: datetime) -> bool:
        """False when the household already supports the report."""

    async def open_buildings(self, complex_id: int) -> list[str]:
        """The 동 of the complex that have open reports, sorted."""

    async def buildings(self, household_ids: list[int]) -> dict[int, str]:
        """The 동 of each household, in one query (the queue's cards)."""

    async def created_between(
        self, complex_id: int, start: datetime, end: datetime
    ) -> list[DefectReport]: ...
