"""Helpers for the 도움 요청 tests: a named coordinator, a resident's request made through the
chat, the request rows and the outbox keys queued for a person."""

from __future__ import annotations

from sqlalchemy import select

from bot.screens import Channel
from core.helpdesk.model import HelpRequest
from storage import tables
from tests.support.chat import Chat
from tests.support.defects import verified


async def coordinator(engine, demo, user: str = "coord", name: str = "김하나") -> Chat:
    """A coordinator of DEMO who set the name residents read."""
    chat = await verified(engine, demo["관리동-100"], user)
    await open_queue(chat)
    if name:
        await chat.tap("내 이름 정하기")
        await chat.say(name)
        assert f"관리사무소 {name} 코디네이터" in chat.text
    return chat


async def resident_asks(
    engine, demo, user: str, text: str, key: str = "101-1203", channel=Channel.WEB
) -> Chat:
    chat = await verified(engine, demo[key], user, channel)
    await chat.tap("도움 요청")
    await chat.say(text)
    assert "관리사무소 코디네이터에게 전했어요" in chat.text
    return chat


async def requests(services) -> list[HelpRequest]:
    async with services.uow() as uow:
        rows = await uow.session.execute(
            select(tables.help_requests.c.id).order_by(tables.help_requests.c.id)
        )
        return [await uow.help.get(row.id) for row in rows]


async def outbox_keys(services, user: str, channel: str = "web") -> list[str]:
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        o = tables.outbox.c
        stmt = select(o.dedupe_key).where(o.resident_id == account.resident_id).order_by(o.id)
        return list(await uow.session.scalars(stmt))


async def tap_any(chat: Chat, label: str) -> None:
    """Tap a button of any screen of the last reply (a notification shown before it too)."""
    for screen in reversed(chat.reply.screens):
        for button in [*screen.buttons, *(b for c in screen.cards for b in c.buttons)]:
            if button.label == label:
                await chat.tap_token(button.token)
                return
    raise AssertionError(f"no button {label!r}")


async def open_queue(chat: Chat) -> None:
    """코디네이터 → 도움 요청 (last in the menu: behind 더보기 when the page is full)."""
    await chat.say("처음으로")
    await chat.tap("코디네이터")
    while "도움 요청" not in chat.labels:
        await chat.tap("더보기")
    await chat.tap("도움 요청")
