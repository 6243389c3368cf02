"""The resident's side beyond the journey: 도움 요청 in 쉬운 모드 without 더보기, the office
closed (said plainly, with when to expect an answer), context (what they were doing, their
last typed words, codes masked), photos, bad input answered politely and changing nothing,
and forged or foreign request ids refused as missing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.screens import ButtonRole
from core.errors import DomainError
from core.helpdesk import asking, handling
from core.helpdesk.model import NewMessage
from core.helpdesk.reading import detail
from core.identity.admin import add_complex
from tests.helpdesk.helpers import coordinator, requests, resident_asks
from tests.support.defects import member, tiny_image, verified


async def test_help_is_one_tap_from_home_in_easy_mode_too(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("도움말")
    await chat.tap("쉬운 모드 켜기")
    await chat.tap("처음으로")
    assert len(chat.screen.choices) == 4  # 4 choices at most in easy mode ...
    button = chat.button("도움 요청")  # ... 도움 요청 is kept besides them
    assert button.role is ButtonRole.NAV
    await chat.tap("도움 요청")
    assert "무엇을 도와드릴지 적어 주세요" in chat.text


async def test_the_help_screen_offers_it(engine, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("도움말")
    await chat.tap("도움 요청")
    assert "무엇을 도와드릴지 적어 주세요" in chat.text


async def test_office_closed_is_said_with_when_an_answer_comes(engine, services, demo, clock):
    # Saturday 2026-11-28 14:00 in Seoul: closed until Monday 09:00.
    clock.set(datetime(2026, 11, 28, 5, 0, tzinfo=UTC))
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("도움 요청")
    assert "지금은 관리사무소 업무 시간이 아니에요 (평일 09:00-18:00)" in chat.text
    await chat.say("현관문 열쇠를 잃어버렸어요")
    assert "도움 요청 #1: 관리사무소 코디네이터에게 전했어요" in chat.text
    assert "11월 30일 (월) 오전 9:00부터 차례로 답을 드릴게요" in chat.text


async def test_open_hours_say_nothing_of_closing(engine, demo):
    chat = await resident_asks(engine, demo, "kim", "현관문 열쇠를 잃어버렸어요")
    assert "업무 시간이 아니에요" not in chat.text


async def test_context_carries_the_dialog_and_last_words_with_codes_masked(engine, services, demo):
    await coordinator(engine, demo)
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.say("포인트로 월세")
    await chat.say("01012345678 으로 연락 주세요")
    await chat.say("처음으로")  # typed sentences may lead elsewhere: back home first
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    await chat.tap("처음으로")  # left the defect dialog: that is what they were doing
    await chat.tap("도움 요청")
    await chat.say("신고하는 방법을 모르겠어요")
    (request,) = await requests(services)
    assert request.origin.startswith("defect")
    assert "••• 으로 연락 주세요" in request.recent
    assert "포인트로 월세" in request.recent


async def test_a_photo_reaches_the_coordinator(engine, services, demo):
    await coordinator(engine, demo)
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("도움 요청")
    await chat.photo(tiny_image("JPEG"))
    assert "관리사무소 코디네이터에게 전했어요" in chat.text
    await chat.say("이 종이를 어디에 내야 하나요")
    assert "보냈어요" in chat.text
    (request,) = await requests(services)
    coord = await member(services, "coord")
    async with services.uow() as uow:
        found = await detail(uow, coord, request.id)
    assert [len(m.photos) for m in found.messages] == [1, 0]


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("가" * 10_000, "1000자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요."),
        ("🙏🙏", "글자로 짧게 적어 주세요"),
        ("   ", "무엇을 도와드릴지 적어 주세요"),  # blank: the question again
    ],
)
async def test_bad_words_are_refused_politely_and_nothing_is_sent(
    engine, services, demo, typed, answer
):
    await coordinator(engine, demo)
    chat = await verified(engine, demo["101-1203"], "kim")
    await chat.tap("도움 요청")
    await chat.say(typed)
    assert answer in chat.text
    assert await requests(services) == []


async def test_forged_and_foreign_request_ids_look_missing(engine, services, demo):
    await coordinator(engine, demo)
    await resident_asks(engine, demo, "kim", "관리비가 궁금해요")
    await verified(engine, demo["102-304"], "lee")
    (request,) = await requests(services)
    lee, coord = await member(services, "lee"), await member(services, "coord")
    async with services.uow() as uow:
        with pytest.raises(DomainError) as refused:  # not lee's request
            await asking.say(uow, services.clock, lee, request.id, NewMessage("저도요"))
        assert refused.value.code == "not_found"
        with pytest.raises(DomainError) as missing:  # no such request
            await handling.take(uow, services.clock, coord, request.id + 1000)
        assert missing.value.code == "not_found"
        other = await add_complex(uow, "OTHER", "다른 아파트")
    # a coordinator of another complex cannot see or take it
    foreign = type(coord)(
        coord.resident_id, other.id, None, frozenset({("coordinator", other.id)})
    )
    async with services.uow() as uow:
        with pytest.raises(DomainError) as hidden:
            await handling.take(uow, services.clock, foreign, request.id)
        assert hidden.value.code == "not_found"
        with pytest.raises(DomainError) as resident:  # a resident is no coordinator
            await handling.close(uow, services.clock, lee, request.id)
        assert resident.value.code == "forbidden"
    (unchanged,) = await requests(services)
    assert unchanged.owner_id is None and unchanged.status == "waiting"
