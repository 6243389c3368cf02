"""설문조사 on every channel: a resident opens 우리단지 → 설문조사, answers one question per
message (buttons, "다 골랐어요", a typed short text), submits, and the coordinator's summary
counts the answer."""

from __future__ import annotations

from datetime import timedelta

from core.surveys.answering import NewSurvey, create_survey
from core.surveys.lifecycle import results
from core.surveys.model import Question, QuestionKind
from tests.support.complex_life import member_of, verified


async def test_a_resident_answers_a_survey(person, services, clock, engine, demo):  # noqa: F811
    await person.start(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in person.signup
    await verified(engine, demo, "관리동-100", "coord")
    coord = await member_of(services, "coord")
    questions = (
        Question(QuestionKind.SINGLE, "경로당 개방 시간을 늘릴까요?", ("네", "아니요")),
        Question(QuestionKind.MULTI, "필요한 프로그램은?", ("건강체조", "노래교실", "바둑")),
        Question(QuestionKind.SCALE, "지금 경로당에 만족하세요?"),
        Question(QuestionKind.TEXT, "바라는 점을 적어 주세요."),
    )
    async with services.uow() as uow:
        new = NewSurvey("경로당 설문", questions, clock.now() + timedelta(days=3))
        survey = await create_survey(uow, clock, coord, new)
        await uow.commit()

    await person.say("처음으로")
    await person.tap("우리단지")
    while "설문조사" not in person.labels:  # the menu is paged
        await person.tap("더보기")
    await person.tap("설문조사")
    await person.tap("보기")
    assert "마감 전까지는 답을 바꿀 수 있어요" in person.text
    await person.tap("시작하기")
    assert "(1/4단계)" in person.text
    await person.tap("네")
    await person.tap("건강체조")
    await person.tap("바둑")
    await person.tap("다 골랐어요")
    assert "(3/4단계)" in person.text
    await person.tap("5 (매우 만족)")
    assert "(4/4단계)" in person.text
    await person.say("저녁에도 열어 주세요")
    assert "제출할까요?" in person.text
    await person.tap("제출")
    assert "설문을 제출했어요" in person.text

    async with services.uow() as uow:
        summary = await results(uow, coord, survey.id)
    assert summary.responses == 1
    single, multi, scale, text = summary.questions
    assert single.counts == [1, 0] and multi.counts == [1, 0, 1]
    assert scale.average == 5.0 and text.texts == ["저녁에도 열어 주세요"]
