"""A pacer: messages leave evenly spaced at `rate` a second, and never more than `rate`
in any `window` seconds as the channel may count them.

Timetable: callers take turns (a FIFO lock); each turn's slot is the previous slot plus
`1/rate`, so a late wake-up (a busy event loop) is not carried into the following slots
the way a limiter that starts each interval when the previous waiter woke up does (that
one reached only 0.86 of its rate in bench/broadcast.py). A turn that finds its slot
passed by at most `slack` intervals sends at once, catching up; further behind — the line
was idle — the timetable restarts from now, so nothing is saved up.

Window guard: the channel counts a message when it arrives, which may be later than we
released it (a stalled loop, a slow network), so catching up could squeeze more than
`rate` into its window. The guard counts every message still in flight or answered within
the last `window` seconds — a superset of what the channel can have counted — and waits
while that reaches `rate`·`window`.

A pause (the channel answered 429) holds every slot until it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator, Callable


class Pacer:
    def __init__(
        self,
        rate: float,
        *,
        slack: float = 4.0,
        window: float = 1.0,
        clock: Callable[[], float] | None = None,
    ) -> None:
        """`slack` is in intervals: how far behind the timetable a turn may catch up."""
        if rate <= 0 or window <= 0:
            raise ValueError("rate and window must be positive")
        self.interval = 1 / rate
        self.slack = slack * self.interval
        self.window = window
        self.cap = max(1, int(rate * window))
        self._clock = clock
        self._lock = asyncio.Lock()
        self._next = 0.0
        self._in_flight = 0
        self._answered: deque[float] = deque()  # when recent messages were answered
        self.paused_until = 0.0

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    def pause_until(self, when: float) -> None:
        """No slot before `when` (a reading of the pacer's clock)."""
        self.paused_until = max(self.paused_until, when)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Wait for a slot, then send inside the block (its end = the channel answered)."""
        await self._take()
        try:
            yield
        finally:
            self._in_flight -= 1
            self._answered.append(self._now())

    def _counted(self, now: float) -> int:
        while self._answered and self._answered[0] <= now - self.window:
            self._answered.popleft()
        return self._in_flight + len(self._answered)

    async def _take(self) -> None:
        async with self._lock:
            while True:
                now = self._now()
                if self._counted(now) >= self.cap:  # the guard: wait for the oldest to age
                    oldest = self._answered[0] + self.window if self._answered else now
                    await asyncio.sleep(max(oldest - now, self.interval / 4))
                    continue
                slot = self._next if self._next >= now - self.slack else now
                slot = max(slot, self.paused_until)
                if slot <= now:
                    self._next = slot + self.interval
                    self._in_flight += 1
                    return
                await asyncio.sleep(slot - now)
