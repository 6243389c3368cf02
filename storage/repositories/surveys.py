"""Surveys and responses. Saving an answer first takes the survey row with a conditional
update (status still open), so answers are serialised with the close, itself a conditional
update of that row; the primary key (survey, resident) is the one-response rule."""

from __future__ import annotations

from sqlalchemy import exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.surveys.model import Question, Response, Survey, SurveyStatus
from storage import tables
from storage.drivers import read_rows
from storage.repositories.results import changed, new_id

s_ = tables.surveys.c
sr = tables.survey_responses.c
r = tables.residents.c


def _survey(row) -> Survey:
    d = dict(row)
    d["questions"] = [Question.load(q) for q in d["questions"]]
    return Survey(**d)


class SqlSurveyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, survey: Survey) -> Survey:
        result = await self.session.execute(
            tables.surveys.insert().values(
                complex_id=survey.complex_id,
                author_id=survey.author_id,
                title=survey.title,
                questions=[q.dump() for q in survey.questions],
                anonymous=survey.anonymous,
                created_at=survey.created_at,
                closes_at=survey.closes_at,
                status=str(survey.status),
            )
        )
        survey.id = new_id(result)
        return survey

    async def get(self, survey_id: int) -> Survey | None:
        row = (
            (await self.session.execute(select(tables.surveys).where(s_.id == survey_id)))
            .mappings()
            .first()
        )
        return None if row is None else _survey(row)

    async def transition(self, survey_id: int, before: str, after: str) -> bool:
        result = await self.session.execute(
            update(tables.surveys)
            .where(s_.id == survey_id, s_.status == str(before))
            .values(status=str(after))
        )
        return changed(result) == 1

    async def hold(self, survey_id: int) -> bool:
        return await self.transition(survey_id, SurveyStatus.OPEN, SurveyStatus.OPEN)

    async def response(self, survey_id: int, resident_id: int) -> Response | None:
        stmt = select(tables.survey_responses).where(
            sr.survey_id == survey_id, sr.resident_id == resident_id
        )
        row = (await self.session.execute(stmt)).mappings().first()
        return None if row is None else Response(**row)

    async def save_response(self, response: Response) -> None:
        values = {
            "answers": dict(response.answers),
            "updated_at": response.updated_at,
            "submitted_at": response.submitted_at,
            "changes": response.changes,
        }
        result = await self.session.execute(
            update(tables.survey_responses)
            .where(sr.survey_id == response.survey_id, sr.resident_id == response.resident_id)
            .values(**values)
        )
        if changed(result) == 0:  # the survey row is held, so no one else inserts it now
            await self.session.execute(
                tables.survey_responses.insert().values(
                    survey_id=response.survey_id,
                    resident_id=response.resident_id,
                    complex_id=response.complex_id,
                    **values,
                )
            )

    async def responses(self, survey_id: int) -> list[Response]:
        stmt = (
            select(tables.survey_responses)
            .where(sr.survey_id == survey_id, sr.submitted_at.is_not(None))
            .order_by(sr.submitted_at, sr.resident_id)
        )
        return [Response(**row) for row in (await self.session.execute(stmt)).mappings()]

    async def residents(self, complex_id: int, *, answered, survey_id: int) -> list[int]:
        stmt = select(r.id).where(r.complex_id == complex_id, r.household_id.is_not(None))
        if answered is not None:
            has = exists().where(
                sr.survey_id == survey_id, sr.resident_id == r.id, sr.submitted_at.is_not(None)
            )
            stmt = stmt.where(has if answered else ~has)
        return list(await self.session.scalars(stmt.order_by(r.id)))

    async def for_complex(self, complex_id: int, statuses, *, offset: int, limit: int):
        stmt = select(tables.surveys).where(
            s_.complex_id == complex_id, s_.status.in_([str(x) for x in statuses])
        )
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        stmt = stmt.order_by(s_.closes_at.desc(), s_.id.desc()).offset(offset).limit(limit)
        rows = (await self.session.execute(stmt)).mappings()
        return [_survey(row) for row in rows], int(total or 0)

    async def any_in(self, complex_id: int, statuses) -> bool:
        """Asked on every 우리단지 screen (its 설문조사 button): one plain `LIMIT 1` read."""
        statuses = [str(x) for x in statuses]
        marks = ", ".join("?" * len(statuses))
        sql = f"SELECT 1 FROM surveys WHERE complex_id = ? AND status IN ({marks}) LIMIT 1"
        return bool(await read_rows(self.session, sql, complex_id, *statuses))
