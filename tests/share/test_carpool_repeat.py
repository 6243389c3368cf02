"""카풀 평일마다 반복, on the frozen clock (Wednesday 2026-11-25 10:00 KST): each ride's closing
job posts the next weekday's ride (same time, fresh seats, no requests), skipping the
weekend and public holidays; closing the current ride stops the chain; a one-off ride posts
nothing; a closing job run days late posts the next weekday still ahead."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.scheduler import JobRunner
from storage import tables
from tests.support.jobs import drain
from tests.support.share import post_ride, verified

KST = ZoneInfo("Asia/Seoul")


async def rides(services) -> list[dict]:
    c = tables.share_listings.c
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.share_listings).order_by(c.id))
        return [dict(r) for r in rows.mappings()]


def local(row: dict) -> datetime:
    at = row["departs_at"]
    return (at if at.tzinfo else at.replace(tzinfo=ZoneInfo("UTC"))).astimezone(KST)


async def test_a_weekday_ride_repeats_until_the_driver_closes_it(engine, services, demo, clock):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="내일 오전 8시", seats="3명", repeat=True)
    runner = JobRunner(services, services.jobs)
    clock.advance(hours=22)  # Thursday 08:00: the first ride leaves
    await drain(runner)
    first, second = await rides(services)
    assert first["status"] == "closed" and second["status"] == "open"
    assert local(second) == datetime(2026, 11, 27, 8, 0, tzinfo=KST)  # Friday
    assert second["seats"] == 3 and second["seats_taken"] == 0
    assert (second["origin"], second["destination"]) == ("단지 정문", "동탄역")

    clock.advance(days=1)  # Friday 08:00
    await drain(runner)
    *_, third = await rides(services)
    assert local(third) == datetime(2026, 11, 30, 8, 0, tzinfo=KST)  # Monday, not Saturday

    await kim.say("처음으로")
    for label in ("공유마켓", "내 글", "자세히 보기", "운행 취소"):  # the newest: Monday's
        await kim.tap(label)
    confirm = [label for label in kim.labels if label.startswith("네")]
    if confirm:  # a confirmation, when asked
        await kim.tap(confirm[0])
    clock.advance(days=3)  # Monday 08:00: nothing more
    await drain(runner)
    assert len(await rides(services)) == 3
    assert (await rides(services))[-1]["status"] == "cancelled"


async def test_a_one_off_ride_does_not_repeat(engine, services, demo, clock):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="내일 오전 8시")
    clock.advance(hours=22)
    await drain(JobRunner(services, services.jobs))
    (only,) = await rides(services)
    assert only["status"] == "closed"


async def test_a_late_closing_job_posts_the_next_weekday_still_ahead(
    engine, services, demo, clock
):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="내일 오전 8시", repeat=True)
    clock.advance(days=4, hours=22)  # Monday 08:00: the bot was down since Thursday
    await drain(JobRunner(services, services.jobs))
    first, second = await rides(services)
    assert first["status"] == "closed"
    assert local(second) == datetime(2026, 12, 1, 8, 0, tzinfo=KST)  # Tuesday


async def test_a_paid_repeating_ride_skips_a_public_holiday(engine, services, demo, clock):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="12/24 오전 8시", price="3000", repeat=True)  # a Thursday
    clock.advance(days=28, hours=22)  # Thursday 12/24 08:00: the ride leaves
    await drain(JobRunner(services, services.jobs))
    first, second = await rides(services)
    assert first["status"] == "closed" and second["status"] == "open"
    # Friday 12/25 is 기독탄신일 (paid rides are unlawful then), then the weekend
    assert local(second) == datetime(2026, 12, 28, 8, 0, tzinfo=KST)
    assert second["price"] == 3000 and second["repeats"]
