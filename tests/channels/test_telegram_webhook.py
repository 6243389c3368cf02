"""Telegram in webhook mode: the secret header, and an update redelivered three times that
changes things exactly once (the engine remembers handled update_ids)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.app import build_engine
from bot.runtime import Runtime
from storage import tables
from tests.fakes.telegram_server import FakeTelegramServer

SECRET = "webhook-secret-0123456789"


@pytest.fixture
async def webhook(services, demo):
    fake = await FakeTelegramServer().start()
    services.config = services.config.replace(
        telegram={
            "token": fake.token,
            "api_base": fake.base_url,
            "webhook_url": "http://127.0.0.1:1/hook",  # only registered; tests post directly
            "webhook_secret": SECRET,
        }
    )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    url = f"http://127.0.0.1:{runtime.port}/telegram/webhook"
    yield fake, url
    await runtime.stop()
    await fake.stop()


async def _grants(services) -> int:
    async with services.uow() as uow:
        stmt = select(func.count()).select_from(tables.role_grants)
        return int(await uow.session.scalar(stmt))


async def test_the_webhook_refuses_requests_without_the_secret(webhook):
    fake, url = webhook
    update = fake.user_text(501, "/start")
    assert await fake.deliver_webhook(url, update, secret_token="") == 401
    assert await fake.deliver_webhook(url, update, secret_token="wrong") == 401
    assert await fake.deliver_webhook(url, update, secret_token=SECRET) == 200


async def test_an_update_redelivered_three_times_has_one_effect(webhook, services, demo):
    fake, url = webhook
    start = fake.user_text(502, "/start " + demo["101-1203"])
    for _ in range(3):
        assert await fake.deliver_webhook(url, start, secret_token=SECRET) == 200
    assert await _grants(services) == 1
    answers = [m["text"] for m in fake.messages(502) if m["text"]]
    assert sum("101동 1203호로 확인했어요" in a for a in answers) == 1
