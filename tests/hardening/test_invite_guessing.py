"""Defect 7: invite-code guessing with a fresh identity per try (a new botUserKey each time)
was throttled per identity only: 55 guesses/s went through. Now wrong codes also count per
source (the channel they came through): past the budget every guess from that source waits,
and the coordinators of every complex hear about the burst once per window."""

from __future__ import annotations

from bot.screens import Channel
from core.identity.onboarding import SOURCE_LIMIT
from tests.reliability.outbox_helpers import outbox_rows
from tests.support.chat import Chat

WRONG = "AAAAA-AAAAA"


async def _guess(engine, n: int, channel=Channel.KAKAO) -> str:
    chat = Chat(engine, user=f"guesser-{channel.value}-{n}", channel=channel)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(WRONG)
    return chat.text


async def _coordinator(engine, demo) -> int:
    chat = Chat(engine, user="coordinator-kim")
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    reply = await chat.say(demo["관리동-100"])
    assert "확인했어요" in chat.text
    return reply.resident_id


async def test_fresh_identities_cannot_guess_past_the_source_budget(engine, demo, services):
    coordinator = await _coordinator(engine, demo)
    answers = [await _guess(engine, n) for n in range(SOURCE_LIMIT + 5)]
    assert all("맞지 않는 코드" in a for a in answers[:SOURCE_LIMIT])
    assert all("맞지 않는 코드" not in a and "분 뒤에" in a for a in answers[SOURCE_LIMIT:])
    # A right code from the throttled source waits too (nothing to learn from it).
    chat = Chat(engine, user="late-but-honest", channel=Channel.KAKAO)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo["101-1203"])
    assert "확인했어요" not in chat.text
    # Another channel keeps its own budget.
    assert "맞지 않는 코드" in await _guess(engine, 0, Channel.TELEGRAM)
    alerts = [
        r
        for r in await outbox_rows(services, resident_id=coordinator)
        if "초대코드" in str(r["payload"])
    ]
    assert len(alerts) == 1  # once per window, not once per guess
