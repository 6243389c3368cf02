"""The web chat's live stream (Server-Sent Events over POST /api/web/stream): a notification
committed for the page's person arrives at once and once; a wrong session is refused and
another session's stream gets nothing; rows queued by another process arrive at the stream's
next look at the outbox; shutting the server down ends open streams at once."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_services
from bot.outbox.live import bell_key
from bot.runtime import Runtime
from bot.server import build_http_app
from core.notifications import Message
from tests.reliability.outbox_helpers import wait_until


async def _client(services, engine, **kw) -> TestClient:
    client = TestClient(TestServer(build_http_app(services, engine, **kw)))
    await client.start_server()
    return client


@pytest.fixture
async def http(services, engine, demo):
    client = await _client(services, engine)
    yield client
    await client.close()


async def new_session(http) -> str:
    resp = await http.post("/api/web/session")
    return (await resp.json())["session"]


async def verify(http, session: str, code: str) -> None:
    """Through the page's own API: open, tap 초대코드 입력, type the code."""
    data = {}
    steps = ({"text": ""}, "초대코드 입력", {"text": code}, "아니요")  # 아니요: 쉬운 모드?
    for n, field in enumerate(steps):
        if isinstance(field, str):
            token = next(b["token"] for b in data["screens"][-1]["buttons"] if b["label"] == field)
            field = {"token": token}
        resp = await http.post(
            "/api/web/message", json={"session": session, "id": f"v{n}", **field}
        )
        data = await resp.json()
    assert "보통 화면으로 쓸게요" in json.dumps(data, ensure_ascii=False)


async def resident_of(services, household: str) -> int:
    building, unit = household.split("-")
    async with services.uow() as uow:
        complex_ = await uow.complexes.by_code("DEMO")
        found = await uow.households.find(complex_.id, building, unit)
        (resident_id,) = await uow.residents.ids_in_household(found.id)
    return resident_id


async def notify(services, resident_id: int, text: str, key: str) -> None:
    async with services.uow() as uow:
        await uow.notifier.notify(resident_id, Message(text), key=key)
        await uow.commit()


async def next_event(resp, within: float) -> tuple[str, dict | None]:
    """The next event of the stream (comments skipped): (name, data)."""
    async with asyncio.timeout(within):
        while True:
            block = (await resp.content.readuntil(b"\n\n")).decode()
            lines = [ln for ln in block.split("\n") if ln and not ln.startswith(":")]
            fields = dict(ln.split(": ", 1) for ln in lines if ": " in ln)
            if "event" in fields:
                return fields["event"], json.loads(fields["data"])


async def listening(services, n: int = 1) -> None:
    """Wait until `n` streams are subscribed to the bell (the stream is set up)."""
    await wait_until(lambda: services.bell.total() >= n, 5)


async def test_a_wrong_session_is_refused(http):
    for body in ({}, {"session": "short"}, {"session": "bad session with spaces!!!"}):
        resp = await http.post("/api/web/stream", json=body)
        assert resp.status == 401
        assert (await resp.json())["error"] == "no session"
    resp = await http.post("/api/web/stream", data=b"{not json")
    assert resp.status == 400


async def test_a_session_opens_a_few_streams_at_most_and_the_page_then_polls(http, services):
    session = await new_session(http)
    tabs = [await http.post("/api/web/stream", json={"session": session}) for _ in range(4)]
    await listening(services, 4)
    assert all(tab.status == 200 for tab in tabs)
    resp = await http.post("/api/web/stream", json={"session": session})
    assert resp.status == 429
    other = await http.post("/api/web/stream", json={"session": await new_session(http)})
    assert other.status == 200
    for tab in [*tabs, other]:
        tab.close()


async def test_a_notice_arrives_at_once_and_once_and_not_on_another_session(http, services, demo):
    mine, other = await new_session(http), await new_session(http)
    await verify(http, mine, demo["101-1203"])
    resident = await resident_of(services, "101-1203")
    stream = await http.post("/api/web/stream", json={"session": mine})
    assert stream.status == 200
    assert stream.headers["Content-Type"].startswith("text/event-stream")
    stranger = await http.post("/api/web/stream", json={"session": other})
    await listening(services, 2)

    started = time.monotonic()
    await notify(services, resident, "내일 10시 단수 안내", key="water:1")
    name, data = await next_event(stream, within=2)
    assert time.monotonic() - started < 2  # the bell, not the 5 s re-check
    assert name == "inbox"
    assert [s["text"] for s in data["screens"]] == ["내일 10시 단수 안내"]

    # Handed over once: neither the poll nor the stream shows it again.
    resp = await http.post("/api/web/inbox", json={"session": mine})
    assert (await resp.json())["screens"] == []
    await notify(services, resident, "분리수거 요일 안내", key="recycle:1")
    name, data = await next_event(stream, within=2)
    assert [s["text"] for s in data["screens"]] == ["분리수거 요일 안내"]
    with pytest.raises(TimeoutError):
        await next_event(stream, within=0.5)
    with pytest.raises(TimeoutError):  # another session's stream got nothing
        await next_event(stranger, within=0.2)
    stream.close()
    stranger.close()


async def test_a_row_queued_by_another_process_arrives_at_the_next_look(
    services, engine, demo, config, clock
):
    http = await _client(services, engine, stream_recheck_s=0.3)
    other_process = build_services(config, clock=clock)  # its own bell: ours never rings
    try:
        session = await new_session(http)
        await verify(http, session, demo["101-1203"])
        resident = await resident_of(services, "101-1203")
        stream = await http.post("/api/web/stream", json={"session": session})
        await listening(services)
        await notify(other_process, resident, "엘리베이터 점검 안내", key="lift:1")
        name, data = await next_event(stream, within=3)
        assert [s["text"] for s in data["screens"]] == ["엘리베이터 점검 안내"]
        stream.close()
    finally:
        await other_process.close()
        await http.close()


async def test_shutdown_ends_open_streams_at_once(services, engine, demo):
    runtime = Runtime(services, engine)
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    async with aiohttp.ClientSession() as client:
        async with client.post(f"{base}/api/web/session") as resp:
            session = (await resp.json())["session"]
        async with client.post(f"{base}/api/web/stream", json={"session": session}) as stream:
            await listening(services)
            started = time.monotonic()
            await asyncio.wait_for(runtime.stop(), timeout=5)
            assert time.monotonic() - started < 3
            assert await stream.content.read() is not None  # the server ended the stream


@pytest.mark.both_dbs
async def test_two_tabs_of_one_session_show_each_notice_once_between_them(http, services, demo):
    """Both tabs are woken by the same commit and look at once; a row goes to one of them."""
    session = await new_session(http)
    await verify(http, session, demo["101-1203"])
    resident = await resident_of(services, "101-1203")
    tabs = [await http.post("/api/web/stream", json={"session": session}) for _ in range(2)]
    await listening(services, 2)
    for n in range(8):
        await notify(services, resident, f"안내 {n}", key=f"n:{n}")
        await asyncio.sleep(0.05)
    shown: list[str] = []

    async def read(tab) -> None:
        with contextlib.suppress(TimeoutError):
            while True:
                _, data = await next_event(tab, within=1)
                shown.extend(s["text"] for s in data["screens"])

    await asyncio.gather(*(read(tab) for tab in tabs))
    assert sorted(shown) == [f"안내 {n}" for n in range(8)]
    for tab in tabs:
        tab.close()


async def test_the_bell_rings_only_after_the_commit(http, services, demo):
    session = await new_session(http)
    await verify(http, session, demo["101-1203"])
    resident = await resident_of(services, "101-1203")
    key = bell_key("web", hashlib.sha256(session.encode()).hexdigest()[:40])
    with services.bell.listen(key) as rung:
        async with services.uow() as uow:  # rolled back: nothing queued, nothing rung
            await uow.notifier.notify(resident, Message("취소된 안내"), key="x:1")
            assert not rung.is_set()
        assert not rung.is_set()
        async with services.uow() as uow:
            await uow.notifier.notify(resident, Message("확정된 안내"), key="x:2")
            assert not rung.is_set()  # queued, not yet committed
            await uow.commit()
            assert rung.is_set()
