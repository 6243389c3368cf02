"""Outcomes are recorded in groups as they come in (a deliverer's `record_every`): when the
sender dies mid-batch, the groups already delivered stay sent, and only the unrecorded
group is claimed again after the lease."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter

from bot.outbox.sender import Outcome
from tests.reliability.outbox_helpers import (
    add_people,
    notify_many,
    outbox_rows,
    telegram_channel,
    telegram_sender,
)


class StallsOn:
    """Delivers through the real deliverer, but hangs (the process dies) on one chat."""

    def __init__(self, real, chat: str) -> None:
        self.real = real
        self.chat = chat
        self.record_every = 2
        self.reached = asyncio.Event()

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        if any(r["address"] == self.chat for r in rows):
            await self.real.deliver([r for r in rows if r["address"] != self.chat])
            self.reached.set()
            await asyncio.Event().wait()  # killed here
        return await self.real.deliver(rows)


async def test_a_crash_mid_batch_repeats_only_the_unrecorded_group(services, engine, clock):
    chats = list(range(7101, 7107))
    people = await add_people(services, "telegram", chats)
    await notify_many(services, [(people[str(c)], f"소식 {c}", f"group:{c}") for c in chats])
    async with telegram_channel(engine) as (fake, channel):
        first = telegram_sender(services, channel, batch=6)
        stall = StallsOn(first.deliverers["telegram"], "7105")
        first.deliverers = {"telegram": stall}
        task = asyncio.create_task(first.tick())
        await stall.reached.wait()
        await asyncio.sleep(0.3)  # the groups 7101-7102 and 7103-7104 record their outcomes
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        rows = await outbox_rows(services)
        assert [r["status"] for r in rows] == ["sent"] * 4 + ["sending"] * 2

        clock.advance(seconds=services.config.outbox.lease_seconds + 1)
        second = telegram_sender(services, channel)
        assert await second.tick() == 2
    per_chat = Counter(p["chat_id"] for _, p, _ in fake.sent)
    assert per_chat == {7101: 1, 7102: 1, 7103: 1, 7104: 1, 7105: 1, 7106: 2}
    assert {r["status"] for r in await outbox_rows(services)} == {"sent"}


async def test_a_row_whose_lease_ran_out_in_line_is_not_sent_then_sent_once(
    services, engine, clock
):
    """A stalled sender must not send rows another sender may have claimed since: past the
    deadline set at the claim, the row is skipped and nothing is recorded."""
    chats = [7201, 7202]
    people = await add_people(services, "telegram", chats)
    await notify_many(services, [(people[str(c)], f"소식 {c}", f"lease:{c}") for c in chats])
    async with telegram_channel(engine) as (fake, channel):
        stalled = telegram_sender(services, channel)
        stalled.lease = 0  # the deadline has passed by the time each row's turn comes
        assert await stalled.tick() == 2
        assert fake.sent == []
        assert {r["status"] for r in await outbox_rows(services)} == {"sending"}

        clock.advance(seconds=services.config.outbox.lease_seconds + 1)
        assert await telegram_sender(services, channel).tick() == 2
    assert Counter(p["chat_id"] for _, p, _ in fake.sent) == {7201: 1, 7202: 1}
    assert {r["status"] for r in await outbox_rows(services)} == {"sent"}
