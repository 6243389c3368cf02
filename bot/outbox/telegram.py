"""Delivering outbox rows to Telegram within its limits: about 30 messages a second per bot
(configurable, default 25 for headroom) and one a second per chat, with 429 honoured.

The global limit is a pacer (bot/outbox/pacer.py: messages leave evenly spaced on a fixed
timetable, no burst); the per-chat
spacing is waited for before taking a global slot, so a slow chat never holds one. A chat
whose next slot is further away than `MAX_CHAT_WAIT` gives its row back to be retried later,
so a batch never outlives its lease.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from bot.channels.base import RetryAfter
from bot.outbox.pacer import Pacer
from bot.outbox.sender import LeaseLost, Outcome, deliver_each, lease_lost
from bot.screens import screen_from_dict

MAX_CHATS_TRACKED = 10_000
MAX_CHAT_WAIT = 10.0


class _ChatSlot:
    __slots__ = ("lock", "next_at")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.next_at = 0.0


class TelegramDeliverer:
    record_every = 20  # a crash repeats at most this many sent-but-unrecorded rows
    exclusive = True  # ~30/s per bot, not per process: one designated sender paces it

    def __init__(self, channel, *, rate: float, per_chat: float) -> None:
        self.channel = channel  # bot.channels.telegram.TelegramChannel
        self.pacer = Pacer(rate)
        self.chat_gap = 1 / per_chat
        self._chats: OrderedDict[str, _ChatSlot] = OrderedDict()
        self.sent = 0

    def _slot(self, chat: str) -> _ChatSlot:
        slot = self._chats.pop(chat, None) or _ChatSlot()
        self._chats[chat] = slot
        while len(self._chats) > MAX_CHATS_TRACKED:  # bounded memory for huge broadcasts
            self._chats.popitem(last=False)
        return slot

    async def _send(self, row: dict) -> None:
        loop = asyncio.get_running_loop()
        screens = [screen_from_dict(s) for s in row["payload"]]
        if lease_lost(row):  # a stalled process: the row may belong to another sender now
            raise LeaseLost()
        slot = self._slot(row["address"])
        async with slot.lock:
            wait = slot.next_at - loop.time()
            if wait > MAX_CHAT_WAIT:
                raise RetryAfter(wait)  # back to the table; the lease is not held meanwhile
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                async with self.pacer.slot():  # after a 429 everyone waits out the pause
                    if lease_lost(row):  # waited too long in line: not ours to send now
                        raise LeaseLost()
                    await self.channel.push(int(row["address"]), screens)
            except RetryAfter as exc:
                self.pacer.pause_until(loop.time() + exc.seconds)
                raise
            finally:
                slot.next_at = loop.time() + self.chat_gap
        self.sent += 1

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        return await deliver_each(rows, self._send)
