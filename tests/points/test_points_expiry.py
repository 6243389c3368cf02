"""Expiry on the frozen clock: points last `[points] valid_years` and expire oldest first (what
was spent used up the oldest credits); residents are warned 60, 30 and 3 days before, once
each; the daily sweep is a scheduled job that core arms and that re-arms itself."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.points.jobs import policy_of
from bot.scheduler import JobRunner
from core.points.expiry import SWEEP_JOB, add_years, sweep
from core.points.use_cases import award_purchase, balance, spend_for_order
from tests.support.coordinator_defects import outbox_kinds
from tests.support.defects import member, verified
from tests.support.jobs import drain, jobs
from tests.support.points import books_are_exact, in_uow


async def earn(services, who, n: int, paid: int) -> None:
    await in_uow(
        services,
        award_purchase,
        order_key=f"order:{n}",
        resident_id=who.resident_id,
        complex_id=who.complex_id,
        paid_won=paid,
    )


async def run_sweep(services, who) -> tuple[int, int]:
    async with services.uow() as uow:
        since = services.clock.now() - timedelta(days=1)
        done = await sweep(
            uow, services.clock, who.complex_id, since=since, policy=policy_of(services.config)
        )
        await uow.commit()
    return done


async def warnings(services, who) -> list[str]:
    return [k for k in await outbox_kinds(services, who.resident_id) if "points:expiry" in k]


async def test_points_expire_oldest_first_after_five_years_with_three_warnings(
    engine, services, demo, clock
):
    await verified(engine, demo["101-1203"], "kim")
    kim = await member(services, "kim")
    start = clock.now()
    await earn(services, kim, 1, 10_000)  # +100
    clock.advance(days=10)
    await in_uow(
        services, spend_for_order, order_key="order:s", resident_id=kim.resident_id, points=30
    )
    clock.advance(days=90)
    await earn(services, kim, 2, 20_000)  # +200, expires 100 days later than the first
    expires = add_years(start, 5)

    for days in (60, 30, 3):
        clock.set(expires - timedelta(days=days, hours=1))
        assert await run_sweep(services, kim) == (0, 0)  # not yet the day
        clock.set(expires - timedelta(days=days) + timedelta(hours=1))
        assert await run_sweep(services, kim) == (0, 1)
        assert await run_sweep(services, kim) == (0, 1)  # a repeat queues nothing new
    day = expires.date().isoformat()  # 01:00 UTC is 10:00 in Korea: the same date
    assert [k.rsplit(":", 1)[0] for k in await warnings(services, kim)] == [
        f"points:expiry:{kim.resident_id}:{day}:{days}" for days in (60, 30, 3)
    ]

    clock.set(expires + timedelta(hours=1))
    assert await run_sweep(services, kim) == (70, 0)  # 100 credited − 30 spent
    assert await run_sweep(services, kim) == (0, 0)
    async with services.uow() as uow:
        assert await balance(uow, kim) == 200
    clock.set(add_years(start + timedelta(days=100), 5) + timedelta(hours=1))
    assert (await run_sweep(services, kim))[0] == 200
    await books_are_exact(services)


async def test_the_daily_sweep_is_armed_by_a_reward_and_re_arms_itself(
    engine, services, demo, clock
):
    await verified(engine, demo["101-1203"], "kim")
    kim = await member(services, "kim")
    await earn(services, kim, 1, 10_000)
    (armed,) = [j for j in await jobs(services) if j["kind"] == SWEEP_JOB]
    assert armed["status"] == "pending" and armed["due_at"] > clock.now()
    clock.set(armed["due_at"] + timedelta(minutes=1))
    await drain(JobRunner(services, services.jobs))
    sweeps = [j for j in await jobs(services) if j["kind"] == SWEEP_JOB]
    assert [j["status"] for j in sweeps] == ["done", "pending"]
    assert sweeps[1]["due_at"] - sweeps[0]["due_at"] == timedelta(days=1)
