"""우리단지 on every channel: a coordinator's notice reaches the resident (Telegram pushed,
web chat and KakaoTalk on the next message) and is read from 공지사항; a vote opens, the
resident votes with a button, and after the close the result (with its chart) arrives."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.notices.broadcast import NewNotice, create_notice
from core.votes.ballots import NewVote, create_vote
from tests.support.complex_life import member_of, run_jobs, verified


async def hears(person, words: str) -> str:
    """What the person reads next: pushed on Telegram, on the next message elsewhere."""
    if person.name == "telegram":
        for _ in range(200):
            pushed = [p.get("text") or p.get("caption") or "" for _, p, _ in person.srv.sent]
            if any(words in t for t in pushed):
                return "\n".join(pushed)
            await asyncio.sleep(0.05)
        raise AssertionError(f"no message with {words!r}")
    await person.say("처음으로")
    assert words in person.text, person.text
    return person.text


async def test_notice_received_and_vote_cast_and_result(person, services, clock, engine, demo):
    await person.start(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in person.signup
    await verified(engine, demo, "관리동-100", "coord")
    coord = await member_of(services, "coord")
    async with services.uow() as uow:
        await create_notice(uow, clock, coord, NewNotice("내일 오전 10시 소독이 있어요."))
        now = clock.now()
        question = NewVote("경로당 개방 시간 연장", ("찬성", "반대"), now, now + timedelta(days=2))
        await create_vote(uow, clock, coord, question)
        await uow.commit()
    await run_jobs(services)
    await hears(person, "내일 오전 10시 소독이 있어요.")

    await person.say("처음으로")
    await person.tap("우리단지")
    await person.tap("공지사항")  # the newest notice in full, at once
    assert "[공지]" in person.text and "소독" in person.text
    async with services.uow() as uow:
        assert await uow.notices.read_count(1) == 1

    await person.say("처음으로")
    await person.tap("우리단지")
    await person.tap("주민투표")  # the only open vote opens at once: 3 taps to a ballot
    await person.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in person.text
    clock.advance(days=2, seconds=1)
    await run_jobs(services)
    await hears(person, "[투표 결과] 경로당 개방 시간 연장")
    async with services.uow() as uow:
        assert (await uow.votes.get(1)).results == [1, 0]
