"""The weekly 동네 가게 혜택 digest: opt in and out in chat, a scheduled row per complex and
week, sent once through the outbox to those who opted in (never twice, even run again)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.scheduler import JobRunner
from storage import tables
from tests.support.defects import verified
from tests.support.jobs import drain
from tests.support.partners import OFFER, member, offer, partner_chat


async def digests(services) -> list[int]:
    o = tables.outbox.c
    stmt = select(o.resident_id).where(o.dedupe_key.like("partners:digest:%")).order_by(o.id)
    async with services.uow() as uow:
        return list(await uow.session.scalars(stmt))


async def test_opt_in_out_and_the_digest_is_sent_once_a_week(engine, services, demo, clock):
    await partner_chat(engine, services)
    await offer(services, await member(services, "salon"), replace(OFFER, days=30))
    kim = await verified(engine, demo["101-1203"], "kim")
    lee = await verified(engine, demo["102-304"], "lee")
    for chat in (kim, lee):
        await chat.tap("알뜰쇼핑")
        await chat.tap("동네 가게 혜택")
        await chat.tap("매주 소식 받기")
        assert "매주 월요일 아침에" in chat.text and "매주 소식 그만 받기" in chat.labels
    await lee.tap("매주 소식 그만 받기")
    assert "그만 보내 드려요" in lee.text and "매주 소식 받기" in lee.labels
    k = (await member(services, "kim")).resident_id
    runner = JobRunner(services, services.jobs)
    await drain(runner)
    assert await digests(services) == []  # not Monday 9:00 yet
    clock.advance(days=7)
    await drain(runner)
    await drain(runner)  # run again: nothing more
    assert await digests(services) == [k]
    clock.advance(days=7)
    await drain(runner)
    assert await digests(services) == [k, k]  # next week's, armed by the first
