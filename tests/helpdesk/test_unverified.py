"""People not yet verified can ask too: on the welcome screen, and at the invite-code step —
locked out after 5 wrong codes included. They name their complex (code or name), 동 and 호;
the request reaches that complex's coordinators, marked as typed, not proven."""

from __future__ import annotations

from core.identity.invites import ALPHABET
from tests.helpdesk.helpers import coordinator, open_queue, requests
from tests.support.chat import Chat

WRONG = ALPHABET[0] * 5 + "-" + ALPHABET[1] * 5


async def test_locked_out_after_wrong_codes_and_asks_a_person(engine, services, demo):
    coord = await coordinator(engine, demo)
    chat = Chat(engine, user="newcomer")
    await chat.say("안녕")
    assert "도움 요청" in chat.labels  # the welcome screen offers it
    await chat.tap("초대코드 입력")
    for _ in range(5):
        await chat.say(WRONG)
    await chat.say(WRONG)
    assert "10분 뒤에 다시" in chat.text
    await chat.tap("도움 요청")
    assert "어느 단지에 사시나요?" in chat.text
    await chat.say("없는아파트")
    await chat.say("101동")
    await chat.say("1203")
    await chat.say("초대코드를 다섯 번 틀려서 막혔어요")
    assert "그런 단지를 찾지 못했어요" in chat.text and "어느 단지에 사시나요?" in chat.text
    assert await requests(services) == []  # nothing sent to anybody yet
    await chat.say("내친구 데모아파트")  # the name works as well as the code
    assert "도움 요청 #1: 관리사무소 코디네이터에게 전했어요" in chat.text
    (request,) = await requests(services)
    assert (request.building, request.unit, request.verified) == ("101", "1203", False)
    assert request.origin == "verify:code" and request.household_id is None

    await coord.say("처음으로")
    assert "101동 주민 (확인 전)이 도움을 청했어요" in coord.text
    await open_queue(coord)
    await coord.tap("대기 중 (1)")
    await coord.tap("열기")
    assert "세대: 101동 1203호 (확인 전, 본인이 적음)" in coord.text
    assert "하던 일: 우리 집 확인 (1번째 질문)" in coord.text  # in words, not "verify:code"
    assert WRONG not in coord.text and "•••" in coord.text  # codes never relayed
    await coord.tap("답하기")
    await coord.say("내일 관리사무소에 신분증을 가지고 오세요. 새 초대코드를 드릴게요.")
    await chat.say("처음으로")
    assert "관리사무소 김하나 코디네이터: 내일 관리사무소에" in chat.text


async def test_bad_address_is_asked_again_politely(engine, services, demo):
    chat = Chat(engine, user="newcomer")
    await chat.say("안녕")
    await chat.tap("도움 요청")
    await chat.say("DEMO")
    await chat.say("101동!!!")
    assert "숫자나 글자 10자 이내로 적어 주세요" in chat.text
    await chat.say("101")
    await chat.say("😀")
    assert "숫자나 글자 10자 이내로 적어 주세요" in chat.text
    assert await requests(services) == []
