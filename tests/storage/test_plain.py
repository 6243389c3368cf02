"""Mapped objects built from plain rows (storage/plain.py) equal what the ORM loads, on SQLite
and PostgreSQL: every column with its conversion (UTC datetimes, booleans, JSON text). The
engine's unit of work reads 공지사항 that way without opening a session; the notice it hands
out is held like a loaded object (a change to it is written), and the read is recorded once."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.identity.model import ChannelAccount, Resident
from core.notices.model import Notice, NoticeStatus
from storage import tables
from storage.lean_uow import LeanUnitOfWork

pytestmark = pytest.mark.both_dbs

SENT = datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=UTC)


async def _notice(services, **kw) -> int:
    async with services.uow() as uow:
        author = await uow.session.scalar(select(tables.residents.c.id).limit(1))
        if author is None:
            author = (await uow.residents.add(Resident(created_at=SENT))).id
            await uow.commit()
    values = {
        "complex_id": 1,
        "author_id": author,
        "text": "물탱크 청소로 단수됩니다",
        "created_at": SENT - timedelta(hours=1),
        "send_at": SENT,
        "urgent": True,
        "buildings": [],
        "status": NoticeStatus.SENT.value,
        "sent_at": SENT,
        "recipients": 3,
    } | kw
    async with services.uow() as uow:
        notice = await uow.notices.add(Notice(**values))
        await uow.commit()
        return notice.id


def _fields(item) -> dict:
    return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}


async def test_a_plain_notice_equals_the_orm_one(services, demo, monkeypatch):
    await _notice(services, send_at=SENT - timedelta(days=1), text="지난 공지")
    targeted = await _notice(services, buildings=["101", "102"], pinned=False)
    await _notice(services, buildings=["103"], send_at=SENT + timedelta(days=1))  # not 101동
    async with services.uow() as uow:
        orm = await uow.session.get(Notice, targeted)
        expected = _fields(orm)
    opened = []
    real = LeanUnitOfWork.session
    monkeypatch.setattr(
        LeanUnitOfWork, "session", property(lambda s: opened.append(1) or real.fget(s))
    )
    async with services.uow.lean() as uow:
        plain = await uow.notices.newest_visible(1, "101")
        assert opened == []  # no session
        assert _fields(plain) == expected
        assert plain.send_at.tzinfo is not None and plain.urgent is True
        assert plain.buildings == ["101", "102"]
        assert await uow.notices.newest_visible(1, "104") is not None  # the whole complex
        assert (await uow.notices.newest_visible(1, "104")).text == "지난 공지"
        assert await uow.notices.newest_visible(2, "101") is None  # another complex
        assert await uow.notices.mark_read(targeted, 1, 1, SENT) is True
        assert await uow.notices.mark_read(targeted, 1, 1, SENT) is False  # once
        assert opened == []
        await uow.commit()
    async with services.uow() as uow:
        assert await uow.notices.read_count(targeted) == 1


async def test_a_change_to_a_plain_notice_is_written(services, demo):
    notice_id = await _notice(services)
    async with services.uow.lean() as uow:
        notice = await uow.notices.newest_visible(1, "101")
        notice.pinned = True
        await uow.commit()
    async with services.uow() as uow:
        row = await uow.session.execute(
            select(tables.notices.c.pinned).where(tables.notices.c.id == notice_id)
        )
        assert row.scalar() is True


async def test_an_open_session_reads_through_the_orm(services, demo):
    notice_id = await _notice(services)
    async with services.uow.lean() as uow:
        orm = await uow.session.get(Notice, notice_id)  # the session is open now
        assert await uow.notices.newest_visible(1, "101") is orm  # one object per row


async def test_identity_objects_equal_the_orm_ones(services, engine):
    from tests.support.chat import Chat

    await Chat(engine, user="plain").say("안녕하세요")
    async with services.uow.lean() as uow:
        account, resident, _grants = await uow.engine_store.identity("web", "plain")
        got = (_fields(account), _fields(resident))
    async with services.uow() as uow:
        orm_account = await uow.session.get(ChannelAccount, account.id)
        orm_resident = await uow.session.get(Resident, resident.id)
        assert got == (_fields(orm_account), _fields(orm_resident))
