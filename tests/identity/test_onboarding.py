"""Onboarding, read as a conversation: welcome, invite code, home menu."""

from __future__ import annotations

from tests.support.chat import Chat


async def test_first_message_welcomes_and_offers_the_invite_code(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕하세요")
    assert "내친구" in chat.text
    assert chat.labels == ["초대코드 입력", "연결 코드 입력", "도움말", "도움 요청"]


async def test_a_demo_code_verifies_the_household_and_opens_the_home_menu(engine, demo):
    chat = Chat(engine)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    assert "초대코드를 입력해 주세요" in chat.text
    await chat.say(demo["101-1203"].lower().replace("-", " "))
    assert "101동 1203호로 확인했어요" in chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    assert chat.labels[:5] == ["공유마켓", "알뜰쇼핑", "우리단지", "포인트", "코디네이터"][:4] + [
        "도움말"
    ]
