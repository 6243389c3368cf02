"""Delivering outbox rows to Telegram within its limits: about 30 messages a second per bot
(configurable, default 25 for headroom) and one a second per chat, with 429 honoured."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from aiolimiter import AsyncLimiter

from bot.channels.base import RetryAfter
from bot.outbox.sender import Outcome, deliver_each
from bot.screens import screen_from_dict

MAX_CHAT_LIMITERS = 10_000


class TelegramDeliverer:
    def __init__(self, channel, *, rate: float, per_chat: float, loop_time=None) -> None:
        self.channel = channel  # bot.channels.telegram.TelegramChannel
        self.limiter = AsyncLimiter(max(rate, 1), 1) if rate >= 1 else AsyncLimiter(1, 1 / rate)
        self.per_chat = per_chat
        self._chats: OrderedDict[str, AsyncLimiter] = OrderedDict()
        self._paused_until = 0.0
        self.sent = 0

    def _chat_limiter(self, chat: str) -> AsyncLimiter:
        limiter = self._chats.pop(chat, None) or AsyncLimiter(1, 1 / self.per_chat)
        self._chats[chat] = limiter
        while len(self._chats) > MAX_CHAT_LIMITERS:  # bounded memory for huge broadcasts
            self._chats.popitem(last=False)
        return limiter

    async def _send(self, row: dict) -> None:
        loop = asyncio.get_running_loop()
        screens = [screen_from_dict(s) for s in row["payload"]]
        async with self._chat_limiter(row["address"]):
            pause = self._paused_until - loop.time()  # the channel said 429: everyone waits
            if pause > 0:
                await asyncio.sleep(pause)
            async with self.limiter:
                try:
                    await self.channel.push(int(row["address"]), screens)
                except RetryAfter as exc:
                    self._paused_until = max(self._paused_until, loop.time() + exc.seconds)
                    raise
        self.sent += 1

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        return await deliver_each(rows, self._send)
