"""A pacer: messages leave evenly spaced at `rate` a second.

Callers take turns (a FIFO lock); each turn's slot is the previous slot plus `1/rate`, so a
late wake-up (a busy event loop) is not carried into the following slots the way a limiter
that starts each interval when the previous waiter woke up does — that one reached only
0.86 of its rate in bench/broadcast.py. A turn that finds its slot passed by at most
`slack` sends at once (catching up); further behind — the line was idle or the loop stalled
— the timetable restarts from now, so no burst is ever saved up: in any window of w seconds
at most w·rate + slack + 1 messages leave. A pause (the channel answered 429) holds every
slot until it ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Pacer:
    def __init__(
        self, rate: float, *, slack: float = 2.0, clock: Callable[[], float] | None = None
    ) -> None:
        """`slack` is in intervals: how far behind the timetable a turn may catch up."""
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1 / rate
        self.slack = slack * self.interval
        self._clock = clock
        self._lock = asyncio.Lock()
        self._next = 0.0
        self.paused_until = 0.0

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    def pause_until(self, when: float) -> None:
        """No slot before `when` (a reading of the pacer's clock)."""
        self.paused_until = max(self.paused_until, when)

    async def wait(self) -> None:
        """Wait for this caller's slot; returns when it may send."""
        async with self._lock:
            while True:
                now = self._now()
                slot = self._next if self._next >= now - self.slack else now
                slot = max(slot, self.paused_until)
                if slot <= now:
                    self._next = slot + self.interval
                    return
                await asyncio.sleep(slot - now)
