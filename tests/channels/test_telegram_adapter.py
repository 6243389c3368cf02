"""The Telegram adapter: parsing updates, rendering Screens, replying, pushing, webhook, polling.

Network-level behaviour runs against `MiniBotApi`, a small aiohttp fake of the Bot API on
127.0.0.1 (just the methods the adapter calls, with scripted failures), and a `FakeEngine`
that records Inbounds and returns canned replies.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from telegram import Bot, Update

from bot.channels import base
from bot.channels.telegram import ERROR_ANSWER, TelegramChannel, update_to_inbound
from bot.channels.telegram_render import render_screen, split_text, tg_len
from bot.screens import Button, ButtonRole, Card, Channel, Inbound, Reply, Screen

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


# --- parsing -------------------------------------------------------------------------------


async def test_text_message_becomes_inbound(bot: Bot) -> None:
    inbound = await parse(bot, text_update("관리비", update_id=1001))
    assert inbound == Inbound(
        channel=Channel.TELEGRAM,
        user_id=str(CHAT),
        text="관리비",
        delivery_key="tg:1001",
        display_name="순자",
        extra={"chat_id": CHAT},
    )


@pytest.mark.parametrize(
    ("text", "command", "arg"),
    [
        ("/start invite_AB12", "start", "invite_AB12"),
        ("/start", "start", ""),
        ("/help@naechingu_bot", "help", ""),
        ("/cancel", "cancel", ""),
        ("/MENU", "menu", ""),
    ],
)
async def test_commands(bot: Bot, text: str, command: str, arg: str) -> None:
    inbound = await parse(bot, text_update(text))
    assert inbound is not None
    assert (inbound.command, inbound.command_arg, inbound.text) == (command, arg, "")


async def test_unknown_slash_text_stays_text(bot: Bot) -> None:
    inbound = await parse(bot, text_update("/weather"))
    assert inbound is not None and inbound.command is None and inbound.text == "/weather"


async def test_callback_token(bot: Bot) -> None:
    inbound = await parse(bot, tap_update("t:tokA", update_id=2001))
    assert inbound is not None
    assert (inbound.token, inbound.text, inbound.delivery_key) == ("tokA", "", "tg:2001")
    assert inbound.extra == {"chat_id": CHAT, "message_id": 1, "callback_query_id": "cbq1"}


@pytest.mark.parametrize(("data", "token"), [("vote:42", "vote:42"), ("x" * 64, "x" * 64)])
async def test_forged_callback_data_is_passed_raw_and_capped(
    bot: Bot, data: str, token: str
) -> None:
    inbound = await parse(bot, tap_update(data))
    assert inbound is not None and inbound.token == token and len(inbound.token) <= 64


async def test_photo_downloads_largest_that_fits(bot: Bot, api: MiniBotApi) -> None:
    api.files.update({"small": b"s" * 10, "mid": b"m" * 500, "big": b"b" * 5000})
    sizes = [
        {"file_id": fid, "file_unique_id": fid, "width": w, "height": w, "file_size": size}
        for fid, w, size in [("small", 90, 10), ("mid", 320, 500), ("big", 1280, 5000)]
    ]
    data = {"update_id": 3000, "message": message(None, photo=sizes, caption="누수 사진")}
    inbound = await parse(bot, data, max_bytes=1000)
    assert inbound is not None and inbound.text == "누수 사진"
    assert [(p.data, p.content_type) for p in inbound.photos] == [(b"m" * 500, "image/jpeg")]
    assert api.called("getFile") == [{"file_id": "mid"}]


async def test_photo_too_large_is_flagged_not_downloaded(bot: Bot, api: MiniBotApi) -> None:
    size = {"file_id": "big", "file_unique_id": "b", "width": 9, "height": 9, "file_size": 5000}
    inbound = await parse(bot, {"update_id": 3001, "message": message(None, photo=[size])})
    assert inbound is not None and inbound.photos == ()
    assert inbound.extra["photo_unavailable"] is True and not api.called("getFile")


@pytest.mark.parametrize(
    "data",
    [
        text_update("hi", chat_type="group"),
        {"update_id": 5, "edited_message": message("고침")},
        {"update_id": 6, "channel_post": message("공지", chat_type="channel")},
        {"update_id": 7, "my_chat_member": None},
        tap_update("t:tokA", held={**message("메뉴", chat_type="supergroup"), "message_id": 1}),
    ],
)
async def test_ignored_updates(bot: Bot, data: dict[str, Any]) -> None:
    assert await parse(bot, data) is None


async def test_failed_photo_download_keeps_the_caption(bot: Bot, api: MiniBotApi) -> None:
    api.fail("getFile", 400, "Bad Request: file is too big")
    size = {"file_id": "p", "file_unique_id": "p", "width": 9, "height": 9, "file_size": 10}
    data = {"update_id": 3002, "message": message(None, photo=[size], caption="현관 고장")}
    inbound = await parse(bot, data)
    assert inbound is not None and (inbound.text, inbound.photos) == ("현관 고장", ())
    assert inbound.extra == {"chat_id": CHAT, "photo_unavailable": True}


async def test_image_sent_as_file_is_a_photo(bot: Bot, api: MiniBotApi) -> None:
    api.files["doc"] = b"png bytes"
    doc = {"file_id": "doc", "file_unique_id": "d", "mime_type": "image/png", "file_size": 9}
    data = {"update_id": 3003, "message": message(None, document={**doc, "file_name": "a.png"})}
    inbound = await parse(bot, data)
    assert inbound is not None and inbound.photos[0].content_type == "image/png"
    assert (inbound.photos[0].data, inbound.photos[0].filename) == (b"png bytes", "a.png")


# --- rendering -----------------------------------------------------------------------------


def test_render_menu_one_choice_per_row_nav_last() -> None:
    [msg] = render_screen(menu_screen())
    assert msg["text"] == "무엇을 도와드릴까요?" and "parse_mode" not in msg
    assert callback_data(msg["reply_markup"]) == [["t:tokA"], ["t:tokB"], ["t:back", "t:home"]]


def test_render_many_short_choices_two_per_row() -> None:
    labels = ["월", "화", "수", "목", "금"]
    screen = Screen("요일", tuple(Button(x, token=str(i)) for i, x in enumerate(labels)))
    rows = render_screen(screen)[0]["reply_markup"].inline_keyboard
    assert [len(r) for r in rows] == [2, 2, 1]
    four = Screen("요일", screen.buttons[:4])
    assert [len(r) for r in render_screen(four)[0]["reply_markup"].inline_keyboard] == [1] * 4


def test_render_order_photo_notices_cards_text() -> None:
    card = Card("유기농 사과", ("충주 농장",), buttons=(Button("담기", token="c1"),), price=12000)
    screen = Screen(
        "골라 주세요", menu_screen().buttons, image_url="https://x/a.jpg", image_alt="포스터"
    )
    screen = replace(screen.with_notices("새 알림 2건"), cards=(card,))
    msgs = render_screen(screen)
    assert msgs[0] == {"photo": "https://x/a.jpg", "caption": "포스터"}
    assert msgs[1] == {"text": "새 알림 2건"}
    assert msgs[2]["text"] == "유기농 사과\n충주 농장\n12,000원"
    assert callback_data(msgs[2]["reply_markup"]) == [["t:c1"]]
    assert msgs[3]["text"] == "골라 주세요" and len(msgs) == 4


def test_render_card_with_image_uses_caption_or_splits() -> None:
    short = render_screen(Screen("", cards=(Card("사과", image_url="https://x/p.jpg"),)))
    assert short == [{"photo": "https://x/p.jpg", "caption": "사과"}]
    long_card = Card("사과", ("가" * 1100,), image_url="https://x/p.jpg")
    msgs = render_screen(Screen("", cards=(long_card,)))
    assert msgs[0] == {"photo": "https://x/p.jpg"} and msgs[1]["text"].startswith("사과")


def test_render_long_text_split_on_paragraphs_keyboard_last() -> None:
    paragraphs = ["가" * 3000, "나" * 3000, "다" * 100]
    msgs = render_screen(Screen("\n\n".join(paragraphs), menu_screen().buttons))
    assert [m["text"] for m in msgs] == [paragraphs[0], "\n\n".join(paragraphs[1:])]
    assert "reply_markup" not in msgs[0] and "reply_markup" in msgs[1]


def test_split_text_hard_cuts_and_counts_utf16() -> None:
    chunks = split_text("😀" * 3000)  # 6000 UTF-16 units
    assert len(chunks) == 2 and all(tg_len(c) <= 4096 for c in chunks)
    assert "".join(chunks) == "😀" * 3000


def test_render_skips_oversized_token_and_keeps_url_button() -> None:
    buttons = (
        Button("긴 것", token="x" * 63),
        Button("안내", url="https://example.org/a"),
        Button("처음으로", token="home", role=ButtonRole.NAV),
    )
    [msg] = render_screen(Screen("", buttons))
    assert msg["text"] == "👇"
    assert callback_data(msg["reply_markup"]) == [["https://example.org/a"], ["t:home"]]


def test_render_empty_screen_sends_nothing() -> None:
    assert render_screen(Screen("  ")) == []


# --- replying ------------------------------------------------------------------------------


def channel(bot: Bot, engine: FakeEngine) -> TelegramChannel:
    return TelegramChannel(bot, engine, max_photo_bytes=1000)


async def test_text_reply_is_sent_with_keyboard(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    await channel(bot, engine).process_update(text_update("안녕"))
    assert [i.text for i in engine.inbounds] == ["안녕"]
    [sent] = api.called("sendMessage")
    assert sent["chat_id"] == CHAT and sent["text"] == "무엇을 도와드릴까요?"
    assert "parse_mode" not in sent
    rows = sent["reply_markup"]["inline_keyboard"]
    assert [[b["callback_data"] for b in row] for row in rows] == [
        ["t:tokA"],
        ["t:tokB"],
        ["t:back", "t:home"],
    ]


async def test_tap_on_text_message_edits_it(bot: Bot, api: MiniBotApi) -> None:
    await bot.send_message(CHAT, "메뉴")  # message 1 exists in the fake
    engine = FakeEngine(Reply((menu_screen("공유마켓입니다"),)))
    await channel(bot, engine).process_update(tap_update("t:tokA"))
    assert engine.inbounds[0].token == "tokA"
    [edit] = api.called("editMessageText")
    assert (edit["message_id"], edit["text"]) == (1, "공유마켓입니다")
    assert "reply_markup" in edit
    assert len(api.called("sendMessage")) == 1  # only the setup message
    assert api.called("answerCallbackQuery") == [{"callback_query_id": "cbq1"}]


async def test_tap_with_several_screens_sends_new_messages(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((Screen("접수했어요"), menu_screen())))
    await channel(bot, engine).process_update(tap_update("t:tokA"))
    assert [m["text"] for m in api.called("sendMessage")] == ["접수했어요", "무엇을 도와드릴까요?"]
    assert not api.called("editMessageText") and len(api.called("answerCallbackQuery")) == 1


async def test_failed_edit_falls_back_to_sending(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((Screen("새 화면"),)))
    await channel(bot, engine).process_update(tap_update("t:tokA"))  # message 1 unknown
    assert len(api.called("editMessageText")) == 1
    assert [m["text"] for m in api.called("sendMessage")] == ["새 화면"]


async def test_duplicate_reply_sends_nothing(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine(Reply((menu_screen(),), duplicate=True))
    tg = channel(bot, engine)
    await tg.process_update(text_update("안녕"))
    await tg.process_update(tap_update("t:tokA"))
    assert not api.called("sendMessage") and not api.called("editMessageText")
    assert len(api.called("answerCallbackQuery")) == 1  # the spinner still stops


async def test_engine_error_is_logged_and_callback_answered(
    bot: Bot, api: MiniBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    engine = FakeEngine(error=RuntimeError("boom 010-1234-5678"))
    tg = channel(bot, engine)
    await tg.process_update(tap_update("t:tokA"))
    await tg.process_update(text_update("내 번호 010-9999-8888"))
    assert api.called("answerCallbackQuery") == [
        {"callback_query_id": "cbq1", "text": ERROR_ANSWER}
    ]
    assert not api.called("sendMessage")
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "update 2000 failed" in messages and "010-9999-8888" not in messages


async def test_ignored_tap_is_still_answered(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    held = {**message("메뉴", chat_type="group"), "message_id": 1}
    await channel(bot, engine).process_update(tap_update("t:tokA", held=held))
    assert engine.inbounds == [] and len(api.called("answerCallbackQuery")) == 1


async def test_unparsable_update_does_not_raise(bot: Bot, api: MiniBotApi) -> None:
    engine = FakeEngine()
    await channel(bot, engine).process_update({"update_id": 9, "message": {"text": "x"}})
    assert engine.inbounds == [] and api.calls == [("getme", {})]


async def test_delivery_error_on_reply_is_swallowed(bot: Bot, api: MiniBotApi) -> None:
    api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await channel(bot, FakeEngine()).process_update(text_update("안녕"))
    assert len(api.called("sendMessage")) == 1


# --- pushing -------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
@pytest.mark.parametrize(
    ("status", "description", "retry_after", "expected"),
    [
        (429, "Too Many Requests: retry after 7", 7, base.RetryAfter),
        (403, "Forbidden: bot was blocked by the user", None, base.Unreachable),
        (400, "Bad Request: chat not found", None, base.Unreachable),
        (502, "Bad Gateway", None, base.TransientError),
        (500, "Internal Server Error", None, base.TransientError),
    ],
)
async def test_push_error_mapping(
    bot: Bot, api: MiniBotApi, status: int, description: str, retry_after: int | None, expected
) -> None:
    api.fail("sendMessage", status, description, retry_after)
    with pytest.raises(expected) as caught:
        await channel(bot, FakeEngine()).push(CHAT, [Screen("공지")])
    if retry_after is not None:
        assert caught.value.seconds == 7


async def test_push_other_bad_request_is_permanent(bot: Bot, api: MiniBotApi) -> None:
    api.fail("sendMessage", 400, "Bad Request: message is too long")
    with pytest.raises(base.DeliveryError) as caught:
        await channel(bot, FakeEngine()).push(CHAT, [Screen("공지")])
    assert type(caught.value) is base.DeliveryError


async def test_push_sends_every_screen_in_order(bot: Bot, api: MiniBotApi) -> None:
    screen = Screen("사진 공지", image_url="https://x/a.jpg")
    await channel(bot, FakeEngine()).push(CHAT, [screen, Screen("둘째")])
    assert [name for name, _ in api.calls[1:]] == ["sendphoto", "sendmessage", "sendmessage"]


# --- webhook -------------------------------------------------------------------------------


@pytest.fixture
async def webhook(bot: Bot) -> AsyncIterator[tuple[TestClient, FakeEngine]]:
    engine = FakeEngine()
    app = web.Application()
    app.router.add_post("/telegram/webhook", channel(bot, engine).webhook_handler("s3cret"))
    async with TestClient(TestServer(app)) as client:
        yield client, engine


async def test_webhook_secret(webhook: tuple[TestClient, FakeEngine]) -> None:
    client, engine = webhook
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        response = await client.post("/telegram/webhook", json=text_update("x"), headers=headers)
        assert response.status == 401
    assert engine.inbounds == []


async def test_webhook_processes_update_before_answering(
    webhook: tuple[TestClient, FakeEngine], api: MiniBotApi
) -> None:
    client, engine = webhook
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    response = await client.post("/telegram/webhook", json=text_update("x"), headers=headers)
    assert response.status == 200 and await response.json() == {}
    assert len(engine.inbounds) == 1 and len(api.called("sendMessage")) == 1


@pytest.mark.parametrize(
    ("body", "status"), [(b"{not json", 400), (b"[1]", 400), (b"{" + b" " * 2**20 + b"}", 413)]
)
async def test_webhook_rejects_bad_bodies(
    webhook: tuple[TestClient, FakeEngine], body: bytes, status: int
) -> None:
    client, engine = webhook
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    response = await client.post("/telegram/webhook", data=body, headers=headers)
    assert response.status == status and "error" in await response.json()
    assert engine.inbounds == []


# --- polling and setup ---------------------------------------------------------------------


async def test_polling_in_order_advances_offset_and_stops(bot: Bot, api: MiniBotApi) -> None:
    for n in range(3):
        api.push_update(text_update(f"메시지 {n}", update_id=500 + n))
    engine, stop = FakeEngine(), asyncio.Event()
    task = asyncio.create_task(channel(bot, engine).run_polling(stop, timeout=25))
    await engine.until(3)
    api.push_update(text_update("하나 더", update_id=503))
    await engine.until(4)
    stop.set()
    await asyncio.wait_for(task, 2)  # returns promptly even in the middle of a long poll
    assert [i.delivery_key for i in engine.inbounds] == [f"tg:{500 + n}" for n in range(4)]
    polls = api.called("getUpdates")
    assert polls[0].get("offset") is None and polls[0]["allowed_updates"] == [
        "message",
        "callback_query",
    ]
    assert polls[1]["offset"] == 503
    assert (polls[-1]["offset"], polls[-1]["timeout"]) == (504, 0)  # the confirming call
    assert len(api.called("sendMessage")) == 4


async def test_polling_stop_mid_batch_leaves_the_rest_unconfirmed(
    bot: Bot, api: MiniBotApi
) -> None:
    stop = asyncio.Event()

    class StoppingEngine(FakeEngine):
        async def handle(self, inbound: Inbound) -> Reply:
            stop.set()  # e.g. SIGTERM arrives while the first update is being handled
            return await super().handle(inbound)

    api.push_update(text_update("첫째", update_id=600))
    api.push_update(text_update("둘째", update_id=601))
    engine = StoppingEngine()
    await asyncio.wait_for(channel(bot, engine).run_polling(stop, timeout=1), 2)
    assert [i.delivery_key for i in engine.inbounds] == ["tg:600"]  # finished, not cut off
    assert api.called("getUpdates")[-1]["offset"] == 601
    assert [u["update_id"] for u in api.updates] == [601]  # redelivered on the next run


async def test_polling_backs_off_on_network_error(bot: Bot, api: MiniBotApi) -> None:
    api.fail("getUpdates", 502, "Bad Gateway")
    api.push_update(text_update("안녕", update_id=700))
    engine, stop = FakeEngine(), asyncio.Event()
    task = asyncio.create_task(channel(bot, engine).run_polling(stop, timeout=1))
    await engine.until(1)
    stop.set()
    await asyncio.wait_for(task, 3)
    assert len(api.called("getUpdates")) >= 2


async def test_polling_stops_during_backoff(bot: Bot, api: MiniBotApi) -> None:
    for _ in range(3):
        api.fail("getUpdates", 409, "Conflict: terminated by other getUpdates request")
    stop = asyncio.Event()
    task = asyncio.create_task(channel(bot, FakeEngine()).run_polling(stop, timeout=1))
    await asyncio.sleep(0.2)  # the first poll fails; the poller now waits out its backoff
    stop.set()
    await asyncio.wait_for(task, 1)


async def test_setup_commands_and_webhook(bot: Bot, api: MiniBotApi) -> None:
    tg = channel(bot, FakeEngine())
    await tg.setup(webhook_url="https://example.org/telegram/webhook", secret_token="s3cret")
    [commands] = api.called("setMyCommands")
    assert {c["command"]: c["description"] for c in commands["commands"]} == {
        "start": "시작하기",
        "menu": "처음 메뉴",
        "help": "도움말",
        "cancel": "지금 하던 일 취소",
    }
    [hook] = api.called("setWebhook")
    assert hook["secret_token"] == "s3cret"
    assert hook["allowed_updates"] == ["message", "callback_query"]
    await tg.setup(webhook_url=None, secret_token=None)
    assert len(api.called("deleteWebhook")) == 1


# --- end to end against the shared fake Bot API (tests/fakes), when it is there -------------

try:
    from tests.fakes.telegram_server import FakeTelegramServer
except ImportError:  # pragma: no cover - the shared fake is written separately
    FakeTelegramServer = None  # type: ignore[assignment,misc]

needs_fake = pytest.mark.skipif(FakeTelegramServer is None, reason="tests/fakes not present")


@pytest.fixture
async def full() -> AsyncIterator[tuple[Any, Bot]]:
    async with FakeTelegramServer() as srv:
        tg_bot = Bot(
            srv.token, base_url=f"{srv.base_url}/bot", base_file_url=f"{srv.base_url}/file/bot"
        )
        async with tg_bot:
            yield srv, tg_bot


@needs_fake
async def test_e2e_polling_start_tap_photo(full: tuple[Any, Bot]) -> None:
    srv, tg_bot = full
    engine, stop = FakeEngine(Reply((menu_screen(),))), asyncio.Event()
    task = asyncio.create_task(channel(tg_bot, engine).run_polling(stop, timeout=1))
    srv.user_text(CHAT, "/start invite_7")
    srv.user_text(CHAT, "안녕")
    await engine.until(2)  # updates run in order: the reply to the first one is out
    assert srv.messages(CHAT)[0]["buttons"] == [["공유마켓"], ["우리단지"], ["이전", "처음으로"]]
    engine.reply = Reply((menu_screen("공유마켓입니다"),))
    srv.user_tap(CHAT, srv.messages(CHAT)[0]["message_id"], "t:tokA")
    srv.user_photo(CHAT, b"\xff\xd8 tiny jpeg", caption="누수")
    await engine.until(4)
    stop.set()
    await asyncio.wait_for(task, 3)  # finishes the update in hand, then stops
    start, _, tap, photo = engine.inbounds
    assert (start.command, start.command_arg, tap.token) == ("start", "invite_7", "tokA")
    assert (photo.text, photo.photos[0].data) == ("누수", b"\xff\xd8 tiny jpeg")
    assert [(m["text"], m["edited"]) for m in srv.messages(CHAT)][0] == ("공유마켓입니다", True)


@needs_fake
async def test_e2e_push_to_blocked_chat_is_unreachable(full: tuple[Any, Bot]) -> None:
    srv, tg_bot = full
    srv.user_text(CHAT, "안녕")
    srv.block(CHAT)
    with pytest.raises(base.Unreachable):
        await channel(tg_bot, FakeEngine()).push(CHAT, [Screen("공지")])
