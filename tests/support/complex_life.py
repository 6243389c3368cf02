"""Helpers for the 우리단지 notice and vote tests: verified chats in the demo complex, running
due jobs on the frozen clock, and reading what the outbox holds for a person."""

from __future__ import annotations

from sqlalchemy import select

from bot.scheduler import JobRunner
from core.identity.onboarding import membership_of
from storage import tables
from tests.support.chat import Chat
from tests.support.jobs import drain


async def verified(engine, demo, key: str, user: str) -> Chat:
    chat = Chat(engine, user=user)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    assert "확인했어요" in chat.text, chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def member_of(services, user: str, channel: str = "web"):
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        return await membership_of(uow, await uow.residents.get(account.resident_id))


async def run_jobs(services) -> None:
    await drain(JobRunner(services, services.jobs))


async def outbox_of(services, user: str, channel: str = "web") -> list[dict]:
    """The outbox rows queued for a person, oldest first."""
    o = tables.outbox.c
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        stmt = select(tables.outbox).where(o.account_id == account.id).order_by(o.id)
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


def texts(rows: list[dict]) -> list[str]:
    return [row["payload"][0]["text"] for row in rows]
