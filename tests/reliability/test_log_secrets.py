"""No secret or personal detail in any log line. A Telegram journey runs against the local fake
Bot API with every logger at DEBUG, and the captured output (messages and tracebacks) must not
hold the bot token, the invite code, the household's unit number or anything the resident
typed. (Every Bot API call once logged `HTTP Request: POST …/bot<token>/sendMessage`.)"""

from __future__ import annotations

import logging
import re

import aiohttp
import pytest

from bot.app import build_engine
from bot.logs import Redactor
from bot.runtime import Runtime
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import TelegramDriver, WebDriver

TOKEN = "7012345678:AAHs3cr3tT0k3nNobodyMayRead_xYz123"
SAID = "우리집비밀이야기 현관 비밀번호는 4821"


def leaks(text: str, code: str) -> list[str]:
    found = []
    for label, needle in (
        ("token", TOKEN),
        ("token secret part", TOKEN.split(":")[1]),
        ("invite code", code),
        ("invite code without dash", code.replace("-", "")),
        ("typed text", SAID),
        ("typed words", "현관 비밀번호"),
    ):
        if needle in text:
            found.append(label)
    if re.search(r"(?<!\d)1203(?!\d)", text):
        found.append("unit number")
    return found


@pytest.fixture
async def telegram_person(services, demo):
    fake = await FakeTelegramServer(token=TOKEN).start()
    services.config = services.config.replace(
        telegram={"token": fake.token, "api_base": fake.base_url}
    )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    yield TelegramDriver(fake)
    await runtime.stop()
    await fake.stop()


async def test_a_telegram_journey_logs_no_token_code_unit_or_text(telegram_person, demo, caplog):
    caplog.set_level(logging.DEBUG)  # everything any library would say
    code = demo["101-1203"]
    person = telegram_person
    await person.start(code)
    assert "101동 1203호로 확인했어요" in person.signup
    await person.say(SAID)
    for label in ("우리단지", "고장 신고", "누수"):
        await person.tap(label)
    await person.say(SAID)
    await person.tap("우리 집")
    await person.tap("보통")
    await person.tap("접수")
    assert "접수 번호는" in person.text
    logging.getLogger("httpx").warning("canary")  # the capture sees the libraries' loggers
    assert "canary" in caplog.text
    assert leaks(caplog.text, code) == []
    assert all(leaks(r.getMessage(), code) == [] for r in caplog.records)


async def test_a_web_journey_logs_no_code_unit_or_text(services, demo, caplog):
    caplog.set_level(logging.DEBUG)
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    async with aiohttp.ClientSession() as http:
        person = WebDriver(f"http://127.0.0.1:{runtime.port}", http)
        await person.start(demo["101-1203"])
        await person.say(SAID)
    await runtime.stop()
    assert leaks(caplog.text, demo["101-1203"]) == []


def test_the_log_redactor_hides_secrets_in_any_line():
    redactor = Redactor([TOKEN, "kakao-secret-value", ""])
    record = logging.LogRecord(
        "httpx", logging.INFO, __file__, 1, "HTTP Request: POST %s", (f"/bot{TOKEN}/x",), None
    )
    assert redactor.filter(record)
    assert TOKEN not in record.getMessage() and "/bot***/x" in record.getMessage()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "kakao-secret-value", (), None)
    redactor.filter(record)
    assert record.getMessage() == "***"


def test_the_log_redactor_hides_alimtalk_secrets_and_mobile_numbers():
    redactor = Redactor(["dealer-secret-5678abcd"])
    for typed in ("010-1234-5678", "01012345678", "010 1234 5678", "+82 10-1234-5678"):
        record = logging.LogRecord(
            "x",
            logging.INFO,
            __file__,
            1,
            "sent to %s with %s",
            (typed, "dealer-secret-5678abcd"),
            None,
        )
        redactor.filter(record)
        assert record.getMessage() == "sent to 010-****-**** with ***", typed
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "order 20261204-0001 total 1234", (), None
    )
    redactor.filter(record)
    assert record.getMessage() == "order 20261204-0001 total 1234"  # not a phone number
