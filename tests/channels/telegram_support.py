"""A small in-process Telegram Bot API and a fake engine for the adapter tests, with update
builders and the `api` / `bot` fixtures."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, Update

from bot.channels.telegram.adapter import TelegramChannel, update_to_inbound
from bot.screens import Button, ButtonRole, Inbound, Reply, Screen

TOKEN = "123:ABC"
CHAT = 42
BOT_USER = {"id": 123, "is_bot": True, "first_name": "내친구", "username": "naechingu_bot"}
JSON_PARAMS = {"reply_markup", "allowed_updates", "commands"}
INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout"}


class MiniBotApi:
    """Just enough of the Bot API: records calls, stores messages, serves files and updates."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.failures: dict[str, list[tuple[int, str, int | None]]] = {}
        self.sent: dict[int, dict[str, Any]] = {}
        self._arrived = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        self._arrived.set()  # release any long poll still waiting
        if self._runner:
            await self._runner.cleanup()

    def fail(self, method: str, status: int, description: str, retry_after: int | None = None):
        self.failures.setdefault(method.lower(), []).append((status, description, retry_after))

    def push_update(self, update: dict[str, Any]) -> None:
        self.updates.append(update)
        self._arrived.set()

    def called(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method.lower()]

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"].lower()
        params = {k: _decode(k, v) for k, v in (await request.post()).items()}
        self.calls.append((method, params))
        if self.failures.get(method):
            status, description, retry_after = self.failures[method].pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
            if retry_after is not None:
                body["parameters"] = {"retry_after": retry_after}
            return web.json_response(body, status=status)
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler else True
        if isinstance(result, tuple):  # (status, description)
            body = {"ok": False, "error_code": result[0], "description": result[1]}
            return web.json_response(body, status=result[0])
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1].removesuffix(".jpg")
        return web.Response(body=self.files[file_id])

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        message_id = len(self.sent) + 1
        message = {"message_id": message_id, "date": 1756000000, "from": BOT_USER}
        message["chat"] = {"id": params["chat_id"], "type": "private", "first_name": "u"}
        message.update({k: v for k, v in content.items() if v is not None})
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.sent[message_id] = message
        return message

    async def _m_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    async def _m_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text=params["text"])

    async def _m_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        size = {"file_id": "p1", "file_unique_id": "u1", "width": 9, "height": 9}
        return self._message(params, photo=[size], caption=params.get("caption"))

    async def _m_editmessagetext(self, params: dict[str, Any]) -> Any:
        if params["message_id"] not in self.sent:
            return 400, "Bad Request: message to edit not found"
        return self._message(params, text=params["text"])

    async def _m_getfile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = params["file_id"]
        size = len(self.files[file_id])
        path = f"photos/{file_id}.jpg"
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": size,
            "file_path": path,
        }

    async def _m_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = params.get("offset") or 0
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates and params.get("timeout"):
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), params["timeout"])
        return self.updates[: params.get("limit") or 100]


def _decode(key: str, value: Any) -> Any:
    if key in JSON_PARAMS:
        return json.loads(value)
    return int(value) if key in INT_PARAMS else value


class FakeEngine:
    """Records every Inbound; answers with a canned reply (or raises)."""

    def __init__(self, reply: Reply | None = None, *, error: Exception | None = None) -> None:
        self.inbounds: list[Inbound] = []
        self.reply = reply or Reply((menu_screen(),))
        self.error = error
        self._changed = asyncio.Condition()

    async def handle(self, inbound: Inbound) -> Reply:
        async with self._changed:
            self.inbounds.append(inbound)
            self._changed.notify_all()
        if self.error is not None:
            raise self.error
        return self.reply

    async def until(self, count: int) -> None:
        """Wait (at most 5 s) until `count` Inbounds have arrived."""
        async with self._changed:
            ready = self._changed.wait_for(lambda: len(self.inbounds) >= count)
            await asyncio.wait_for(ready, 5)


def channel(bot: Bot, engine: FakeEngine) -> TelegramChannel:
    """The adapter under test, with a small photo limit (1,000 bytes)."""
    return TelegramChannel(bot, engine, max_photo_bytes=1000)


def menu_screen(text: str = "무엇을 도와드릴까요?") -> Screen:
    buttons = (
        Button("공유마켓", token="tokA"),
        Button("우리단지", token="tokB"),
        Button("이전", token="back", role=ButtonRole.NAV),
        Button("처음으로", token="home", role=ButtonRole.NAV),
    )
    return Screen(text=text, buttons=buttons)


def user(uid: int = CHAT) -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": "순자"}


def message(text: str | None = "안녕", *, chat_type: str = "private", **extra: Any) -> dict:
    msg = {"message_id": 7, "date": 1756000000, "from": user(), **extra}
    msg["chat"] = {"id": CHAT if chat_type == "private" else -100, "type": chat_type}
    if text is not None:
        msg["text"] = text
    return msg


def text_update(text: str, update_id: int = 1000, **extra: Any) -> dict[str, Any]:
    return {"update_id": update_id, "message": message(text, **extra)}


def tap_update(data: str, *, held: dict | None = None, update_id: int = 2000) -> dict:
    if held is None:
        keyboard = {"inline_keyboard": [[{"text": "공유마켓", "callback_data": "t:tokA"}]]}
        held = {**message("메뉴"), "from": BOT_USER, "reply_markup": keyboard}
        held["message_id"] = 1
    query = {"id": "cbq1", "from": user(), "chat_instance": "ci", "data": data, "message": held}
    return {"update_id": update_id, "callback_query": query}


@pytest.fixture
async def api() -> AsyncIterator[MiniBotApi]:
    server = MiniBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(api: MiniBotApi) -> AsyncIterator[Bot]:
    tg_bot = Bot(TOKEN, base_url=f"{api.base_url}/bot", base_file_url=f"{api.base_url}/file/bot")
    async with tg_bot:
        yield tg_bot


async def parse(bot: Bot, data: dict[str, Any], max_bytes: int = 1000) -> Inbound | None:
    return await update_to_inbound(Update.de_json(data, bot), bot, max_photo_bytes=max_bytes)


def callback_data(markup: Any) -> list[list[str]]:
    return [[b.callback_data or b.url for b in row] for row in markup.inline_keyboard]
