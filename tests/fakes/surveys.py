"""In-memory survey repository for the core tests."""

from __future__ import annotations

import copy

from core.surveys.model import Response, Survey, SurveyStatus


class FakeSurveyRepository:
    def __init__(self, uow) -> None:
        self.uow = uow
        self.rows: dict[int, Survey] = {}
        self.answers: dict[tuple[int, int], Response] = {}

    async def add(self, survey: Survey) -> Survey:
        survey.id = len(self.rows) + 1
        self.rows[survey.id] = copy.copy(survey)
        return survey

    async def get(self, survey_id: int) -> Survey | None:
        found = self.rows.get(survey_id)
        return None if found is None else copy.copy(found)

    async def transition(self, survey_id: int, before: str, after: str) -> bool:
        found = self.rows.get(survey_id)
        if found is None or found.status != before:
            return False
        found.status = after
        return True

    async def hold(self, survey_id: int) -> bool:
        found = self.rows.get(survey_id)
        return found is not None and found.status == SurveyStatus.OPEN

    async def response(self, survey_id: int, resident_id: int) -> Response | None:
        found = self.answers.get((survey_id, resident_id))
        return None if found is None else copy.deepcopy(found)

    async def save_response(self, response: Response) -> None:
        self.answers[(response.survey_id, response.resident_id)] = copy.deepcopy(response)

    async def responses(self, survey_id: int) -> list[Response]:
        found = [r for (s, _), r in self.answers.items() if s == survey_id and r.submitted_at]
        return sorted(found, key=lambda r: (r.submitted_at, r.resident_id))

    async def residents(self, complex_id: int, *, answered, survey_id: int) -> list[int]:
        ids = sorted(
            r.id
            for r in self.uow.residents.rows.values()
            if r.complex_id == complex_id and r.household_id
        )
        if answered is None:
            return ids
        done = {r.resident_id for r in await self.responses(survey_id)}
        return [i for i in ids if (i in done) == answered]

    async def for_complex(self, complex_id: int, statuses, *, offset: int, limit: int):
        found = [
            s for s in self.rows.values() if s.complex_id == complex_id and s.status in statuses
        ]
        found.sort(key=lambda s: (s.closes_at, s.id), reverse=True)
        return [copy.copy(s) for s in found[offset : offset + limit]], len(found)

    async def any_in(self, complex_id: int, statuses) -> bool:
        return any(s.complex_id == complex_id and s.status in statuses for s in self.rows.values())
