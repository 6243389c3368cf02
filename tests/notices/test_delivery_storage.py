"""The delivery report's two queries on SQLite and PostgreSQL: a broadcast's outbox rows
grouped by channel, mode, status and whether the resident read the notice; and, per 동, the
households nothing reached by a given time (no row sent, nobody read it), in one complex."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from core.notices.broadcast import NewNotice, create_notice
from core.notices.model import UnreachedBuilding
from storage import tables
from tests.support.complex_life import member_of, run_jobs, verified

pytestmark = pytest.mark.both_dbs


async def _set(services, user: str, **values) -> None:
    o = tables.outbox.c
    async with services.uow() as uow:
        account = await uow.accounts.find("web", user)
        await uow.session.execute(
            update(tables.outbox).where(o.account_id == account.id).values(**values)
        )
        await uow.commit()


async def test_delivery_rows_and_unreached_households(services, engine, demo, clock):
    await verified(engine, demo, "관리동-100", "coord")
    for key, user in (("101-1203", "kim"), ("102-304", "lee"), ("103-1501", "park")):
        await verified(engine, demo, key, user)
    coord = await member_of(services, "coord")
    async with services.uow() as uow:
        notice = await create_notice(uow, clock, coord, NewNotice("내일 단수가 있어요."))
        await uow.commit()
    await run_jobs(services)
    await _set(services, "kim", channel="kakao")  # KakaoTalk without the Event API: waits
    await _set(services, "lee", channel="telegram", mode="push", status="sent")
    await _set(services, "park", channel="telegram", mode="push", status="blocked")
    async with services.uow() as uow:  # the coordinator's own row: read
        await uow.notices.mark_read(notice.id, coord.resident_id, coord.complex_id, clock.now())
        await uow.commit()

    async with services.uow() as uow:
        rows = await uow.notices.delivery_rows(notice.batch, notice.id)
        assert sorted(rows) == [
            ("kakao", "inbox", "pending", False, 1),
            ("telegram", "push", "blocked", False, 1),
            ("telegram", "push", "sent", False, 1),
            ("web", "inbox", "pending", True, 1),
        ]
        assert await uow.notices.delivery_rows("notice:999", notice.id) == []

        now = clock.now()
        unreached = await uow.notices.unreached(coord.complex_id, notice.batch, notice.id, now)
        assert unreached == [UnreachedBuilding("101", 1), UnreachedBuilding("103", 1)]
        earlier = now - timedelta(hours=1)  # queued after that: not counted yet
        assert (
            await uow.notices.unreached(coord.complex_id, notice.batch, notice.id, earlier) == []
        )
        assert await uow.notices.unreached(999, notice.batch, notice.id, now) == []
