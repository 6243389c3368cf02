"""Tests of the fake Telegram Bot API server's controls (tests/fakes/telegram_server.py):
long polling and its 409, sliding-window rate limits and 429s, blocked chats, injected
failures and webhook delivery. The wire format and python-telegram-bot round trips are in
test_fake_telegram_server.py."""

from __future__ import annotations

import asyncio

from aiohttp import web

from tests.channels.fake_telegram_helpers import call
from tests.fakes.telegram_server import FakeTelegramServer

# -- getUpdates --------------------------------------------------------------------------------


async def test_long_poll_wakes_on_push_and_offset_confirms():
    async with FakeTelegramServer() as srv:
        loop = asyncio.get_running_loop()
        started = loop.time()
        poll = asyncio.create_task(call(srv, "getUpdates", timeout=5))
        await asyncio.sleep(0.1)
        first = srv.user_text(1, "a")
        status, body = await poll
        assert status == 200 and [u["update_id"] for u in body["result"]] == [first["update_id"]]
        assert loop.time() - started < 2
        second = srv.push_update(
            {"message": {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "private"}}}
        )
        assert second["update_id"] == first["update_id"] + 1
        _, body = await call(srv, "getUpdates", offset=second["update_id"])
        assert [u["update_id"] for u in body["result"]] == [second["update_id"]]
        srv.user_text(1, "c")
        _, body = await call(srv, "getUpdates", offset=-1)
        assert [u["message"]["text"] for u in body["result"]] == ["c"]
        assert len(srv.updates) == 1

        started = loop.time()
        srv.updates.clear()
        assert await call(srv, "getUpdates", timeout=0.3) == (200, {"ok": True, "result": []})
        assert loop.time() - started >= 0.25


async def test_second_poller_terminates_the_first_with_409():
    async with FakeTelegramServer() as srv:
        first = asyncio.create_task(call(srv, "getUpdates", timeout=5))
        await asyncio.sleep(0.1)
        second = asyncio.create_task(call(srv, "getUpdates", timeout=0.2))
        status, body = await first
        assert status == 409 and body["description"].startswith("Conflict: terminated by other")
        assert (await second)[0] == 200


# -- rate limits, blocking, injected failures ---------------------------------------------


async def test_sliding_window_limits_with_fake_clock():
    now = [1000.0]
    srv = FakeTelegramServer(global_rate=3, per_chat_rate=True, clock=lambda: now[0])
    async with srv:
        assert (await call(srv, "sendMessage", chat_id=1, text="a"))[0] == 200
        now[0] += 0.4
        assert await call(srv, "sendMessage", chat_id=1, text="b") == (
            429,
            {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1},
            },
        )
        assert (await call(srv, "sendMessage", chat_id=2, text="c"))[0] == 200
        assert (await call(srv, "sendMessage", chat_id=3, text="d"))[0] == 200
        status, body = await call(srv, "sendMessage", chat_id=4, text="e")  # 4th in 1 s: global
        assert status == 429 and body["parameters"]["retry_after"] == 1
        now[0] += 0.61  # the first send (t=1000.0) left the window; chat 1 is free again
        assert (await call(srv, "sendMessage", chat_id=1, text="b"))[0] == 200
        assert srv.count_429 == 2
        assert [p["text"] for _, p, _ in srv.sent] == ["a", "c", "d", "b"]
        assert [t for *_, t in srv.sent] == [1000.0, 1000.4, 1000.4, 1001.01]
        # edits are not limited unless limit_edits=True
        assert (await call(srv, "editMessageText", chat_id=1, message_id=1, text="a2"))[0] == 200


async def test_time_scale_and_fixed_retry_after_for_fast_tests():
    async with FakeTelegramServer(per_chat_rate=1, time_scale=0.05) as srv:
        assert (await call(srv, "sendMessage", chat_id=1, text="a"))[0] == 200
        status, body = await call(srv, "sendMessage", chat_id=1, text="b")
        retry_after = body["parameters"]["retry_after"]
        assert status == 429 and 0 < retry_after <= 0.05
        await asyncio.sleep(retry_after + 0.01)
        assert (await call(srv, "sendMessage", chat_id=1, text="b"))[0] == 200
    async with FakeTelegramServer(per_chat_rate=1, retry_after_value=0.25) as srv:
        await call(srv, "sendMessage", chat_id=1, text="a")
        _, body = await call(srv, "sendMessage", chat_id=1, text="b")
        assert body["description"] == "Too Many Requests: retry after 0.25"
        assert body["parameters"] == {"retry_after": 0.25}


async def test_block_and_fail_next():
    async with FakeTelegramServer(per_chat_rate=1) as srv:
        srv.block(5)
        assert await call(srv, "sendMessage", chat_id=5, text="x") == (
            403,
            {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            },
        )
        srv.user_text(5, "/start")  # writing to the bot again unblocks it
        assert (await call(srv, "sendMessage", chat_id=5, text="x"))[0] == 200

        srv.fail_next(1, status=500)
        srv.fail_next(1, status=429, retry_after=3)
        srv.fail_next(1, method="getUpdates")
        assert (await call(srv, "getMe"))[1]["description"] == "Internal Server Error"
        status, body = await call(srv, "getMe")
        assert (status, body["parameters"]) == (429, {"retry_after": 3})
        assert (await call(srv, "getMe"))[0] == 200  # the last failure waits for getUpdates
        assert (await call(srv, "getUpdates"))[0] == 502
        assert (await call(srv, "getUpdates"))[0] == 200
        assert srv.count_429 == 1
        assert [(m, s) for m, _, s, _ in srv.requests][-5:] == [
            ("getMe", 500),
            ("getMe", 429),
            ("getMe", 200),
            ("getUpdates", 502),
            ("getUpdates", 200),
        ]


# -- webhook mode ------------------------------------------------------------------------------


async def test_deliver_webhook_with_secret_retries_and_redelivery():
    seen: list[tuple[str | None, int]] = []
    statuses = [500, 200, 200]

    async def hook(request: web.Request) -> web.Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != "s3cret":
            return web.Response(status=403)
        update = await request.json()
        seen.append((request.headers["X-Telegram-Bot-Api-Secret-Token"], update["update_id"]))
        return web.Response(status=statuses.pop(0))

    app = web.Application()
    app.router.add_post("/tg", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/tg"
    try:
        async with FakeTelegramServer() as srv:
            await call(srv, "setWebhook", url=url, secret_token="s3cret")
            update = srv.user_text(1, "안녕")
            assert await srv.deliver_webhook(None, update, retries=2, retry_delay=0.01) == 200
            assert seen == [("s3cret", update["update_id"])] * 2
            _, info = await call(srv, "getWebhookInfo")
            assert info["result"]["pending_update_count"] == 0
            assert info["result"]["last_error_message"].startswith("Wrong response")
            assert await srv.deliver_webhook(url, update) == 200  # redelivery, same update_id
            assert seen[-1] == ("s3cret", update["update_id"])
            assert await srv.deliver_webhook(url, update, secret_token="wrong") == 403
            dead = "http://127.0.0.1:9/tg"
            assert await srv.deliver_webhook(dead, {"message": {"text": "x"}}) == 0
            assert [s for _, s in srv.webhook_deliveries] == [200, 200, 403, 0]
    finally:
        await runner.cleanup()
