"""A local fake Telegram Bot API server (aiohttp, 127.0.0.1, random port) for e2e tests.

Usage with python-telegram-bot 22::

    async with FakeTelegramServer() as srv:
        bot = telegram.Bot(srv.token, base_url=f"{srv.base_url}/bot",
                           base_file_url=f"{srv.base_url}/file/bot")
        srv.user_text(42, "/start")            # the user writes; getUpdates returns it
        ...                                     # run the bot
        assert srv.messages(42)[-1]["text"] == "..."

Routes: ``GET|POST /bot{token}/{method}`` (JSON, form-urlencoded, multipart with
``attach://`` support, query string; method names are case-insensitive) and
``GET /file/bot{token}/{file_path}``. Answers use the Bot API envelope
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": N, "description": ...}``
with HTTP status N: wrong token 401, unknown method 404, validation 400, blocked chat 403,
getUpdates while a webhook is set or a newer getUpdates arrives 409, flood control 429
(with ``parameters.retry_after``), injected failures (``fail_next``) any status.

Methods: getMe, set/get/deleteMyCommands, set/deleteWebhook, getWebhookInfo, getUpdates
(long poll), sendMessage, sendPhoto, editMessageText, editMessageReplyMarkup, deleteMessage,
sendChatAction, answerCallbackQuery, getFile.

Rate limiting (off unless configured): ``global_rate`` messages/s across all chats and
``per_chat_rate`` messages/s per chat (``True`` means Telegram's 1/s), each a sliding window
(see ``SlidingWindow``). Only sendMessage/sendPhoto count (edits too with ``limit_edits``);
a blocked or rejected request consumes nothing. ``retry_after`` is ``ceil(wait)`` seconds
(an integer >= 1, like Telegram). For fast tests, ``time_scale=0.05`` shrinks every window
20x and reports the exact float wait; ``retry_after_value`` fixes the reported value.

State, user-side helpers and recordings live in ``telegram_state.py``; validation and the
rate limiter in ``telegram_rules.py``.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
import math
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes.telegram_rules import (
    ApiError,
    SlidingWindow,
    Upload,
    bad_request,
    check_markup,
    check_text,
    coerce_params,
)
from tests.fakes.telegram_state import TelegramState

__all__ = ["ApiError", "FakeTelegramServer"]

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


class FakeTelegramServer(TelegramState):
    """Fake Bot API over real HTTP. Use ``async with`` (or ``start()`` / ``stop()``)."""

    def __init__(
        self,
        token: str = "123:ABC",
        global_rate: float | None = None,
        per_chat_rate: float | None = None,
        *,
        retry_after_value: float | None = None,
        time_scale: float = 1.0,
        limit_edits: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(token, clock)
        self.global_limit = SlidingWindow(global_rate, time_scale) if global_rate else None
        self.chat_limit = SlidingWindow(per_chat_rate, time_scale) if per_chat_rate else None
        self.retry_after_value, self.time_scale = retry_after_value, time_scale
        self.limit_edits = limit_edits
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._poller: asyncio.Future[str] | None = None
        self._closing = False
        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": lambda p: self.bot_user,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": lambda p: self.commands.get(self._scope_key(p), []),
                "deleteMyCommands": self._delete_my_commands,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._webhook_info,
                "getUpdates": self._get_updates,
                "sendMessage": self._send_message,
                "sendPhoto": self._send_photo,
                "editMessageText": lambda p: self._edit(p, "editMessageText"),
                "editMessageReplyMarkup": lambda p: self._edit(p, "editMessageReplyMarkup"),
                "deleteMessage": self._delete_message,
                "sendChatAction": lambda p: self._admit(self._chat_id(p), limited=False) or True,
                "answerCallbackQuery": self._answer_callback_query,
                "getFile": self._get_file,
            }.items()
        }

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> FakeTelegramServer:
        app = web.Application(client_max_size=64 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base_url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        self._closing = True
        self._wake("closed")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegramServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def ptb_kwargs(self) -> dict[str, str]:
        """``telegram.Bot(**srv.ptb_kwargs())``."""
        return {
            "token": self.token,
            "base_url": f"{self.base_url}/bot",
            "base_file_url": f"{self.base_url}/file/bot",
        }

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").envelope(), status=401)
        name, handler = self._methods.get(request.match_info["method"].lower(), ("", None))
        if handler is None:
            return web.json_response(ApiError(404, "Not Found").envelope(), status=404)
        params: dict[str, Any] = {}
        try:
            params = await self._parse(request)
            failure = self.take_failure(name.lower())
            if failure is not None:
                raise failure
            result = handler(params)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as error:
            self.count_429 += error.status == 429
            self.requests.append((name, params, error.status, self.clock()))
            return web.json_response(error.envelope(), status=error.status)
        self.requests.append((name, params, 200, self.clock()))
        return web.json_response({"ok": True, "result": result})

    async def _parse(self, request: web.Request) -> dict[str, Any]:
        raw: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = json.loads(await request.text() or "{}")
                except ValueError as exc:
                    raise bad_request("can't parse JSON request body") from exc
                if not isinstance(body, dict):
                    raise bad_request("JSON request body must be an object")
                raw.update(body)
            elif request.content_type in (
                "multipart/form-data",
                "application/x-www-form-urlencoded",
            ):
                for key, value in (await request.post()).items():
                    if isinstance(value, web.FileField):
                        value = Upload(value.filename, value.content_type, value.file.read())
                    raw[key] = value
            # anything else (PTB sends empty application/octet-stream bodies): ignore the body
        for key, value in list(raw.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                raw[key] = raw.pop(value.removeprefix("attach://"), value)
        return coerce_params(raw)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").envelope(), status=401)
        stored = self.file_by_path(request.match_info["path"])
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").envelope(), status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    # -- shared checks -----------------------------------------------------------------------

    def _admit(self, chat_id: int, limited: bool = True) -> None:
        """Blocked chat -> 403; over a configured rate -> 429; else count this message."""
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if not limited:
            return
        now = self.clock()
        wait = max(
            self.global_limit.wait_time(None, now) if self.global_limit else 0.0,
            self.chat_limit.wait_time(chat_id, now) if self.chat_limit else 0.0,
        )
        if wait > 0:
            after = self.retry_after_value
            if after is None and self.time_scale == 1.0:
                after = max(1, math.ceil(wait))  # Telegram sends whole seconds
            elif after is None:
                after = max(round(wait, 3), 0.001)
            raise ApiError(429, f"Too Many Requests: retry after {after:g}", after)
        for limiter, key in ((self.global_limit, None), (self.chat_limit, chat_id)):
            if limiter:
                limiter.record(key, now)

    def _record(self, method: str, params: dict[str, Any]) -> None:
        self.sent.append((method, dict(params), self.clock()))

    # -- methods -----------------------------------------------------------------------------

    def _send_message(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        check_text(p.get("text"))
        markup = check_markup(p.get("reply_markup"))
        self._admit(chat_id)
        content = {"text": p["text"], "entities": p.get("entities"), "reply_markup": markup}
        message = self.new_message(chat_id, self.bot_user, _drop_none(content))
        self._record("sendMessage", p)
        return copy.deepcopy(message)

    def _send_photo(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        check_text(p.get("caption"), caption=True)
        markup = check_markup(p.get("reply_markup"))
        photo = p.get("photo")
        if isinstance(photo, Upload):
            stored = self.store_file(photo.data)
        elif isinstance(photo, str) and photo in self.files:
            stored = self.files[photo]
        elif isinstance(photo, str) and photo.startswith(("http://", "https://")):
            stored = self.store_file(b"")
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        self._admit(chat_id)
        content = {"photo": self.photo_sizes(stored), "caption": p.get("caption")}
        content["reply_markup"] = markup
        message = self.new_message(chat_id, self.bot_user, _drop_none(content))
        self._record("sendPhoto", p)
        return copy.deepcopy(message)

    def _edit(self, p: dict[str, Any], method: str) -> dict[str, Any] | bool:
        with_text = method == "editMessageText"
        if with_text:
            check_text(p.get("text"))
        markup = check_markup(p.get("reply_markup"))
        if p.get("inline_message_id"):
            self._record(method, p)
            return True
        chat_id = self._chat_id(p)
        message = self.chats.get(chat_id, {}).get(p.get("message_id"))
        if message is None or message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message to edit not found")
        if with_text and "text" not in message:
            raise bad_request("there is no text in the message to edit")
        new_text = p["text"] if with_text else message.get("text")
        if (new_text, markup) == (message.get("text"), message.get("reply_markup")):
            raise bad_request(_NOT_MODIFIED)
        self._admit(chat_id, limited=self.limit_edits)
        if with_text:
            message["text"] = new_text
            message.pop("entities", None)
            if p.get("entities"):
                message["entities"] = p["entities"]
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        message.pop("reply_markup", None)
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = int(time.time())
        self._record(method, p)
        return copy.deepcopy(message)

    async def _get_updates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook["url"]:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self.confirm_updates(int(p.get("offset") or 0))
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        self._wake("conflict")  # a newer getUpdates terminates the one still waiting
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(float(p.get("timeout") or 0), 0.0)
        while not self.updates and not self._closing and loop.time() < deadline:
            self._poller = loop.create_future()
            try:
                why = await asyncio.wait_for(self._poller, deadline - loop.time())
            except TimeoutError:
                break
            if why == "conflict":
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
        return copy.deepcopy(self.updates[:limit])

    def _wake(self, why: str) -> None:
        if self._poller is not None and not self._poller.done():
            self._poller.set_result(why)

    def _updates_changed(self) -> None:
        self._wake("update")

    # -- webhook mode ------------------------------------------------------------------------

    async def deliver_webhook(
        self,
        url: str | None,
        update: dict[str, Any],
        secret_token: str | None = None,
        retries: int = 0,
        *,
        retry_delay: float = 0.05,
        request_timeout: float = 10.0,
    ) -> int:
        """POST ``update`` to the bot's webhook like Telegram; return the final HTTP status.

        ``url=None`` uses the URL from setWebhook; ``secret_token=None`` uses the secret from
        setWebhook (``""`` sends no header). Non-2XX answers are retried ``retries`` times
        (at-least-once delivery); a connection error counts as status 0. An update without
        ``update_id`` gets one; a delivered update leaves the getUpdates queue. Calling this
        again with the same update is a redelivery.
        """
        url = url or self.webhook.get("url")
        if not url:
            raise ValueError("no webhook URL given and none set with setWebhook")
        if "update_id" not in update:
            update = self.push_update(update)
        if secret_token is None:
            secret_token = self.webhook.get("secret_token")
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret_token} if secret_token else {}
        status = 0
        client_timeout = aiohttp.ClientTimeout(total=request_timeout)
        async with aiohttp.ClientSession(timeout=client_timeout) as session:
            for attempt in range(retries + 1):
                if attempt:
                    await asyncio.sleep(retry_delay)
                try:
                    async with session.post(url, json=update, headers=headers) as resp:
                        status = resp.status
                        reason = resp.reason
                except (aiohttp.ClientError, TimeoutError) as exc:
                    status, reason = 0, f"Connection failed: {exc!r}"
                if 200 <= status < 300:
                    break
                self.webhook["last_error_date"] = int(time.time())
                self.webhook["last_error_message"] = (
                    f"Wrong response from the webhook: {status} {reason}"
                )
        if 200 <= status < 300:
            self.updates = [u for u in self.updates if u["update_id"] != update["update_id"]]
        self.webhook_deliveries.append((update["update_id"], status))
        return status


def _drop_none(content: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in content.items() if v is not None}
