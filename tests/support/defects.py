"""Helpers for defect tests: real tiny images, a verified chat, a member as core sees it, and
a coordinator moving a report along the workflow through the core use case."""

from __future__ import annotations

import io
from dataclasses import fields
from types import SimpleNamespace

from PIL import Image

from bot.screens import Channel
from core.defects.handling import add_comment, change_status
from core.identity.onboarding import membership_of
from tests.support.chat import Chat


def tiny_image(fmt: str = "PNG", color: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, format=fmt)
    return buffer.getvalue()


async def verified(engine, code: str, user: str, channel: Channel = Channel.WEB) -> Chat:
    chat = Chat(engine, user=user, channel=channel)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(code)
    assert "확인했어요" in chat.text, chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def member(services, user: str, channel: str = "web"):
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        return await membership_of(uow, await uow.residents.get(account.resident_id))


async def move(services, coordinator, report_id: int, *targets: str, **kw) -> None:
    """The coordinator changes the status (one commit per change, as in the bot)."""
    for target in targets:
        async with services.uow() as uow:
            await change_status(uow, services.clock, coordinator, report_id, target, **kw)
            await uow.commit()


async def comment(services, coordinator, report_id: int, text: str) -> None:
    async with services.uow() as uow:
        await add_comment(uow, services.clock, coordinator, report_id, text)
        await uow.commit()


async def reports_of(services, household_id: int) -> list[SimpleNamespace]:
    """The household's reports, newest first, as plain snapshots (usable after the session)."""
    async with services.uow() as uow:
        reports, _ = await uow.defects.for_household(household_id, offset=0, limit=50)
        return [
            SimpleNamespace(**{f.name: getattr(r, f.name) for f in fields(r)}, number=r.number)
            for r in reports
        ]


async def household_id(services, building: str, unit: str) -> int:
    async with services.uow() as uow:
        complex_id = (await uow.complexes.all())[0].id
        return (await uow.households.find(complex_id, building, unit)).id
