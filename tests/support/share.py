"""Helpers for 공유마켓 tests: post a carpool through the dialog, read listings and requests,
and the outbox rows (kinds and texts) a resident was sent."""

from __future__ import annotations

from sqlalchemy import select

from storage import tables
from tests.support.defects import member, verified

__all__ = ["member", "verified"]


async def post_ride(
    chat, when: str = "내일 오전 8시", seats: str = "3명", price: str = "", repeat: bool = False
):
    await chat.say("처음으로")
    await chat.tap("공유마켓")
    await chat.tap("카풀")
    await chat.tap("글 올리기")
    if "새로 쓰기" in chat.labels:  # a draft left by an earlier attempt
        await chat.tap("새로 쓰기")
    await chat.tap("태워 드려요 (해드려요)")
    if "직접 고르기" in chat.labels:  # the quick picks of a resident who posted before
        await chat.tap("직접 고르기")
    await chat.tap("단지 정문")
    await chat.tap("동탄역")
    await chat.say(when)
    await chat.tap(seats)
    if price:
        await chat.tap("기름값 나누기")
        await chat.say(price)
    else:
        await chat.tap("무료")
    await chat.tap("평일마다 반복" if repeat else "한 번만")
    await chat.tap("건너뛰기")
    assert "이대로 올릴까요?" in chat.text, chat.text
    await chat.tap("올리기")
    assert "카풀을 올렸어요" in chat.text, chat.text


async def outbox_texts(services, resident_id: int) -> list[str]:
    o = tables.outbox.c
    stmt = select(o.payload).where(o.resident_id == resident_id).order_by(o.id)
    async with services.uow() as uow:
        rows = list(await uow.session.scalars(stmt))
    return [p[0]["text"] for p in rows]


async def listing_row(services, listing_id: int = 1) -> dict:
    async with services.uow() as uow:
        stmt = select(tables.share_listings).where(tables.share_listings.c.id == listing_id)
        return dict((await uow.session.execute(stmt)).mappings().one())


async def request_rows(services) -> list[dict]:
    async with services.uow() as uow:
        stmt = select(tables.share_ride_requests).order_by(tables.share_ride_requests.c.id)
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def notice_token(services, resident_id: int, label: str) -> str:
    """The token of a button in the newest notification to the resident (what a Telegram
    resident would tap on the pushed message)."""
    o = tables.outbox.c
    stmt = select(o.payload).where(o.resident_id == resident_id).order_by(o.id.desc())
    async with services.uow() as uow:
        for payload in await uow.session.scalars(stmt):
            for button in payload[0]["buttons"]:
                if button["label"] == label:
                    return button["token"]
    raise AssertionError(f"no notification with a {label!r} button")
