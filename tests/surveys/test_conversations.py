"""설문조사 in the engine with the frozen clock: a coordinator makes a survey in the dialog;
two residents answer one question per message (one stops and continues later, one changes
an answer); the coordinator reads the results; the reminder reaches only residents who have
not submitted; the close happens exactly once (two runners, a repeated job) and the
coordinator is told; forged ids, other complexes and answers after the deadline change
nothing."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from bot.scheduler import JobContext, JobRunner
from core.errors import Forbidden, InvalidInput, NotFound
from core.surveys.answering import save_answer
from core.surveys.lifecycle import results
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified
from tests.support.jobs import drain, job


@pytest.fixture
async def people(engine, demo):
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    lee = await verified(engine, demo, "102-304", "lee")
    return coord, kim, lee


async def coordinator_menu(coord, label: str) -> None:
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    while label not in coord.labels:  # the menu is paged
        await coord.tap("더보기")
    await coord.tap(label)


async def create_by_dialog(coord, anonymous: bool = False) -> None:
    await coordinator_menu(coord, "설문 만들기")
    await coord.say("놀이터 설문")
    await coord.tap("하나 고르기")
    await coord.say("놀이터 정비가 필요한가요?")
    await coord.tap("네, 아니요")
    await coord.tap("여러 개 고르기")
    await coord.say("필요한 시설은?")
    await coord.say("벤치, 그늘막, 운동기구")
    await coord.tap("1~5점")
    await coord.say("관리 만족도는?")
    await coord.tap("짧은 글")
    await coord.say("하고 싶은 말")
    await coord.tap("질문 그만")
    await coord.tap("익명 설문" if anonymous else "실명 설문")
    await coord.tap("3일 뒤")
    assert "시작하면 내용을 바꿀 수 없어요" in coord.text
    assert "2. [여러 개 고르기] 필요한 시설은? (벤치, 그늘막, 운동기구)" in coord.text
    await coord.tap("시작")
    assert "설문을 열었어요" in coord.text


async def open_it(chat) -> None:
    await chat.say("처음으로")
    await chat.tap("우리단지")
    while "설문조사" not in chat.labels:  # the menu is paged
        await chat.tap("더보기")
    await chat.tap("설문조사")
    await chat.tap("보기")


async def survey_id(services) -> int:
    async with services.uow() as uow:
        (survey,), _ = await uow.surveys.for_complex(1, ["open", "closed"], offset=0, limit=5)
        return survey.id


async def test_create_answer_on_two_residents_and_read_results(services, people):
    coord, kim, lee = people
    await create_by_dialog(coord)
    await open_it(kim)
    assert "마감 전까지는 답을 바꿀 수 있어요" in kim.text
    await kim.tap("시작하기")
    assert "(1/4단계)" in kim.text and "놀이터 정비가 필요한가요?" in kim.text
    await kim.tap("네")
    assert "(2/4단계)" in kim.text
    await kim.tap("벤치")
    await kim.tap("운동기구")
    assert "✓ 벤치" in kim.labels and "✓ 운동기구" in kim.labels
    await kim.tap("다 골랐어요")
    assert "(3/4단계)" in kim.text
    await kim.say("처음으로")  # stops here, continues later: the answers are kept
    await open_it(kim)
    assert "2번 질문까지 답해 두었어요" in kim.text
    await kim.tap("이어서 하기")
    assert "(3/4단계)" in kim.text
    await kim.tap("4")
    assert "(4/4단계)" in kim.text
    await kim.say("가" * 301)
    assert "300자까지" in kim.text  # too long: asked again
    await kim.say("벤치가 낡았어요")
    assert "제출할까요?" in kim.text
    await kim.tap("제출")
    assert "설문을 제출했어요" in kim.text and "답을 바꿀 수 있어요" in kim.text

    await open_it(lee)
    await lee.tap("시작하기")
    await lee.tap("아니요")
    await lee.tap("다 골랐어요")
    assert "하나 이상 골라 주세요" in lee.text
    await lee.tap("그늘막")
    await lee.tap("다 골랐어요")
    await lee.tap("5 (매우 만족)")
    await lee.say("그늘이 필요해요")
    await lee.tap("제출")
    await open_it(lee)  # changes an answer before the deadline
    await lee.tap("답 바꾸기")
    await lee.tap("네")
    assert "지금 답: 그늘막" in lee.text
    await lee.tap("다 골랐어요")
    await lee.tap("5 (매우 만족)")
    await lee.say("그늘이 필요해요")
    await lee.tap("제출")
    assert "바꾼 답으로 다시 제출했어요" in lee.text

    await coordinator_menu(coord, "설문 결과")
    await coord.tap("결과")
    text = coord.text
    assert "제출한 사람: 2명" in text
    assert "· 네: 2명 (100%)" in text and "· 아니요: 0명 (0%)" in text
    assert "· 벤치: 1명 (50%)" in text and "· 그늘막: 1명 (50%)" in text
    assert "평균 4.5점 (2명)" in text
    assert "· 벤치가 낡았어요" in text and "· 그늘이 필요해요" in text
    assert "101" not in text and "1203" not in text  # never who


async def test_reminder_to_non_answerers_and_close_exactly_once(services, clock, people):
    coord, kim, lee = people
    await create_by_dialog(coord, anonymous=True)
    await open_it(kim)
    await kim.tap("시작하기")
    await kim.tap("네")
    await kim.tap("벤치")
    await kim.tap("다 골랐어요")
    await kim.tap("3 (보통)")
    await kim.say("좋아요")
    await kim.tap("제출")
    clock.advance(days=2)  # 24 h before the deadline: only those who have not submitted
    await run_jobs(services)
    assert not any("[설문조사 알림]" in t for t in texts(await outbox_of(services, "kim")))
    assert any("[설문조사 알림]" in t for t in texts(await outbox_of(services, "lee")))

    clock.advance(days=1, seconds=1)
    runners = [JobRunner(services, services.jobs) for _ in range(2)]
    await asyncio.gather(*(drain(r) for r in runners))  # two runners: one close
    sid = await survey_id(services)
    row = await job(services, "survey.close", str(sid))
    assert row["status"] == "done"
    async with services.uow() as uow:  # the job body again (a second scheduler): nothing
        handler = services.jobs.get("survey.close")
        await handler(JobContext(uow=uow, services=services, job=row, now=clock.now()))
        await uow.commit()
    closed = [t for t in texts(await outbox_of(services, "coord")) if "[설문 마감]" in t]
    assert closed == ["[설문 마감] 놀이터 설문\n1명이 답했어요."]
    await lee.say("처음으로")
    await lee.tap("우리단지")
    seen = list(lee.labels)
    while "더보기" in lee.labels:
        await lee.tap("더보기")
        seen += lee.labels
    assert "설문조사" not in seen and "우리 집 정보" in seen  # none open: no entry


async def test_forged_foreign_and_late_answers_change_nothing(services, clock, people):
    coord, kim, lee = people
    await create_by_dialog(coord)
    sid = await survey_id(services)
    k = await member_of(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(NotFound):
            await save_answer(uow, clock, k, sid + 99, 0, 0)  # a forged id
        with pytest.raises(NotFound):  # another complex
            await save_answer(uow, clock, replace(k, complex_id=k.complex_id + 1), sid, 0, 0)
        with pytest.raises(InvalidInput, match="survey.bad_answer"):
            await save_answer(uow, clock, k, sid, 0, 7)
        with pytest.raises(InvalidInput, match="survey.text_too_long"):
            await save_answer(uow, clock, k, sid, 3, "가" * 301)
        with pytest.raises(Forbidden):
            await results(uow, k, sid)
    await open_it(kim)
    await kim.tap("시작하기")
    clock.advance(days=3)
    await kim.tap("네")  # after the deadline
    assert "이미 마감한 설문이에요" in kim.text
    async with services.uow() as uow:
        assert await uow.surveys.response(sid, k.resident_id) is None
