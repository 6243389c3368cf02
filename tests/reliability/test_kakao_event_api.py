"""KakaoTalk notifications: pushed through the Open Builder Event API when it is configured
(at most 100 distinct users per call, `Authorization: KakaoAK <key>`, per-user failures read
from the task endpoint), otherwise kept in the inbox and shown on the person's next message.
The Event API is a small local fake that refuses what Kakao refuses."""

from __future__ import annotations

import aiohttp
from sqlalchemy import select

from storage import tables
from tests.fakes.kakao_event_api import BOT_ID, KEY, FakeEventApi
from tests.reliability.outbox_helpers import (
    account_of,
    add_people,
    notify,
    notify_many,
    outbox_rows,
    running,
    wait_until,
)
from tests.support.drivers import KakaoDriver


def event_api(fake: FakeEventApi) -> dict:
    return {"kakao": {"event_api_base": fake.base, "event_api_key": KEY, "bot_id": BOT_ID}}


async def settled(services) -> list[dict]:
    """The outbox rows once none is waiting or being sent."""
    rows = await outbox_rows(services)
    return rows if all(r["status"] not in ("pending", "sending") for r in rows) else []


async def test_250_notifications_go_out_in_3_calls_of_at_most_100_users(services):
    users = [f"bk{i:03d}" for i in range(250)]
    people = await add_people(services, "kakao", users)
    async with FakeEventApi() as fake, running(services, **event_api(fake)):
        items = [(people[u], "단지 공지: 내일 단수", f"water:{u}") for u in users]
        assert await notify_many(services, items) == 250
        rows = await wait_until(lambda: settled(services))
    assert fake.refused == []
    assert [len(c["user"]) for c in fake.calls] == [100, 100, 50]
    assert {c["auth"] for c in fake.calls} == {f"KakaoAK {KEY}"}
    assert {c["event"]["data"]["text"] for c in fake.calls} == {"단지 공지: 내일 단수"}
    assert sorted(u for c in fake.calls for u in c["user"]) == users  # each user once
    assert {(r["mode"], r["status"]) for r in rows} == {("push", "sent")}


async def test_users_the_task_reports_as_failed_are_blocked_or_failed(services):
    users = ["ok-1", "ok-2", "left-channel", "broken"]
    people = await add_people(services, "kakao", users)
    async with FakeEventApi() as fake, running(services, **event_api(fake)):
        fake.failing = {"left-channel": "user blocked the channel", "broken": "internal error"}
        await notify_many(services, [(people[u], "관리비 안내", f"fee:{u}") for u in users])
        rows = await wait_until(lambda: settled(services))
        assert len(fake.calls) == 1 and fake.refused == []
        status = {r["address"]: (r["status"], r["last_error"]) for r in rows}
        assert status == {
            "ok-1": ("sent", ""),
            "ok-2": ("sent", ""),
            "left-channel": ("blocked", "user blocked the channel"),
            "broken": ("failed", "internal error"),
        }
        assert (await account_of(services, "kakao", "xleft-channel")).unreachable
        assert not (await account_of(services, "kakao", "xbroken")).unreachable
        assert await notify(services, people["left-channel"], "다음 안내", key="fee:2") == 0


async def resident_of(services, driver: KakaoDriver) -> int:
    accounts = tables.channel_accounts
    stmt = select(accounts.c.resident_id).where(accounts.c.address == driver.user_key)
    async with services.uow() as uow:
        return (await uow.session.execute(stmt)).scalar_one()


async def test_without_the_event_api_a_notification_waits_for_the_next_skill_request(
    services, demo
):
    async with running(services) as runtime, aiohttp.ClientSession() as http:
        person = KakaoDriver(f"http://127.0.0.1:{runtime.port}", http)
        await person.start(demo["101-1203"])
        resident = await resident_of(services, person)
        assert await notify(services, resident, "택배 보관함에 물건이 있어요", key="parcel:1") == 1
        [row] = await outbox_rows(services)
        assert (row["channel"], row["mode"], row["status"]) == ("kakao", "inbox", "pending")
        await person.say("처음으로")
        assert person.text.count("택배 보관함에 물건이 있어요") == 1  # its own bubble
        await person.say("처음으로")
        assert "새 알림" not in person.text and "택배" not in person.text


async def test_with_the_event_api_a_kakao_person_is_pushed_to_and_not_told_again(services, demo):
    async with (
        FakeEventApi() as fake,
        running(services, **event_api(fake)) as runtime,
        aiohttp.ClientSession() as http,
    ):
        person = KakaoDriver(f"http://127.0.0.1:{runtime.port}", http)
        await person.start(demo["102-304"])
        resident = await resident_of(services, person)
        assert await notify(services, resident, "주차 안내", key="parking:1") == 1
        await wait_until(lambda: fake.calls)
        assert fake.calls[0]["user"] == [person.user_key]
        assert fake.calls[0]["event"]["name"] == services.config.kakao.event_name
        await wait_until(lambda: settled(services))
        await person.say("처음으로")
        assert "새 알림" not in person.text and "주차 안내" not in person.text
