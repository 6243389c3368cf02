"""도움 요청, the whole journey on every channel: a resident asks from the home menu, the
coordinator takes it from the queue and answers in the chat, the resident reads
"관리사무소 김하나 코디네이터: …" on their messenger (web/KakaoTalk inbox, Telegram pushed),
replies with 답장하기, and the coordinator closes it (the resident is told)."""

from __future__ import annotations

import asyncio

from bot.app import build_engine
from core.helpdesk.model import Status
from tests.helpdesk.helpers import coordinator, open_queue, requests, tap_any


async def wait_for(person, words: str) -> None:
    """Telegram is pushed to: wait for the notification to arrive in the chat."""
    for _ in range(200):
        if any(words in (p.get("text") or "") for _, p, _ in person.srv.sent):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with {words!r}")


async def read_notification(person, words: str) -> None:
    """The notification reaches the person: pushed (Telegram) or on their next message."""
    if person.name == "telegram":
        await wait_for(person, words)
    else:
        await person.say("처음으로")
        if "알림 1 보기" in person.text or "새 알림" in person.text:
            await person.tap("알림 1 보기")  # several waiting: a digest, newest first
        assert words in person.text, person.text


async def test_ask_take_answer_reply_close(person, services, demo):
    coord = await coordinator(build_engine(services), demo)
    await person.start(demo["101-1203"])
    assert "도움 요청" in person.labels
    await person.tap("도움 요청")
    assert "무엇을 도와드릴지 적어 주세요" in person.text
    await person.say("관리비 고지서를 잃어버렸어요")
    assert "도움 요청 #1: 관리사무소 코디네이터에게 전했어요" in person.text

    await coord.say("처음으로")  # the new request waits in the coordinator's inbox
    assert "[도움 요청 #1] 101동 주민이 도움을 청했어요" in coord.text
    assert "1203" not in coord.text  # the 호 never travels in a notification
    await open_queue(coord)
    await coord.tap("대기 중 (1)")
    assert "기다리는 중" in coord.text
    await coord.tap("열기")
    assert "세대: 101동 1203호" in coord.text and "관리비 고지서를 잃어버렸어요" in coord.text
    await coord.tap("제가 맡을게요")
    assert "맡았어요" in coord.text
    await coord.tap("답하기")
    await coord.say("관리사무소에서 다시 뽑아 드릴게요. 내일 오전에 오세요.")
    assert "보냈어요" in coord.text

    await read_notification(person, "[도움 요청 #1] 관리사무소 김하나 코디네이터: 관리사무소에서")
    await person.tap("답장하기")
    await person.say("네 고마워요")
    assert "보냈어요" in person.text

    await coord.say("처음으로")
    assert '101동 주민: "네 고마워요"' in coord.text
    await tap_any(coord, "답하기")  # the reply's own button
    await coord.tap("끝내기")
    assert "끝냈어요. 주민에게 알렸어요" in coord.text
    (request,) = await requests(services)
    assert request.status == Status.CLOSED and request.owner_id is not None

    await read_notification(person, "김하나 코디네이터가 도움 요청을 마쳤어요")
