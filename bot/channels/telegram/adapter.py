"""The Telegram channel adapter: updates in (webhook or polling), Screens out.

An update becomes an `Inbound` (`update_to_inbound`), the engine handles it inside its unit
of work, and the `Reply` is rendered by `telegram_render` and sent, or edited into the message
whose button was tapped. Delivery is at-least-once: the webhook answers 200 and the poller
advances its offset only after the engine has handled an update, and the engine de-duplicates
by `delivery_key` (`tg:<update_id>`). Logs carry update ids and error classes, never text.
The caller owns the `telegram.Bot` lifecycle (`async with bot:`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any

from aiohttp import web
from telegram import Bot, BotCommand, CallbackQuery, Message, Update
from telegram import error as tg

from bot.channels import base, safe_json
from bot.channels.telegram.inbound import update_to_inbound
from bot.channels.telegram.render import EMPTY_TEXT, render_screen
from bot.screens import Reply, Screen

ALLOWED_UPDATES = ("message", "callback_query")
COMMANDS = {
    "start": "시작하기",
    "menu": "처음 메뉴",
    "help": "도움말",
    "cancel": "지금 하던 일 취소",
}
MAX_BODY = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ERROR_ANSWER = "잠시 후 다시 눌러 주세요."
MAX_REPLY_WAIT = 5.0  # a 429 while replying: wait this long at most, once
MAX_BACKOFF = 60.0
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _retry_seconds(exc: tg.RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that retry_after becomes a timedelta
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def delivery_error(exc: tg.TelegramError) -> base.DeliveryError:
    """Map a python-telegram-bot error to the channel-neutral delivery errors."""
    if isinstance(exc, tg.RetryAfter):
        return base.RetryAfter(_retry_seconds(exc))
    if isinstance(exc, tg.Forbidden | tg.ChatMigrated):
        return base.Unreachable(str(exc))
    if isinstance(exc, tg.BadRequest):  # a NetworkError subclass: check it first
        gone = "chat not found" in str(exc).lower()
        return base.Unreachable(str(exc)) if gone else base.DeliveryError(str(exc))
    if isinstance(exc, tg.NetworkError | tg.InvalidToken):  # incl. TimedOut and 5xx
        return base.TransientError(str(exc))
    return base.DeliveryError(str(exc))


def _editable(query: CallbackQuery | None) -> Message | None:
    """The tapped message when it is plain text with buttons (so it can be edited in place)."""
    held = query.message if query else None
    if isinstance(held, Message) and held.text and held.reply_markup:
        return held
    return None


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


class TelegramChannel:
    """Feeds Telegram updates to the engine and shows its replies; pushes outbox screens."""

    def __init__(
        self,
        bot: Bot,
        engine: base.Engine,
        *,
        max_photo_bytes: int = 10 * 1024 * 1024,
        logger: logging.Logger | None = None,
    ) -> None:
        self._bot = bot
        self._engine = engine
        self._max_photo_bytes = max_photo_bytes
        self._log = logger or logging.getLogger(__name__)
        self._delay = 0.0  # the polling backoff

    async def process_update(self, data: dict[str, Any]) -> None:
        """Handle one update (a decoded JSON object); never raises for a bad update."""
        try:
            update = Update.de_json(safe_json.scrub(data), self._bot)
        except Exception as exc:  # a shape PTB cannot read: one line, no traceback
            reason = type(exc).__name__
            self._log.warning("telegram: unparsable update %s: %s", data.get("update_id"), reason)
            return
        await self.handle_update(update)

    async def handle_update(self, update: Update) -> None:
        """Parse, ask the engine, answer the tap, show the reply; errors are logged, not raised."""
        query, reply, failed = update.callback_query, None, False
        try:
            inbound = await update_to_inbound(
                update, self._bot, max_photo_bytes=self._max_photo_bytes
            )
        except Exception as exc:  # a shape PTB let through half-read: one line, no traceback
            self._log.warning(
                "telegram: unreadable update %s: %s", update.update_id, type(exc).__name__
            )
            inbound, failed = None, True
        try:
            if inbound is not None:
                reply = await self._engine.handle(inbound)
        except Exception:
            failed = True
            self._log.exception("telegram: update %s failed", update.update_id)
        if query is not None:
            await self._answer(query, ERROR_ANSWER if failed else None)
        if reply is not None and not reply.duplicate:
            try:
                await self._deliver(update, reply)
            except Exception as exc:
                self._log.warning(
                    "telegram: reply to update %s not delivered: %s",
                    update.update_id,
                    type(exc).__name__,
                )

    async def _answer(self, query: CallbackQuery, text: str | None) -> None:
        try:
            await self._bot.answer_callback_query(query.id, text=text)
        except tg.TelegramError as exc:  # e.g. "query is too old": nothing left to do
            self._log.info("telegram: callback answer failed: %s", type(exc).__name__)

    async def _deliver(self, update: Update, reply: Reply) -> None:
        messages = [m for screen in reply.screens for m in render_screen(screen)]
        target = _editable(update.callback_query)
        single = len(reply.screens) == 1 and len(messages) == 1 and "text" in messages[0]
        if target is not None and single and await self._edit(target, messages[0]):
            return
        chat_id = update.effective_chat.id if update.effective_chat else None
        for kwargs in messages if chat_id is not None else ():
            await self._send_reply(chat_id, kwargs)

    async def _edit(self, target: Message, kwargs: dict[str, Any]) -> bool:
        try:
            await self._bot.edit_message_text(
                chat_id=target.chat.id, message_id=target.message_id, **kwargs
            )
        except tg.BadRequest as exc:
            if "not modified" in str(exc).lower():
                return True
            self._log.info("telegram: edit failed, sending instead: %s", type(exc).__name__)
            return False
        return True

    async def _send_reply(self, chat_id: int, kwargs: dict[str, Any]) -> None:
        try:
            await self._send(chat_id, kwargs)
        except tg.RetryAfter as exc:
            seconds = _retry_seconds(exc)
            if seconds > MAX_REPLY_WAIT:
                raise
            await asyncio.sleep(seconds)
            await self._send(chat_id, kwargs)

    async def _send(self, chat_id: int, kwargs: dict[str, Any]) -> None:
        if "photo" not in kwargs:
            await self._bot.send_message(chat_id=chat_id, **kwargs)
            return
        try:
            await self._bot.send_photo(chat_id=chat_id, **kwargs)
        except tg.BadRequest:  # an image URL Telegram cannot fetch: keep the words and buttons
            if "caption" not in kwargs and "reply_markup" not in kwargs:
                raise
            text = kwargs.get("caption") or EMPTY_TEXT
            markup = kwargs.get("reply_markup")
            await self._bot.send_message(chat_id=chat_id, text=text, reply_markup=markup)

    async def push(self, chat_id: int, screens: Sequence[Screen]) -> None:
        """Send screens on the bot's own initiative; raises `base.DeliveryError` subclasses."""
        try:
            for screen in screens:
                for kwargs in render_screen(screen):
                    await self._send(chat_id, kwargs)
        except tg.TelegramError as exc:
            raise delivery_error(exc) from exc

    async def run_polling(self, stop: asyncio.Event, *, timeout: int = 25) -> None:  # noqa: ASYNC109
        """Long-poll getUpdates (`timeout` s each), handle updates in order, return on `stop`.

        The offset advances only past handled updates; InvalidToken is fatal and propagates.
        """
        offset: int | None = None
        while not stop.is_set():
            try:
                updates = await self._poll(stop, offset, poll_seconds=timeout)
            except tg.RetryAfter as exc:
                await _wait(stop, _retry_seconds(exc))
                continue
            except tg.TimedOut:
                continue
            except (tg.NetworkError, tg.Conflict) as exc:
                self._log.warning("telegram: getUpdates failed: %s", type(exc).__name__)
                await _wait(stop, self._backoff(reset=False))
                continue
            self._backoff(reset=True)
            for update in updates:
                if stop.is_set():
                    break
                await self.handle_update(update)
                offset = update.update_id + 1
        await self._confirm(offset)

    def _backoff(self, *, reset: bool) -> float:
        self._delay = 0.0 if reset else min(max(1.0, self._delay * 2), MAX_BACKOFF)
        return self._delay

    async def _poll(
        self, stop: asyncio.Event, offset: int | None, *, poll_seconds: int
    ) -> tuple[Update, ...]:
        fetch = asyncio.create_task(
            self._bot.get_updates(
                offset=offset, timeout=poll_seconds, allowed_updates=ALLOWED_UPDATES
            )
        )
        stopped = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({fetch, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
            if not fetch.done():
                fetch.cancel()
        if fetch.done() and not fetch.cancelled():
            return fetch.result()
        return ()  # stopped mid-poll: whatever was on its way is redelivered next time

    async def _confirm(self, offset: int | None) -> None:
        """Tell Telegram which updates were handled, so a restart does not refetch them."""
        if offset is None:
            return
        with contextlib.suppress(tg.TelegramError, TimeoutError):
            await asyncio.wait_for(self._bot.get_updates(offset=offset, limit=1, timeout=0), 5)

    def webhook_handler(self, secret_token: str | None) -> Handler:
        """An aiohttp handler for `POST /telegram/webhook`: answers 200 after the engine."""
        expected = secret_token.encode() if secret_token else None

        async def handle(request: web.Request) -> web.StreamResponse:
            if expected is not None:
                given = request.headers.get(SECRET_HEADER, "").encode()
                if not hmac.compare_digest(given, expected):
                    return web.json_response({"error": "unauthorized"}, status=401)
            body = await _read_capped(request, MAX_BODY)
            if body is None:
                return web.json_response({"error": "body too large"}, status=413)
            try:
                data = safe_json.loads(body)
            except safe_json.BadJson as exc:
                self._log.info("telegram webhook: refused a request: %s", exc)
                return web.json_response({"error": str(exc)}, status=400)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return web.json_response({"error": "not an update"}, status=400)
            await self.process_update(data)
            return web.json_response({})

        return handle

    async def setup(self, *, webhook_url: str | None, secret_token: str | None) -> None:
        """Register the command menu, then set the webhook (or delete it, for polling)."""
        await self._bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS.items()])
        if webhook_url:
            await self._bot.set_webhook(
                url=webhook_url, secret_token=secret_token, allowed_updates=ALLOWED_UPDATES
            )
        else:
            await self._bot.delete_webhook()


async def _read_capped(request: web.Request, cap: int) -> bytes | None:
    if (request.content_length or 0) > cap:
        return None
    body = bytearray()
    async for chunk in request.content.iter_chunked(64 * 1024):
        body.extend(chunk)
        if len(body) > cap:
            return None
    return bytes(body)
