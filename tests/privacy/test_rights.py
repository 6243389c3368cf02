"""탈퇴 by a coordinator for a household that moved out (audited, own complex only; listings
and relay chats removed, ledger exact), and the retention job with time from the clock:
relay chats and their messages after `relay_chat_days`, audit details after
`audit_detail_days`, closed reports' photos after `report_photo_days` (files too), nothing
before."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.scheduler import JobRunner
from core.defects.model import Status
from core.errors import Forbidden
from core.points.ledger import check_ledger
from core.privacy.rights import remove_moved_out
from storage import tables
from tests.support.coordinator_defects import file, member_of
from tests.support.coordinator_defects import verified as cd_verified
from tests.support.defects import move, tiny_image
from tests.support.share import member, verified

pytestmark = pytest.mark.both_dbs


async def rows(services, table, *where) -> int:
    async with services.uow() as uow:
        stmt = select(func.count()).select_from(table)
        return int(await uow.session.scalar(stmt.where(*where) if where else stmt))


async def post_and_chat(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.say("처음으로")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "글 올리기", "해드려요"):
        await kim.tap(label)
    await kim.say("아이 돌봐 드려요")
    await kim.tap("평일 낮")
    await kim.tap("우리 단지 안")
    await kim.say("7살 아이")
    await kim.say("10000")
    await kim.tap("건너뛰기")
    await kim.tap("올리기")
    lee = await verified(engine, demo["102-304"], "lee")
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기", "연락하기"):
        await lee.tap(label)
    await lee.say("내일 부탁드려요")
    return kim, lee


async def test_a_coordinator_erases_a_household_that_moved_out(engine, services, demo, clock):
    kim, lee = await post_and_chat(engine, demo)
    kim_id = (await member(services, "kim")).resident_id
    assert await rows(services, tables.share_listings) == 1
    assert await rows(services, tables.share_chats) == 1
    neighbour = await member(services, "lee")
    async with services.uow() as uow:  # a resident may not do it for another household
        with pytest.raises(Forbidden):
            await remove_moved_out(uow, clock, neighbour, "101", "1203", confirmed=True)
    coord = await verified(engine, demo["관리동-100"], "coord")
    await coord.tap("코디네이터")
    while "이사 간 세대 정보 지우기" not in coord.labels:
        await coord.tap("더보기")
    await coord.tap("이사 간 세대 정보 지우기")
    await coord.say("101")
    await coord.say("1203")
    assert "되돌릴 수 없어요" in coord.text
    await coord.tap("네, 지울게요")
    assert "주민 1명의 정보를 지웠어요" in coord.text, coord.text
    accounts = tables.channel_accounts.c
    assert await rows(services, tables.channel_accounts, accounts.resident_id == kim_id) == 0
    assert await rows(services, tables.share_listings) == 0
    assert await rows(services, tables.share_chats) == 0
    audit = tables.audit_log.c
    coord_id = (await member(services, "coord")).resident_id
    assert (
        await rows(
            services,
            tables.audit_log,
            audit.action == "privacy.leave",
            audit.actor_id == coord_id,
        )
        == 1
    )
    async with services.uow() as uow:
        assert await check_ledger(uow) == []


async def test_the_retention_job_deletes_relay_chats_and_audit_details(
    engine, services, demo, clock
):
    await post_and_chat(engine, demo)
    async with services.uow() as uow:
        await uow.privacy.audit(clock.now(), 1, 1, "moved_out household=1 resident=1")
        await uow.commit()
    runner = JobRunner(services, services.jobs)
    outbox = tables.outbox.c
    relay = outbox.dedupe_key.like("share:chat:%")
    assert await rows(services, tables.outbox, relay) == 1
    clock.advance(days=89)
    purged = await runner.maintain()
    assert purged["relay_chats"] == 0 and await rows(services, tables.share_chats) == 1
    clock.advance(days=2)  # 91 days: past relay_chat_days (90)
    purged = await runner.maintain()
    assert purged["relay_chats"] == 1 and purged["relay_messages"] == 1
    assert await rows(services, tables.share_chats) == 0
    assert await rows(services, tables.outbox, relay) == 0
    assert await rows(services, tables.share_listings) == 1  # listings are not chats
    audit = tables.audit_log.c
    assert await rows(services, tables.audit_log, audit.detail != "") >= 1
    clock.advance(days=275)  # 366 days: past audit_detail_days (365)
    purged = await runner.maintain()
    assert purged["audit_details"] >= 1
    assert await rows(services, tables.audit_log, audit.detail != "") == 0
    assert (await runner.maintain())["audit_details"] == 0  # twice: nothing more


async def test_the_retention_job_removes_photos_of_reports_closed_long_ago(
    engine, services, demo, clock
):
    """A closed report keeps its photos for `report_photo_days` (180) after it closed, then
    the report keeps its words and loses the photos, and the files go; an open report's photo,
    though older, stays."""
    await cd_verified(engine, demo, "관리동-100", "coord")
    await cd_verified(engine, demo, "101-1203", "kim")
    closed_photo = await services.media.put(tiny_image(color="blue"), "image/png")
    open_photo = await services.media.put(tiny_image(color="green"), "image/png")
    closed = await file(services, "kim", photos=(closed_photo,))
    still_open = await file(services, "kim", description="문이 안 닫혀요", photos=(open_photo,))
    coord = await member_of(services, "coord")
    await move(services, coord, closed, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE)
    runner = JobRunner(services, services.jobs)
    path = services.media.resolve(services.media.name(closed_photo))
    assert path is not None and path.exists()
    clock.advance(days=179)
    assert (await runner.maintain())["report_photos"] == 0
    clock.advance(days=2)  # 181 days after it closed
    assert (await runner.maintain())["report_photos"] == 1
    async with services.uow() as uow:
        assert list((await uow.defects.get(closed)).photos) == []
        assert (await uow.defects.get(closed)).description  # the words stay
        assert list((await uow.defects.get(still_open)).photos) == [open_photo]
    assert not path.exists()
    kept = services.media.resolve(services.media.name(open_photo))
    assert kept is not None and kept.exists()
    assert (await runner.maintain())["report_photos"] == 0  # twice: nothing more
