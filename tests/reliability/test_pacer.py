"""The outbox pacer (bot/outbox/pacer.py): evenly spaced slots at the configured rate, a
late wake-up caught up only within its slack, and a 429 pause holding every slot."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.outbox.pacer import Pacer


async def _send_times(pacer: Pacer, n: int, *, stall_at: int | None = None) -> list[float]:
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def one(i: int) -> None:
        await pacer.wait()
        times.append(loop.time())
        if i == stall_at:
            time.sleep(0.1)  # noqa: ASYNC251  (a blocked event loop: later slots wake up late)

    await asyncio.gather(*(one(i) for i in range(n)))
    return sorted(times)


async def test_slots_are_evenly_spaced_at_the_rate():
    times = await _send_times(Pacer(200.0), 101)
    achieved = 100 / (times[-1] - times[0])
    assert 190 <= achieved <= 201  # not slower than the rate, never faster
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.005 - 0.001 - 2 * 0.005  # at most the slack of two slots early


async def test_a_stalled_loop_catches_up_only_its_slack():
    pacer = Pacer(100.0, slack=2.0)
    times = await _send_times(pacer, 40, stall_at=10)
    after = [t for t in times if t >= times[10] + 0.1]
    burst = [t for t in after if t < after[0] + 0.005]
    assert len(burst) <= 3  # the stall's 10 missed slots are not sent at once
    achieved = 39 / (times[-1] - times[0])
    assert achieved <= 100.5


async def test_a_pause_holds_every_slot_until_it_ends():
    pacer = Pacer(1000.0)
    loop = asyncio.get_running_loop()
    await pacer.wait()
    pacer.pause_until(loop.time() + 0.2)
    start = loop.time()
    times = await _send_times(pacer, 5)
    assert min(times) - start >= 0.2 - 0.002


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError):
        Pacer(0)
