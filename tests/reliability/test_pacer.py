"""The outbox pacer (bot/outbox/pacer.py): evenly spaced slots at the configured rate, a
late wake-up caught up only within its slack, never more than the rate in a window even
when answers are slow, and a 429 pause holding every slot."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.outbox.pacer import Pacer


async def _send_times(
    pacer: Pacer, n: int, *, stall_at: int | None = None, answer_in: float = 0.0
) -> list[float]:
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def one(i: int) -> None:
        async with pacer.slot():
            times.append(loop.time())
            if answer_in:
                await asyncio.sleep(answer_in)  # the channel takes this long to answer
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
    async with pacer.slot():
        pass
    pacer.pause_until(loop.time() + 0.2)
    start = loop.time()
    times = await _send_times(pacer, 5)
    assert min(times) - start >= 0.2 - 0.002


async def test_slow_answers_never_squeeze_more_than_the_rate_into_a_window():
    """Catching up is generous (slack 50 slots), but a message counts until it is answered
    plus the window: at 100/s with a 0.1 s window, at most 10 in any 0.1 s."""
    pacer = Pacer(100.0, slack=50.0, window=0.1)
    times = await _send_times(pacer, 60, stall_at=5, answer_in=0.03)
    busiest = max(sum(1 for u in times if s <= u < s + 0.1) for s in times)
    assert busiest <= 10


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError):
        Pacer(0)
