"""What the survey use cases need from storage."""

from __future__ import annotations

from typing import Protocol

from core.surveys.model import Response, Survey


class SurveyRepository(Protocol):
    async def add(self, survey: Survey) -> Survey: ...
    async def get(self, survey_id: int) -> Survey | None: ...
    async def transition(self, survey_id: int, before: str, after: str) -> bool:
        """One conditional update; False when another runner (or an earlier run) did it."""

    async def hold(self, survey_id: int) -> bool:
        """Take the survey row while it is still open (a conditional write), so answers and
        the close are serialised; False when it is closed."""

    async def response(self, survey_id: int, resident_id: int) -> Response | None: ...
    async def save_response(self, response: Response) -> None:
        """Insert or update the resident's one response (the primary key is the rule)."""

    async def responses(self, survey_id: int) -> list[Response]:
        """The submitted responses, oldest first."""

    async def residents(
        self, complex_id: int, *, answered: bool | None, survey_id: int
    ) -> list[int]:
        """Verified residents of the complex; only those who did (True) or did not (False)
        submit when `answered` is given."""

    async def for_complex(
        self, complex_id: int, statuses: list[str], *, offset: int, limit: int
    ) -> tuple[list[Survey], int]: ...
    async def any_in(self, complex_id: int, statuses: list[str]) -> bool:
        """Whether the complex has a survey in one of `statuses` (one cheap probe)."""
