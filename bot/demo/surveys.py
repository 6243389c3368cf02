"""Sample 설문조사 for the demo complex, made through the coordinators' use case: an open
survey about the community hall with each kind of question, so the demo shows 설문조사 and,
once a few residents answer, 설문 결과."""

from __future__ import annotations

from datetime import timedelta

from bot.demo.defects import _member
from core.identity.onboarding import membership_of
from core.surveys.answering import NewSurvey, create_survey
from core.surveys.model import Question, QuestionKind


async def _office(uow, services, household, code):
    account = await uow.accounts.find("web", f"demo-sample-{household.building}-{household.unit}")
    if account is not None:
        resident = await uow.residents.get(account.resident_id)
        if resident.verified:
            return await membership_of(uow, resident)
    return await _member(uow, services, household, code)


async def seed_surveys(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    async with services.uow() as uow:
        office = await _office(uow, services, *households["관리동-100"])
        questions = (
            Question(
                QuestionKind.SINGLE,
                "주민 공동체실을 저녁 9시까지 열면 좋을까요?",
                ("네", "아니요", "상관없어요"),
            ),
            Question(
                QuestionKind.MULTI,
                "공동체실에서 하고 싶은 프로그램을 모두 골라 주세요.",
                ("건강체조", "노래교실", "스마트폰 교실", "반찬 나눔"),
            ),
            Question(QuestionKind.SCALE, "지금 공동체실 시설에 얼마나 만족하세요?"),
            Question(QuestionKind.TEXT, "바라는 점이 있으면 적어 주세요."),
        )
        new = NewSurvey("주민 공동체실 이용 설문", questions, clock.now() + timedelta(days=10))
        await create_survey(uow, clock, office, new)
        await uow.commit()
