"""Wake-ups for open pages: when a notification is queued for an inbox account (the web chat),
the notifier rings this bell once its transaction has committed, and the page's live stream
(bot/channels/webchat.py) takes the rows from the outbox at once instead of at its next check.

The bell is only a hint inside one process: the outbox table stays the source of truth (a
stream also re-checks it every few seconds, which covers rows queued by another process)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Iterator


def bell_key(channel: str, external_id: str) -> str:
    return f"{channel}:{external_id}"


class InboxBell:
    def __init__(self) -> None:
        self._listeners: dict[str, set[asyncio.Event]] = {}

    @contextlib.contextmanager
    def listen(self, key: str) -> Iterator[asyncio.Event]:
        """An event set whenever `key` is rung while inside the block (clear it before
        looking at the table, so a ring during the look is not missed)."""
        event = asyncio.Event()
        self._listeners.setdefault(key, set()).add(event)
        try:
            yield event
        finally:
            listeners = self._listeners.get(key)
            if listeners is not None:
                listeners.discard(event)
                if not listeners:
                    del self._listeners[key]

    def ring(self, keys: Iterable[str]) -> None:
        for key in keys:
            for event in self._listeners.get(key, ()):
                event.set()

    def ring_all(self) -> None:
        """Wake every listener (shutdown: each stream then sees it must end)."""
        self.ring(self.keys())

    def listening(self, key: str) -> int:
        return len(self._listeners.get(key, ()))

    def keys(self) -> list[str]:
        return list(self._listeners)

    def total(self) -> int:
        """Listeners of every key (open streams in this process)."""
        return sum(map(len, self._listeners.values()))
