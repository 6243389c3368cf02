"""What the desk needs from storage beyond the features' own ports."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.desk.model import AuditLine, BuildingCount, BuildingTurnout, ComplexFigures, DeskSession


class DeskStore(Protocol):
    async def add_session(self, session: DeskSession) -> DeskSession: ...
    async def session_by_hash(self, token_hash: str) -> DeskSession | None: ...
    async def end_session(self, session_id: int, at: datetime) -> None: ...
    async def add_audit(
        self, at: datetime, actor_id: int, complex_id: int | None, action: str, detail: str
    ) -> None: ...
    async def audit(self, complex_id: int | None, limit: int) -> list[AuditLine]:
        """The newest desk actions of a complex (every complex's when None)."""

    async def buildings(self, complex_id: int) -> list[BuildingCount]:
        """Households and verified households per 동, in 동 order."""

    async def turnout(
        self, vote_id: int, complex_id: int, buildings: list[str]
    ) -> list[BuildingTurnout]:
        """Per 동: households eligible (every 동 when `buildings` is empty) and ballots cast."""

    async def complex_figures(self) -> list[ComplexFigures]: ...
    async def revoke_roles(self, resident_id: int, complex_id: int, at: datetime) -> int:
        """Revoke every live role grant of the resident in the complex."""

    async def end_vote_now(self, vote_id: int, at: datetime) -> bool:
        """Move an open or scheduled vote's closing time to `at` (False: already closed)."""

    async def households_in(self, complex_id: int, household_ids: list[int]) -> list[int]:
        """Those of the households that belong to the complex."""

    async def detach_resident(self, resident_id: int) -> None:
        """The resident no longer belongs to a household (nor a complex)."""
