"""The engine's lean per-message path (plain SQL on the unit of work's own transaction):
its invariants on SQLite and PostgreSQL, and a step cut short by a caller's timeout."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from bot.engine.nav import Nav
from bot.screens import Channel, Inbound
from tests.support.chat import Chat

pytestmark = pytest.mark.both_dbs


async def _scalar(services, sql: str, **params):
    async with services.uow() as uow:
        return (await uow.session.execute(text(sql), params)).scalar()


async def _version(services, resident_id: int) -> int:
    sql = "SELECT version FROM conversations WHERE resident_id = :r"
    return int(await _scalar(services, sql, r=resident_id))


def _web(text_: str, key: str) -> Inbound:
    return Inbound(channel=Channel.WEB, user_id="lean", text=text_, delivery_key=key)


async def test_a_redelivery_is_answered_from_the_stored_reply_and_changes_nothing(engine):
    chat = Chat(engine, user="lean")
    await chat.say("안녕하세요")
    first = await engine.handle(_web("도움말", "lean:1"))
    version = await _version(engine.s, first.resident_id)
    again = await engine.handle(_web("처음으로", "lean:1"))  # same key, other words
    assert again.duplicate
    assert [s.text for s in again.screens] == [s.text for s in first.screens]
    assert await _version(engine.s, first.resident_id) == version


async def test_two_fast_taps_of_one_single_use_button_cannot_both_apply(engine):
    chat = Chat(engine, user="lean")
    reply = await chat.say("안녕하세요")
    async with engine.s.uow() as uow:  # a single-use button, as a dialog would show it
        await uow.engine_store.add_tokens(
            [
                {
                    "token": "lean-once",
                    "resident_id": reply.resident_id,
                    "action": Nav(to="help").dump(),
                    "single_use": True,
                    "expires_at": engine.s.clock.now().replace(year=2030),
                }
            ]
        )
        await uow.commit()
    taps = [
        Inbound(channel=Channel.WEB, user_id="lean", token="lean-once", delivery_key=f"t:{n}")
        for n in (1, 2)
    ]
    replies = await asyncio.gather(*(engine.handle(t) for t in taps))
    texts = ["\n".join(s.text for s in r.screens) for r in replies]
    pairs = zip(replies, texts, strict=True)
    applied = [r for r, t in pairs if "[도움말]" in t and not r.duplicate]
    assert len(applied) == 1  # the other: "이미 처리된 버튼" or the first one's stored reply
    used = await _scalar(engine.s, "SELECT count(*) FROM deliveries WHERE key = 'tok:lean-once'")
    assert used == 1


async def test_a_crash_between_handler_and_commit_leaves_nothing(engine, monkeypatch):
    chat = Chat(engine, user="lean")
    reply = await chat.say("안녕하세요")
    version = await _version(engine.s, reply.resident_id)

    from storage.repositories.lean import SqlEngineStore

    async def crash(self, state, now, touch_after):
        raise RuntimeError("the process died before COMMIT")

    monkeypatch.setattr(SqlEngineStore, "save_conversation", crash)
    failed = await engine.handle(_web("도움말", "lean:crash"))
    assert "잠시 문제가 생겼어요" in failed.screens[0].text
    monkeypatch.undo()
    assert await _version(engine.s, reply.resident_id) == version
    key = "SELECT count(*) FROM deliveries WHERE key = 'lean:crash'"
    assert await _scalar(engine.s, key) == 0  # the same message can still be handled
    assert not (await engine.handle(_web("도움말", "lean:crash"))).duplicate


async def test_a_step_that_changes_nothing_writes_no_conversation_row(engine):
    chat = Chat(engine, user="lean")
    await chat.say("도움말")
    reply = await chat.say("도움말")
    version = await _version(engine.s, reply.resident_id)
    reopened = Inbound(channel=Channel.WEB, user_id="lean", text="")  # a page reopened
    assert (await engine.handle(reopened)).screens[0].text == reply.screens[0].text
    assert await _version(engine.s, reply.resident_id) == version
    await chat.say("처음으로")
    assert await _version(engine.s, reply.resident_id) == version + 1


async def test_a_reused_button_token_of_another_resident_is_refused(engine):
    kim, lee = Chat(engine, user="kim"), Chat(engine, user="lee")
    await kim.say("안녕하세요")
    shown = await lee.say("안녕하세요")
    token = next(b.token for b in shown.screens[-1].buttons if b.token)
    forged = await engine.handle(Inbound(channel=Channel.WEB, user_id="kim", token=token))
    said = [n for s in forged.screens for n in (*s.notices, s.text)]
    assert any("더 이상 사용할 수 없어요" in line for line in said)


async def test_a_unit_of_work_cancelled_mid_statement_breaks_no_later_one(services):
    slow = "SELECT pg_sleep(2)" if services.config.database.url.startswith("postgres") else None
    for _ in range(3):
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                async with services.uow() as uow:
                    if slow:
                        await uow.session.execute(text(slow))
                    else:
                        await asyncio.sleep(2)
    for _ in range(12):  # more than the pool holds: none is left mid-call
        assert await _scalar(services, "SELECT 1") == 1
