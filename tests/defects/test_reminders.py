"""The "defect.ack" job on the frozen clock: a report nobody acknowledged reminds the
complex's coordinators once, when due (24 h, urgent 2 h), through the scheduler's runner; an
acknowledged report reminds nobody; a late, repeated or re-armed firing sends nothing more."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.scheduler import JobContext, JobRunner
from core.defects.handling import change_status
from core.defects.model import Status
from storage import tables
from tests.support.coordinator_defects import (
    coordinator,
    ensure_resident_kinds,
    file,
    member_of,
    outbox_kinds,
    verified,
)
from tests.support.jobs import drain, job


@pytest.fixture
async def setup(engine, services, demo):
    ensure_resident_kinds(services)
    await verified(engine, demo, "101-1203", "kim")
    coord = await coordinator(engine, demo)
    return coord, JobRunner(services, services.jobs)


async def reminders(services) -> list[str]:
    coord = await member_of(services, "coord")
    return [k for k in await outbox_kinds(services, coord.resident_id) if "ack-reminder" in k]


@pytest.mark.parametrize(("urgent", "hours"), [(False, 24), (True, 2)])
async def test_an_unacknowledged_report_reminds_once_when_due(
    services, clock, setup, urgent, hours
):
    _, runner = setup
    report_id = await file(services, "kim", urgent=urgent)
    clock.advance(hours=hours, seconds=-1)
    await drain(runner)
    assert await reminders(services) == []
    clock.advance(seconds=2)
    await drain(runner)
    (key,) = await reminders(services)
    assert key.startswith(f"defect:{report_id}:ack-reminder:0:")
    assert (await job(services, "defect.ack", str(report_id)))["status"] == "done"
    clock.advance(hours=48)  # later ticks, and arming the done job again, change nothing
    async with services.uow() as uow:
        assert not await uow.jobs.at("defect.ack", str(report_id), clock.now())
        await uow.commit()
    await drain(runner)
    assert len(await reminders(services)) == 1


async def test_an_acknowledged_report_reminds_nobody(services, clock, setup):
    _, runner = setup
    report_id = await file(services, "kim")
    coord = await member_of(services, "coord")
    async with services.uow() as uow:
        await change_status(uow, clock, coord, report_id, Status.ACKNOWLEDGED)
        await uow.commit()
    clock.advance(hours=25)
    await drain(runner)
    assert await reminders(services) == []
    assert (await job(services, "defect.ack", str(report_id)))["status"] == "done"


async def test_a_late_or_repeated_firing_sends_nothing_more(services, clock, setup):
    _, runner = setup
    report_id = await file(services, "kim")
    clock.advance(days=3)  # the process was down: the job runs late, once
    await drain(runner)
    assert len(await reminders(services)) == 1
    handler = services.jobs.get("defect.ack")
    row = await job(services, "defect.ack", str(report_id))
    async with services.uow() as uow:  # the same job body run again (e.g. a second scheduler)
        await handler(JobContext(uow=uow, services=services, job=row, now=clock.now()))
        await uow.commit()
    assert len(await reminders(services)) == 1


async def test_the_reminder_opens_the_report_for_the_coordinator(services, clock, setup):
    coord_chat, runner = setup
    await file(services, "kim", category="electric", where="common", place="지하주차장")
    clock.advance(hours=25)
    await drain(runner)
    await coord_chat.say("처음으로")  # the web chat's inbox hands the reminder over
    assert coord_chat.reply.screens[0].buttons[0].label == "신고 열기"  # with its button
    assert "[확인 알림]" in coord_chat.text and "함께 쓰는 곳: 지하주차장" in coord_chat.text
    assert "1203" not in coord_chat.text
    async with services.uow() as uow:  # what a Telegram coordinator gets: a button to open it
        payload = await uow.session.scalar(select(tables.outbox.c.payload))
    (button,) = payload[0]["buttons"]
    assert button["label"] == "신고 열기" and button["action"] is None
    await coord_chat.tap_token(button["token"])
    assert "[고장 신고] D-2026-000001" in coord_chat.text and "101동 1203호" in coord_chat.text
