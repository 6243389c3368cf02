"""Defect 6: odd JSON (deep nesting, integers over 4,300 digits, lone surrogates) on the
KakaoTalk skill, the Telegram webhook and the web chat gets a 400 or a polite answer and one
log line, never a 500 or a traceback; a lone surrogate does not break the engine for that user."""

from __future__ import annotations

import json
import logging

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_engine
from bot.runtime import Runtime
from bot.server import build_http_app
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver

SECRET = "s3cret"
HEADERS = {"X-Naechingu-Secret": SECRET, "Content-Type": "application/json"}
DEEP = b"[" * 50_000 + b"]" * 50_000
HUGE_INT = b'{"update_id": ' + b"9" * 5000 + b"}"


@pytest.fixture
async def http(services, demo):
    services.config = services.config.replace(kakao={"secret_value": SECRET})
    client = TestClient(TestServer(build_http_app(services, build_engine(services))))
    await client.start_server()
    yield client
    await client.close()


def _no_traceback(caplog) -> None:
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def _kakao_body(user_key: str, utterance: str) -> bytes:
    payload = KakaoDriver("", None).payload(utterance)
    payload["userRequest"]["user"]["id"] = user_key
    # ensure_ascii keeps a lone surrogate as the escape "\ud800", as the probe sent it
    return json.dumps(payload).encode()


@pytest.mark.parametrize(
    "body",
    [DEEP, b'{"a": ' + b"1" * 5000 + b"}", b'{"userRequest": ' * 3000 + b"1" + b"}" * 3000],
)
async def test_kakao_odd_json_is_a_400_without_traceback(http, caplog, body):
    r = await http.post("/kakao/skill", data=body, headers=HEADERS)
    assert r.status == 400
    assert "error" in await r.json()
    _no_traceback(caplog)


@pytest.mark.parametrize("body", [DEEP, b"[1, 2]", HUGE_INT])
async def test_web_chat_odd_json_is_a_400(http, caplog, body):
    r = await http.post(
        "/api/web/message", data=body, headers={"Content-Type": "application/json"}
    )
    assert r.status == 400
    _no_traceback(caplog)


async def test_a_lone_surrogate_in_kakao_text_gets_an_answer_and_the_user_keeps_working(
    http, caplog
):
    user = "u" * 30 + "abc"
    r = await http.post("/kakao/skill", data=_kakao_body(user, "안녕\ud800"), headers=HEADERS)
    assert r.status == 200
    assert (await r.json())["version"] == "2.0"
    r = await http.post("/kakao/skill", data=_kakao_body(user, "도움말"), headers=HEADERS)
    assert r.status == 200
    assert (await r.json())["version"] == "2.0"
    _no_traceback(caplog)


async def test_a_lone_surrogate_in_the_kakao_user_id_is_refused(http, caplog):
    r = await http.post("/kakao/skill", data=_kakao_body("abc\ud800", "안녕"), headers=HEADERS)
    assert r.status == 400
    _no_traceback(caplog)


async def test_a_lone_surrogate_in_web_text_gets_an_answer(http, caplog):
    session = (await (await http.post("/api/web/session")).json())["session"]
    for text in ("안녕\udfff", "도움말"):
        body = json.dumps({"session": session, "text": text}).encode()
        r = await http.post(
            "/api/web/message", data=body, headers={"Content-Type": "application/json"}
        )
        assert r.status == 200
        assert (await r.json())["screens"]
    _no_traceback(caplog)


@pytest.fixture
async def webhook(services, demo):
    fake = await FakeTelegramServer().start()
    services.config = services.config.replace(
        telegram={
            "token": fake.token,
            "api_base": fake.base_url,
            "webhook_url": "http://127.0.0.1:1/hook",
            "webhook_secret": SECRET,
        }
    )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    yield fake, f"http://127.0.0.1:{runtime.port}/telegram/webhook"
    await runtime.stop()
    await fake.stop()


def _update(update_id: int, user_id: int, text: str) -> bytes:
    return json.dumps(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 1_700_000_000,
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": user_id, "is_bot": False, "first_name": "김\ud800"},
                "text": text,
            },
        }
    ).encode()


async def test_telegram_odd_json_is_a_400_and_surrogates_do_not_break_the_user(webhook, caplog):
    import aiohttp

    fake, url = webhook
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http:
        for body in (DEEP, HUGE_INT):
            async with http.post(url, data=body, headers=headers) as r:
                assert r.status == 400
        for n, text in enumerate(("안녕\ud800", "/help")):
            async with http.post(url, data=_update(500 + n, 4242, text), headers=headers) as r:
                assert r.status == 200
    _no_traceback(caplog)
