"""Defect 8: photos written at upload stayed when the dialog went back or was abandoned, and
every first message created resident/account/conversation rows that were never purged. A
daily job (a scheduled row, claimed once) now deletes photo files no row refers to (older
than `purge.orphan_photo_hours`) and residents never verified and idle for
`purge.unverified_days`, with their accounts, conversations and tokens. Residents with a
household, or with anything else to their name (a help request, a role), stay."""

from __future__ import annotations

import os
import time

from sqlalchemy import func, select

from bot.housekeeping import PURGE_JOB, arm_purge
from bot.scheduler import JobRunner
from storage import tables
from tests.support.chat import Chat
from tests.support.defects import member, reports_of, tiny_image, verified


async def _count(services, table) -> int:
    async with services.uow() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(table)))


async def _run_purge(services, clock) -> None:
    async with services.uow() as uow:
        await arm_purge(uow, services)
        await uow.commit()
    clock.advance(days=1)  # the job is due at the next night
    runner = JobRunner(services, services.jobs)
    assert await runner.tick() >= 1
    assert runner.stats["done"] >= 1, runner.stats


def _age(services, media_id: str, hours: float) -> None:
    path = services.media.resolve(services.media.name(media_id))
    old = time.time() - hours * 3600
    os.utime(path, (old, old))


async def test_the_daily_purge_drops_strangers_and_orphaned_photos(engine, services, clock, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    for n in range(3):  # first messages only: never verified
        await Chat(engine, user=f"stranger-{n}").say("안녕")
    # kim files a report with a photo, then starts another and abandons it after the photo
    await kim.say("처음으로")
    for label in ("우리단지", "고장 신고", "누수"):
        await kim.tap(label)
    await kim.photo(tiny_image("PNG", "blue"), "image/png")
    await kim.tap("다 보냈어요")
    await kim.tap("건너뛰기")
    await kim.tap("우리 집")
    await kim.tap("보통")
    await kim.tap("접수")
    (report,) = await reports_of(services, (await member(services, "kim")).household_id)
    kept = report.photos[0]
    await kim.say("처음으로")
    for label in ("우리단지", "고장 신고", "누수"):
        await kim.tap(label)
    await kim.photo(tiny_image("PNG", "green"), "image/png")
    await kim.say("처음으로")  # abandoned: the photo is on disk, no row refers to it
    orphan = [p for p in _media(services) if p != kept]
    assert len(orphan) == 1
    for media_id in (kept, orphan[0]):
        _age(services, media_id, 72)
    clock.advance(days=40)
    await Chat(engine, user="stranger-today").say("안녕")  # unverified but active: stays
    before = await _count(services, tables.residents)
    await _run_purge(services, clock)
    assert await _count(services, tables.residents) == before - 3
    async with services.uow() as uow:
        for n in range(3):
            assert await uow.accounts.find("web", f"stranger-{n}") is None
        assert await uow.accounts.find("web", "stranger-today") is not None
        assert await uow.accounts.find("web", "kim") is not None
    assert _media(services) == [kept]


def _media(services) -> list[str]:
    return sorted(p.name for p in services.media.root.glob("*/*") if not p.suffix)


async def test_the_purge_is_one_row_claimed_once_and_rearmed(services, clock):
    async with services.uow() as uow:
        assert await arm_purge(uow, services)
        await arm_purge(uow, services)  # again (another process starting): the same row
        await uow.commit()
    clock.advance(days=1)
    first, second = JobRunner(services, services.jobs), JobRunner(services, services.jobs)
    await first.tick()
    await second.tick()
    assert first.stats["done"] + second.stats["done"] == 1
    async with services.uow() as uow:
        rows = (
            await uow.session.execute(
                select(tables.scheduled_jobs.c.status).where(
                    tables.scheduled_jobs.c.kind == PURGE_JOB
                )
            )
        ).scalars()
        assert sorted(rows) == ["done", "pending"]  # tomorrow's is armed
