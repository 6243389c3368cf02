"""The outbox, rule by rule: a notification reaches every account of a person once; the web
inbox hands it over once; Telegram pushes respect 403, 429, 5xx and the configured rate;
a crashed sender's rows are resumed without re-sending finished ones; concurrent senders
deliver every row exactly once (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections import Counter
from datetime import timedelta

import aiohttp
import pytest

from bot.app import build_services
from bot.outbox.sender import OutboxSender, Outcome
from bot.screens import Channel
from core.clock import SystemClock
from tests.fakes.telegram_server import FakeTelegramServer
from tests.reliability.outbox_helpers import (
    account_of,
    add_account,
    add_people,
    drain,
    notify,
    notify_many,
    outbox_rows,
    running,
    telegram_channel,
    telegram_sender,
    texts,
    verified,
    wait_until,
)
from tests.support.chat import Chat
from tests.support.drivers import TelegramDriver


async def test_a_notification_reaches_every_account_of_the_person_once(services, engine, demo):
    resident = await verified(engine, demo, 1001)
    await add_account(services, resident, "web", "browser-1")
    assert await notify(services, resident, "단지 소식이 있어요", key="news:1") == 2
    rows = await outbox_rows(services)
    assert {(r["channel"], r["mode"], r["address"]) for r in rows} == {
        ("telegram", "push", "1001"),
        ("web", "inbox", ""),
    }
    assert await notify(services, resident, "단지 소식이 있어요", key="news:1") == 0
    assert len(await outbox_rows(services)) == 2


async def test_the_web_inbox_shows_a_notice_once_and_hands_a_message_over_once(
    services, engine, demo
):
    session = "session-for-the-inbox-test"
    web_user = hashlib.sha256(session.encode()).hexdigest()[:40]  # as the web chat derives it
    resident = await verified(engine, demo, 2001)
    await add_account(services, resident, "web", web_user)
    web = Chat(engine, user=web_user, channel=Channel.WEB)
    await notify(services, resident, "엘리베이터 점검 안내", key="lift:1")
    await web.say("안녕")
    assert web.reply.screens[0].text == "엘리베이터 점검 안내"  # its own screen, first
    assert web.text.count("엘리베이터 점검 안내") == 1
    await web.say("안녕")
    assert "새 알림" not in web.text and "엘리베이터" not in web.text

    await notify(services, resident, "분리수거 요일이 바뀌었어요", key="recycle:1")
    async with running(services) as runtime, aiohttp.ClientSession() as http:
        url = f"http://127.0.0.1:{runtime.port}/api/web/inbox"
        handed = []
        for _ in range(2):
            async with http.post(url, json={"session": session}) as resp:
                assert resp.status == 200
                handed.append([s["text"] for s in (await resp.json())["screens"]])
    assert handed == [["분리수거 요일이 바뀌었어요"], []]
    await web.say("안녕")
    assert "새 알림" not in web.text and "분리수거" not in web.text


async def test_a_push_is_delivered_and_a_blocked_chat_is_not_queued_until_it_writes(
    services, demo
):
    async with FakeTelegramServer() as fake, running(services, fake):
        person = TelegramDriver(fake)
        await person.start(demo["101-1203"])
        chat = person.chat_id
        resident = (await account_of(services, "telegram", str(chat))).resident_id
        assert await notify(services, resident, "관리비 고지서가 나왔어요", key="fee:1") == 1
        await wait_until(lambda: "관리비 고지서가 나왔어요" in texts(fake, chat))

        fake.block(chat)
        assert await notify(services, resident, "택배가 왔어요", key="parcel:1") == 1
        [row] = await wait_until(lambda: outbox_rows(services, status="blocked"))
        assert "blocked" in row["last_error"]
        assert (await account_of(services, "telegram", str(chat))).unreachable
        assert await notify(services, resident, "또 다른 소식", key="news:2") == 0

        await person.say("안녕")  # writing again unblocks the chat and the account
        assert not (await account_of(services, "telegram", str(chat))).unreachable
        assert await notify(services, resident, "다시 연결되었어요", key="news:3") == 1
        await wait_until(lambda: "다시 연결되었어요" in texts(fake, chat))
    assert "택배가 왔어요" not in texts(fake, chat)
    assert sorted(r["status"] for r in await outbox_rows(services)) == ["blocked", "sent", "sent"]


async def test_a_429_waits_retry_after_then_sends_once(services, engine, clock, demo):
    resident = await verified(engine, demo, 4001)
    async with telegram_channel(engine) as (fake, channel):
        sender = telegram_sender(services, channel)
        fake.fail_next(1, status=429, method="sendMessage", retry_after=1)
        await notify(services, resident, "택배가 도착했어요", key="parcel:1")
        assert await sender.tick() == 1
        [row] = await outbox_rows(services)
        assert (row["status"], row["last_error"]) == ("pending", "429")
        assert row["next_attempt_at"] == clock.now() + timedelta(seconds=1)
        assert await sender.tick() == 0  # not due before retry_after
        clock.advance(seconds=1)
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await sender.tick() == 1
        assert loop.time() - started > 0.5  # the deliverer held the channel for retry_after
    assert texts(fake, 4001) == ["택배가 도착했어요"]
    assert fake.count_429 == 1
    assert [r["status"] for r in await outbox_rows(services)] == ["sent"]


async def test_a_chat_over_its_limit_gets_429s_yet_every_message_arrives_once(
    services, engine, clock
):
    people = await add_people(services, "telegram", [4101])
    wanted = [f"순서 {i}" for i in range(5)]
    async with telegram_channel(engine, per_chat_rate=True, time_scale=0.05) as (fake, channel):
        sender = telegram_sender(services, channel, per_chat=100)  # faster than the chat allows
        await notify_many(services, [(people["4101"], t, f"burst:{t}") for t in wanted])
        await drain(sender, clock, seconds=1)
    assert fake.count_429 >= 1
    assert sorted(texts(fake, 4101)) == wanted
    assert {r["status"] for r in await outbox_rows(services)} == {"sent"}


async def test_a_502_is_retried_with_backoff_and_fails_after_max_attempts(
    services, engine, clock, demo
):
    services.config = services.config.replace(outbox={"max_attempts": 3})
    resident = await verified(engine, demo, 5001)
    async with telegram_channel(engine) as (fake, channel):
        sender = telegram_sender(services, channel)
        fake.fail_next(1, status=502, method="sendMessage")
        await notify(services, resident, "점검 안내", key="check:1")
        assert await sender.tick() == 1
        [row] = await outbox_rows(services)
        assert (row["status"], row["attempts"]) == ("pending", 1) and row["last_error"]
        assert clock.now() <= row["next_attempt_at"] <= clock.now() + timedelta(seconds=2)
        clock.advance(seconds=2)
        assert await sender.tick() == 1
        assert texts(fake, 5001) == ["점검 안내"]

        fake.fail_next(10, status=502, method="sendMessage")
        await notify(services, resident, "안 가는 소식", key="check:2")
        for _ in range(3):
            assert await sender.tick() == 1
            clock.advance(seconds=601)  # past any backoff (capped at 600 s)
        assert await sender.tick() == 0
    last = (await outbox_rows(services))[-1]
    assert (last["status"], last["attempts"]) == ("failed", 3)
    assert texts(fake, 5001) == ["점검 안내"]


def busiest_second(stamps: list[float], window: float = 1.0) -> int:
    return max(sum(1 for u in stamps if s <= u < s + window) for s in stamps)


async def test_telegram_pushes_stay_within_the_configured_rate(services):
    services.clock = SystemClock()  # real time: a 429 retry must come due by itself
    chats = list(range(6001, 6061))
    people = await add_people(services, "telegram", [*chats, 6100])
    items = [(people[str(c)], f"공지 {c}", f"rate:{c}") for c in chats]
    items += [(people["6100"], f"순서 {i}", f"rate:one:{i}") for i in range(5)]
    fake = FakeTelegramServer(global_rate=25, per_chat_rate=1)
    async with fake, running(services, fake, outbox={"telegram_rate": 20}):
        assert await notify_many(services, items) == 65
        await wait_until(lambda: len(fake.sent) >= 65, within=30)
        await asyncio.sleep(0.3)
    stamps = sorted(t for method, _, t in fake.sent if method == "sendMessage")
    one = [t for _, p, t in fake.sent if p["chat_id"] == 6100]
    gaps = [b - a for a, b in zip(one, one[1:], strict=False)]
    print(
        f"rate: sent={len(stamps)} in {stamps[-1] - stamps[0]:.2f}s, busiest 1 s="
        f"{busiest_second(stamps)}, one-chat gaps={[round(g, 3) for g in gaps]}, "
        f"429s={fake.count_429}"
    )
    assert len(stamps) == 65 and fake.count_429 == 0
    assert busiest_second(stamps, window=0.95) <= 20
    assert min(gaps) >= 0.95


class Crashing:
    """Sends the first row of its batch, then the process dies before recording anything."""

    def __init__(self, real) -> None:
        self.real = real
        self.reached = asyncio.Event()

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        await self.real.deliver(rows[:1])
        self.reached.set()
        await asyncio.Event().wait()  # killed here
        raise AssertionError("unreachable")


async def test_after_a_crash_another_sender_resumes_and_finished_rows_are_not_resent(
    services, engine, clock
):
    chats = list(range(7001, 7007))
    people = await add_people(services, "telegram", chats)
    await notify_many(services, [(people[str(c)], f"소식 {c}", f"crash:{c}") for c in chats])
    async with telegram_channel(engine) as (fake, channel):
        first = telegram_sender(services, channel, batch=3)
        assert await first.tick() == 3  # chats 7001-7003: sent and recorded
        crash = Crashing(first.deliverers["telegram"])
        first.deliverers = {"telegram": crash}
        task = asyncio.create_task(first.tick())
        await crash.reached.wait()  # 7004 went out, 7004-7006 are claimed, nothing recorded
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        rows = await outbox_rows(services)
        assert [r["status"] for r in rows] == ["sent"] * 3 + ["sending"] * 3

        second = telegram_sender(services, channel)
        assert await second.tick() == 0  # the dead sender's lease still holds
        clock.advance(seconds=services.config.outbox.lease_seconds + 1)
        assert await second.tick() == 3
    per_chat = Counter(p["chat_id"] for _, p, _ in fake.sent)
    assert per_chat == {7001: 1, 7002: 1, 7003: 1, 7004: 2, 7005: 1, 7006: 1}  # 7004 was in flight
    assert {r["status"] for r in await outbox_rows(services)} == {"sent"}
    async with services.uow() as uow:  # the old sender, waking up, cannot overwrite (fencing)
        assert not await uow.outbox.finish(rows[4]["id"], first.owner, "failed", clock.now())


class Recording:
    def __init__(self) -> None:
        self.ids: list[int] = []

    async def deliver(self, rows: list[dict]) -> dict[int, Outcome]:
        await asyncio.sleep(0.001)
        self.ids.extend(r["id"] for r in rows)
        return {r["id"]: Outcome("sent") for r in rows}


@pytest.mark.both_dbs
async def test_senders_ticking_at_once_deliver_every_row_exactly_once(services, clock):
    """Four sender processes rather than two: with two, claims rarely overlap (a claim
    without SKIP LOCKED was caught in 1 run of 3); with four, in every run."""
    people = await add_people(services, "telegram", [8001])
    items = [(people["8001"], f"알림 {i}", f"claims:{i}") for i in range(200)]
    assert await notify_many(services, items) == 200
    others = [build_services(services.config, clock=clock) for _ in range(3)]
    recorders = [Recording() for _ in range(4)]
    senders = [
        OutboxSender(s, {"telegram": r}, batch=10)
        for s, r in zip([services, *others], recorders, strict=True)
    ]

    async def run(sender: OutboxSender) -> None:
        handled = 1
        while handled:  # each tick awaits the database, so the senders interleave
            handled = await sender.tick()

    try:
        await asyncio.gather(*(run(s) for s in senders))
    finally:
        for other in others:
            await other.close()
    assert sum(1 for r in recorders if r.ids) >= 2  # the work really was shared
    counts = Counter(i for r in recorders for i in r.ids)
    assert len(counts) == 200 and set(counts.values()) == {1}
    assert {r["status"] for r in await outbox_rows(services)} == {"sent"}
