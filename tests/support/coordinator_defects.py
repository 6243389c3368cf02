"""Helpers for the coordinator's defect tests: verified people in the demo complex, reports
filed through the core use case (as the resident dialog would), outbox keys per resident,
and stand-in wording for the resident notifications if that side is not registered."""

from __future__ import annotations

from sqlalchemy import select

from bot.screens import Channel, Screen
from core.defects.filing import AckPolicy, NewReport, file_report
from core.identity.onboarding import membership_of
from storage import tables
from tests.support.chat import Chat


async def verified(engine, demo, key: str, user: str, channel=Channel.WEB) -> Chat:
    chat = Chat(engine, user=user, channel=channel)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


async def coordinator(engine, demo, user: str = "coord") -> Chat:
    chat = await verified(engine, demo, "관리동-100", user)
    await chat.tap("코디네이터")
    return chat


async def member_of(services, user: str, channel: str = "web"):
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        return await membership_of(uow, await uow.residents.get(account.resident_id))


async def file(services, user: str, channel: str = "web", **new) -> int:
    """File a report for the user's household; returns its id."""
    new.setdefault("category", "leak")
    new.setdefault("where", "home")
    new.setdefault("description", "욕실 천장에서 물이 새요")
    member = await member_of(services, user, channel)
    cfg = services.config.defects
    policy = AckPolicy(cfg.ack_hours, cfg.urgent_ack_hours)
    async with services.uow() as uow:
        report = await file_report(uow, services.clock, member, NewReport(**new), policy)
        await uow.commit()
    return report.id


async def outbox_kinds(services, resident_id: int) -> list[str]:
    """The dedupe keys queued for a resident, oldest first."""
    o = tables.outbox.c
    stmt = select(o.dedupe_key).where(o.resident_id == resident_id).order_by(o.id)
    async with services.uow() as uow:
        return list(await uow.session.scalars(stmt))


def ensure_resident_kinds(services) -> None:
    """If "defect.status"/"defect.comment" are not registered (yet), read them plainly."""
    stand_ins = {
        "defect.status": lambda t, p: Screen(f"{p.report.number} 상태: {p.report.status}"),
        "defect.comment": lambda t, p: Screen(f"{p.report.number} 댓글: {p.text}"),
    }
    for kind, renderer in stand_ins.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer)


def card_button(chat: Chat, title_part: str, label: str = "열기"):
    """The button `label` of the card whose title contains `title_part`."""
    for card in chat.screen.cards:
        if title_part in card.title:
            return next(b for b in card.buttons if b.label == label)
    raise AssertionError(f"no card {title_part!r}: {[c.title for c in chat.screen.cards]}")
