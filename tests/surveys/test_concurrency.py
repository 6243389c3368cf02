"""Surveys under concurrent attempts, on SQLite and PostgreSQL: the same 제출 delivered twice
at once counts once, several closers close once (and tell the coordinator once), and an
answer racing the close either lands before it or is refused — never after it."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.surveys.answering import NewSurvey, create_survey, save_answer, submit
from core.surveys.lifecycle import close_survey
from core.surveys.model import Question, QuestionKind
from tests.shop.test_concurrency import attempt
from tests.support.complex_life import member_of, outbox_of, verified

pytestmark = pytest.mark.both_dbs
QUESTIONS = (Question(QuestionKind.SINGLE, "정비가 필요한가요?", ("네", "아니요")),)


async def setup(engine, services, demo):
    for key, user in (("관리동-100", "coord"), ("101-1203", "kim"), ("102-304", "lee")):
        await verified(engine, demo, key, user)
    coord, kim, lee = [await member_of(services, u) for u in ("coord", "kim", "lee")]
    async with services.uow() as uow:
        new = NewSurvey("설문", QUESTIONS, services.clock.now() + timedelta(days=1))
        survey = await create_survey(uow, services.clock, coord, new)
        await uow.commit()
    return survey.id, kim, lee


async def test_a_doubled_submit_counts_once_and_the_close_happens_once(engine, services, demo):
    clock = services.clock
    sid, kim, lee = await setup(engine, services, demo)
    await attempt(services, lambda uow: save_answer(uow, clock, kim, sid, 0, 0))
    outcomes = await asyncio.gather(
        *(attempt(services, lambda uow: submit(uow, clock, kim, sid)) for _ in range(2))
    )
    assert outcomes == ["ok", "ok"]
    async with services.uow() as uow:
        assert len(await uow.surveys.responses(sid)) == 1

    clock.advance(days=1)

    async def close(uow):
        await close_survey(uow, clock, sid)

    async def late_answer(uow):
        await save_answer(uow, clock, lee, sid, 0, 1)

    results = await asyncio.gather(
        *(attempt(services, close) for _ in range(3)), attempt(services, late_answer)
    )
    assert results[-1] == "survey.closed"
    async with services.uow() as uow:
        assert (await uow.surveys.get(sid)).status == "closed"
    notes = [r for r in await outbox_of(services, "coord") if ":closed" in r["dedupe_key"]]
    assert len(notes) == 1
    async with services.uow() as uow:
        assert await uow.surveys.response(sid, lee.resident_id) is None
