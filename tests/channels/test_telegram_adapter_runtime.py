"""The Telegram adapter at run time: the webhook (secret, bad bodies), polling (order, offsets,
back-off, stop), setup (commands, webhook), and end to end against the shared fake Bot API.

Network-level behaviour runs against `MiniBotApi` (tests/channels/telegram_support.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from telegram import Bot

from bot.channels import base
from bot.screens import Inbound, Reply, Screen
from tests.channels.telegram_support import (
    CHAT,
    FakeEngine,
    MiniBotApi,
    channel,
    menu_screen,
    text_update,
)

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
