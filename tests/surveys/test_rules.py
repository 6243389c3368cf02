"""설문조사 rules on the in-memory fakes: only coordinators create, questions are checked,
one response per resident (changeable until the deadline, a repeated 제출 counts once),
other complexes and forged ids see nothing, the close happens exactly once, the reminder
goes only to residents who have not answered, and results never say who."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.surveys.answering import NewSurvey, create_survey, save_answer, submit
from core.surveys.lifecycle import close_survey, remind_non_answerers, results
from core.surveys.model import Question, QuestionKind
from tests.fakes.uow import FakeUnitOfWork
from tests.votes.test_rules import person

QUESTIONS = (
    Question(QuestionKind.SINGLE, "놀이터 정비가 필요한가요?", ("네", "아니요")),
    Question(QuestionKind.MULTI, "필요한 시설은?", ("벤치", "그늘막", "운동기구")),
    Question(QuestionKind.SCALE, "관리 만족도는?"),
    Question(QuestionKind.TEXT, "하고 싶은 말"),
)


@pytest.fixture
async def w(clock):
    uow = FakeUnitOfWork()
    people = {
        "kim": await person(uow, clock, 1, "101", "1203"),
        "lee": await person(uow, clock, 1, "102", "304"),
        "coord": await person(uow, clock, 1, "관리동", "100", coordinator=True),
        "other": await person(uow, clock, 2, "201", "101", coordinator=True),
    }
    return uow, people


def new(clock, **kw) -> NewSurvey:
    kw.setdefault("closes_at", clock.now() + timedelta(days=3))
    return NewSurvey(kw.pop("title", "놀이터 설문"), kw.pop("questions", QUESTIONS), **kw)


async def answer_all(uow, clock, member, survey_id, text="좋아요"):
    for i, value in enumerate((0, [0, 2], 4, text)):
        await save_answer(uow, clock, member, survey_id, i, value)
    return await submit(uow, clock, member, survey_id)


async def test_only_coordinators_create_and_questions_are_checked(w, clock):
    uow, p = w
    with pytest.raises(Forbidden):
        await create_survey(uow, clock, p["kim"], new(clock))
    bad = [
        {"title": ""},
        {"questions": ()},
        {"questions": QUESTIONS * 3},
        {"questions": (Question(QuestionKind.SINGLE, "하나뿐", ("네",)),)},
        {"questions": (Question(QuestionKind.MULTI, "같은 것", ("네", "네")),)},
        {"questions": (Question(QuestionKind.SINGLE, "많다", tuple("가나다라마바사아자")),)},
        {"questions": (Question("essay", "모르는 종류"),)},
        {"closes_at": clock.now() + timedelta(minutes=10)},
    ]
    for kw in bad:
        with pytest.raises(InvalidInput):
            await create_survey(uow, clock, p["coord"], new(clock, **kw))
    assert uow.surveys.rows == {} and uow.jobs.jobs == {}
    survey = await create_survey(uow, clock, p["coord"], new(clock))
    assert {k for k, _ in uow.jobs.jobs} == {"survey.remind", "survey.close"}
    assert uow.jobs.jobs[("survey.remind", str(survey.id))]["due_at"] == (
        survey.closes_at - timedelta(hours=24)
    )


async def test_answers_are_kept_checked_changed_and_submitted_once(w, clock):
    uow, p = w
    survey = await create_survey(uow, clock, p["coord"], new(clock))
    for index, value in ((0, 5), (1, []), (2, 6), (3, "가" * 301), (9, 0), (0, "네")):
        with pytest.raises(InvalidInput):
            await save_answer(uow, clock, p["kim"], survey.id, index, value)
    await save_answer(uow, clock, p["kim"], survey.id, 0, 1)
    with pytest.raises(DomainError, match="survey.incomplete"):
        await submit(uow, clock, p["kim"], survey.id)
    assert await answer_all(uow, clock, p["kim"], survey.id) == "new"
    assert await submit(uow, clock, p["kim"], survey.id) == "same"  # redelivered 제출
    await save_answer(uow, clock, p["kim"], survey.id, 0, 1)
    assert await submit(uow, clock, p["kim"], survey.id) == "changed"
    assert len(await uow.surveys.responses(survey.id)) == 1


async def test_other_complexes_forged_ids_and_late_answers_change_nothing(w, clock):
    uow, p = w
    survey = await create_survey(uow, clock, p["coord"], new(clock))
    with pytest.raises(NotFound):
        await save_answer(uow, clock, p["other"], survey.id, 0, 0)
    with pytest.raises(NotFound):
        await save_answer(uow, clock, p["kim"], 999, 0, 0)
    with pytest.raises(Forbidden):
        await results(uow, p["kim"], survey.id)
    clock.advance(days=3)
    with pytest.raises(DomainError, match="survey.closed"):
        await save_answer(uow, clock, p["kim"], survey.id, 0, 0)
    assert uow.surveys.answers == {}


async def test_reminder_to_non_answerers_close_once_and_anonymous_results(w, clock):
    uow, p = w
    survey = await create_survey(uow, clock, p["coord"], new(clock, anonymous=True))
    await answer_all(uow, clock, p["kim"], survey.id, text="벤치가 낡았어요")
    await save_answer(uow, clock, p["lee"], survey.id, 0, 1)  # started, not submitted
    assert await close_survey(uow, clock, survey.id) is None  # not before the deadline
    clock.advance(days=2)
    assert await remind_non_answerers(uow, clock, survey.id) == 2  # lee and the coordinator
    reminded = {r for r, kind, *_ in uow.notifier.sent if kind == "survey.reminder"}
    assert reminded == {p["lee"].resident_id, p["coord"].resident_id}
    clock.advance(days=1)
    assert await close_survey(uow, clock, survey.id) is not None
    assert await close_survey(uow, clock, survey.id) is None
    assert await remind_non_answerers(uow, clock, survey.id) == 0  # late: dropped
    closed = [x for x in uow.notifier.sent if x[1] == "survey.closed"]
    assert [(r, params["responses"]) for r, _, params, _ in closed] == [
        (p["coord"].resident_id, 1)
    ]
    summary = await results(uow, p["coord"], survey.id)
    assert summary.responses == 1
    single, multi, scale, text = summary.questions
    assert single.counts == [1, 0] and single.percent(0) == 100
    assert multi.counts == [1, 0, 1] and scale.average == 4.0
    assert text.texts == ["벤치가 낡았어요"]
