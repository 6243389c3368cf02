"""Helpers for the outbox tests (test_outbox.py, test_kakao_event_api.py): people with
Telegram accounts, queuing notifications, reading outbox rows, a fake Bot API server with a
channel on it, and a running Runtime. Not a conftest: it defines no fixtures."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from types import SimpleNamespace

import telegram
from sqlalchemy import select

from bot.app import build_engine
from bot.channels.telegram.adapter import TelegramChannel
from bot.outbox.sender import OutboxSender
from bot.outbox.telegram import TelegramDeliverer
from bot.runtime import Runtime
from bot.screens import Channel
from core.identity.model import ChannelAccount, Resident
from core.notifications import Message
from storage import tables
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.chat import Chat


class TelegramChat(Chat):
    """A Telegram person talking to the engine: every message carries its chat id."""

    def __init__(self, engine, chat_id: int) -> None:
        super().__init__(engine, user=str(chat_id), channel=Channel.TELEGRAM)
        self.chat_id = chat_id

    async def _send(self, **kw):
        return await super()._send(extra={"chat_id": self.chat_id}, **kw)


async def verified(engine, demo, chat_id: int, key: str = "101-1203") -> int:
    """A person verified on Telegram (chat `chat_id`); returns the resident id."""
    chat = TelegramChat(engine, chat_id)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    reply = await chat.say(demo[key])
    assert "확인했어요" in chat.text
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return reply.resident_id


async def add_account(services, resident_id: int, channel: str, external_id: str, address=""):
    """Another messenger of the same person (what linking produces), added directly."""
    async with services.uow() as uow:
        account = ChannelAccount(
            channel=channel,
            external_id=external_id,
            resident_id=resident_id,
            created_at=services.clock.now(),
            address=address,
        )
        await uow.accounts.add(account)
        await uow.commit()
    return account


async def add_people(services, channel: str, addresses: list) -> dict[str, int]:
    """One unverified resident per address, each with one account: {address: resident id}."""
    out = {}
    async with services.uow() as uow:
        for address in addresses:
            resident = await uow.residents.add(Resident(created_at=services.clock.now()))
            account = ChannelAccount(
                channel=channel,
                external_id=f"x{address}",
                resident_id=resident.id,
                created_at=services.clock.now(),
                address=str(address),
            )
            await uow.accounts.add(account)
            out[str(address)] = resident.id
        await uow.commit()
    return out


async def notify(services, resident_id: int, text: str, key: str) -> int:
    async with services.uow() as uow:
        queued = await uow.notifier.notify(resident_id, Message(text), key=key)
        await uow.commit()
    return queued


async def notify_many(services, items: list[tuple[int, str, str]]) -> int:
    """(resident id, text, key) for each; all queued in one transaction."""
    queued = 0
    async with services.uow() as uow:
        for resident_id, text, key in items:
            queued += await uow.notifier.notify(resident_id, Message(text), key=key)
        await uow.commit()
    return queued


async def outbox_rows(services, **where) -> list[dict]:
    stmt = select(tables.outbox).order_by(tables.outbox.c.id)
    for column, value in where.items():
        stmt = stmt.where(tables.outbox.c[column] == value)
    async with services.uow() as uow:
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def account_of(services, channel: str, external_id: str) -> SimpleNamespace:
    """The account's state now (a plain copy: the unit of work expires ORM objects)."""
    async with services.uow() as uow:
        a = await uow.accounts.find(channel, external_id)
        return SimpleNamespace(id=a.id, resident_id=a.resident_id, unreachable=a.unreachable)


async def wait_until(check, within: float = 10.0, step: float = 0.05):
    """Poll `check` (sync or async) until it returns something truthy; fail after `within` s."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(step)


@contextlib.asynccontextmanager
async def telegram_channel(engine, **fake_kw):
    """A fake Bot API server and a TelegramChannel talking to it: (server, channel)."""
    async with FakeTelegramServer(**fake_kw) as srv, telegram.Bot(**srv.ptb_kwargs()) as bot:
        yield srv, TelegramChannel(bot, engine)


def telegram_sender(services, channel, *, per_chat=None, batch=100) -> OutboxSender:
    """An OutboxSender for Telegram built from the config, as the Runtime builds it."""
    cfg = services.config.outbox
    deliverer = TelegramDeliverer(
        channel, rate=cfg.telegram_rate, per_chat=per_chat or cfg.telegram_per_chat
    )
    return OutboxSender(services, {"telegram": deliverer}, batch=batch)


async def drain(sender: OutboxSender, clock, *, rounds: int = 20, seconds: float = 601) -> None:
    """Tick until nothing is left, moving the frozen clock on so retries come due."""
    for _ in range(rounds):
        if not await sender.tick() and not await _due_later(sender):
            return
        clock.advance(seconds=seconds)


async def _due_later(sender: OutboxSender) -> bool:
    rows = await outbox_rows(sender.s)
    return any(r["status"] in ("pending", "sending") and r["mode"] == "push" for r in rows)


@contextlib.asynccontextmanager
async def running(services, fake: FakeTelegramServer | None = None, **config):
    """The whole process (HTTP server, Telegram poller and outbox sender when configured)."""
    if fake is not None:
        config["telegram"] = {"token": fake.token, "api_base": fake.base_url}
    if config:
        services.config = services.config.replace(**config)
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.stop()


def texts(srv: FakeTelegramServer, chat_id: int) -> list[str]:
    return [m["text"] for m in srv.messages(chat_id)]
