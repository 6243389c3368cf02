"""도움말 → 알림 받는 방법 on every channel: how this resident's notices reach them, then
알림톡 with consent — what is sent and kept, the number typed (a wrong one refused politely,
nothing stored), confirmed masked, stored as digits with the time of consent, never logged,
and removed with 번호 지우기."""

from __future__ import annotations

import logging

from sqlalchemy import select

from storage import tables
from tests.support.chat import Chat

NUMBER = "01012345678"


def alimtalk_on(services) -> None:
    services.config = services.config.replace(
        alimtalk={
            "enabled": True,
            "base_url": "http://127.0.0.1:9",
            "appkey": "app-key-123",
            "secret_key": "secret-key-123",
            "sender_key": "s" * 40,
            "urgent_template": "URGENT",
        }
    )


async def conversation_state(services) -> str:
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.conversations))
        return " ".join(str(dict(r)) for r in rows.mappings())


async def stored(services) -> list[dict]:
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.alert_phones))
        return [dict(r) for r in rows.mappings()]


async def test_a_resident_gives_and_removes_a_number_for_alimtalk(person, services, demo, caplog):
    caplog.set_level(logging.DEBUG)
    alimtalk_on(services)
    await person.start(demo["101-1203"])
    await person.tap("도움말")
    await person.tap("알림 받는 방법")
    assert "[알림 받는 방법]" in person.text
    assert "알림톡으로 긴급 알림 받기" in person.labels
    await person.tap("알림톡으로 긴급 알림 받기")
    assert "저장하는 것: 휴대전화 번호와 동의한 시각만" in person.text
    assert "언제든 '번호 지우기'로 지울 수 있어요" in person.text
    await person.tap("동의하고 번호 입력")
    assert "휴대전화 번호를 적어 주세요" in person.text

    await person.say("02-123-4567")  # a home phone: refused politely, nothing kept
    assert "휴대전화 번호를 확인해 주세요" in person.text
    await person.say("010-1234-567")
    assert "휴대전화 번호를 확인해 주세요" in person.text
    assert await stored(services) == []

    await person.say("010 1234 5678")
    assert "010-****-5678 번호로" in person.text and "1234" not in person.text
    assert await stored(services) == []  # not before the confirmation
    await person.tap("저장")
    assert "010-****-5678 번호를 저장했어요" in person.text
    assert "010-****-5678 번호로도 받아요" in person.text and "번호 지우기" in person.labels
    (row,) = await stored(services)
    assert set(row) == {"resident_id", "number", "consented_at"} and row["number"] == NUMBER
    assert NUMBER not in await conversation_state(services)  # the dialog's answers are gone

    await person.tap("이전")
    await person.tap("알림 받는 방법")
    assert "010-****-5678" in person.text and "1234" not in person.text
    await person.tap("번호 지우기")
    assert "번호를 지웠어요" in person.text
    assert "알림톡으로 긴급 알림 받기" in person.labels
    assert await stored(services) == []
    for typed in (NUMBER, "010 1234 5678", "1234 5678", "1234-5678"):
        assert typed not in caplog.text


async def test_the_offer_needs_alimtalk_on_and_a_verified_resident(engine, services, demo):
    stranger = Chat(engine, user="stranger")
    await stranger.say("안녕")
    await stranger.say("도움말")
    alimtalk_on(services)
    await stranger.tap("알림 받는 방법")
    assert "[알림 받는 방법]" in stranger.text
    assert "알림톡으로 긴급 알림 받기" not in stranger.labels

    kim = Chat(engine, user="kim")
    await kim.say("안녕")
    await kim.tap("초대코드 입력")
    await kim.say(demo["101-1203"])
    await kim.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    services.config = services.config.replace(alimtalk={"enabled": False})
    await kim.say("도움말")
    await kim.tap("알림 받는 방법")
    assert "웹 채팅:" in kim.text
    assert "알림톡으로 긴급 알림 받기" not in kim.labels
