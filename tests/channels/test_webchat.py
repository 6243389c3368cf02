"""The web chat over real HTTP: health, the page, sessions, a whole onboarding journey, resent
messages, and hostile or broken requests (each answered with a JSON error, never a 500)."""

from __future__ import annotations

import itertools
import json
import secrets

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bot.app import build_engine, build_services
from bot.server import build_http_app
from storage import tables

HOME = ["공유마켓", "알뜰쇼핑", "우리단지", "포인트", "도움말", "쉬운 모드 켜기", "도움 요청"]
REFUSED = "이 버튼은 더 이상 사용할 수 없어요"
_ids = itertools.count(1)


async def _client(services, engine) -> TestClient:
    client = TestClient(TestServer(build_http_app(services, engine)))
    await client.start_server()
    return client


@pytest.fixture
async def http(services, engine, demo):
    client = await _client(services, engine)
    yield client
    await client.close()


def _walk(value):
    """Every dict inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _check_no_actions(data: dict) -> None:
    for obj in _walk(data):
        if "label" in obj:  # a button: only label, token, role and url leave the server
            assert obj.get("action") is None, obj


class Web:
    """One browser tab: a session, and the JSON of the last answer."""

    def __init__(self, http: TestClient, session: str) -> None:
        self.http = http
        self.session = session
        self.data: dict = {}

    @classmethod
    async def open(cls, http: TestClient) -> Web:
        resp = await http.post("/api/web/session")
        assert resp.status == 200
        return cls(http, (await resp.json())["session"])

    async def send(self, *, msg_id: str | None = None, **fields) -> dict:
        body = {"session": self.session, "id": msg_id or f"m{next(_ids)}", **fields}
        resp = await self.http.post("/api/web/message", json=body)
        assert resp.status == 200, await resp.text()
        self.data = await resp.json()
        _check_no_actions(self.data)
        return self.data

    @property
    def screen(self) -> dict:
        return self.data["screens"][-1]

    @property
    def text(self) -> str:
        return "\n".join("\n".join([*s["notices"], s["text"]]) for s in self.data["screens"])

    @property
    def labels(self) -> list[str]:
        return [b["label"] for b in self.screen["buttons"]]

    def token(self, label: str) -> str:
        for button in self.screen["buttons"]:
            if button["label"] == label:
                return button["token"]
        raise AssertionError(f"no button {label!r}; buttons: {self.labels}")


async def _verified(http: TestClient, code: str) -> Web:
    web = await Web.open(http)
    await web.send(text="")
    await web.send(token=web.token("초대코드 입력"))
    await web.send(text=code)
    await web.send(token=web.token("아니요"))  # 쉬운 모드? (asked once after sign-up)
    return web


async def _snapshot(services) -> dict:
    """What a message can change: conversations, tokens, deliveries, accounts."""
    async with services.db.connect() as conn:
        convs = (await conn.execute(select(tables.conversations))).mappings().all()
        counts = {
            t.name: (await conn.execute(select(func.count()).select_from(t))).scalar()
            for t in (tables.action_tokens, tables.deliveries, tables.channel_accounts)
        }
    return {"conversations": [dict(c) for c in convs], **counts}


async def test_health_the_page_and_sessions(http):
    resp = await http.get("/healthz")
    assert resp.status == 200 and (await resp.json())["status"] == "ok"
    resp = await http.get("/")
    assert resp.status == 200 and resp.content_type == "text/html"
    assert 'lang="ko"' in await resp.text()
    first, second = await Web.open(http), await Web.open(http)
    assert first.session != second.session and len(first.session) >= 20


async def test_a_whole_onboarding_journey_over_http(http, demo):
    web = await Web.open(http)
    await web.send(text="")
    assert "내친구" in web.text
    assert web.labels == ["초대코드 입력", "연결 코드 입력", "도움말", "도움 요청"]
    assert all(b["token"] and b["action"] is None for b in web.screen["buttons"])
    await web.send(token=web.token("초대코드 입력"))
    assert "초대코드를 입력해 주세요" in web.text
    await web.send(text=demo["101-1203"])
    assert "101동 1203호로 확인했어요" in web.text
    assert web.labels == ["네", "아니요"]  # 글씨와 버튼을 크고 쉽게 할까요?
    await web.send(token=web.token("아니요"))
    assert web.labels[:7] == HOME
    assert web.data["lang"] == "ko" and web.data["duplicate"] is False


async def test_a_resent_message_gets_the_same_reply_and_changes_nothing(http, services, demo):
    web = await Web.open(http)
    await web.send(text="")
    await web.send(token=web.token("초대코드 입력"))
    first = await web.send(msg_id="resend-1", text=demo["101-1203"])
    before = await _snapshot(services)
    again = await web.send(msg_id="resend-1", text=demo["101-1203"])
    assert again["duplicate"] is True
    assert again["screens"] == first["screens"]
    assert await _snapshot(services) == before


async def test_a_resent_tap_does_not_reopen_the_finished_step(http, services, demo):
    web = await Web.open(http)
    await web.send(text="")
    await web.send(msg_id="tap-1", token=web.token("초대코드 입력"))
    prompt = web.data
    await web.send(text=demo["101-1203"])
    await web.send(token=web.token("아니요"))  # 쉬운 모드? (asked once after sign-up)
    before = await _snapshot(services)
    again = await web.send(msg_id="tap-1", token=prompt["screens"][0]["buttons"][0]["token"])
    assert again["duplicate"] is True and again["screens"] == prompt["screens"]
    assert await _snapshot(services) == before
    await web.send(text="")  # the page reopened: still at home, verified
    assert web.labels[:7] == HOME


async def test_another_session_reusing_a_message_id_does_not_read_the_first_reply(http, demo):
    victim = await Web.open(http)
    await victim.send(text="")
    await victim.send(token=victim.token("초대코드 입력"))
    await victim.send(msg_id="shared-id", text=demo["101-1203"])
    other = await Web.open(http)
    data = await other.send(msg_id="shared-id", text="")
    assert "1203호" not in other.text and data["duplicate"] is False


@pytest.mark.parametrize("body", [b"{not json", b'["a", "list"]', b"\xff\xfe\x00", b"", b"42"])
async def test_a_broken_body_is_a_json_400(http, body):
    resp = await http.post(
        "/api/web/message", data=body, headers={"Content-Type": "application/json"}
    )
    assert resp.status == 400
    assert "error" in await resp.json()


async def test_a_resent_message_keeps_easy_mode(http, demo):
    web = await _verified(http, demo["101-1203"])
    await web.send(token=web.token("도움말"))
    await web.send(token=web.token("쉬운 모드 켜기"))
    assert web.data["easy"] is True
    await web.send(msg_id="easy-1", text="")
    again = await web.send(msg_id="easy-1", text="")
    assert again["duplicate"] is True and again["easy"] is True


@pytest.mark.parametrize(
    ("body", "ctype"),
    [(b"[1]", "application/json; charset=no-such-charset"), (b"[" * 30_000, "application/json")],
)
async def test_an_unknown_charset_or_a_deep_nesting_is_a_json_400(http, body, ctype):
    resp = await http.post("/api/web/message", data=body, headers={"Content-Type": ctype})
    assert resp.status == 400
    assert "error" in await resp.json()


@pytest.mark.parametrize("session", [None, "", "short", "x" * 65, "a b c d e f g h i j k l m"])
async def test_a_missing_or_malformed_session_is_401(http, session):
    body = {"id": "m1", "text": "안녕"} | ({"session": session} if session is not None else {})
    resp = await http.post("/api/web/message", json=body)
    assert resp.status == 401
    assert "error" in await resp.json()


@pytest.mark.parametrize("token", [123, ["t"], {"a": 1}, True])
async def test_a_token_that_is_not_a_string_is_400(http, token):
    web = await Web.open(http)
    resp = await http.post(
        "/api/web/message", json={"session": web.session, "id": "m1", "token": token}
    )
    assert resp.status == 400
    assert "error" in await resp.json()


async def test_a_forged_token_is_politely_refused(http):
    web = await Web.open(http)
    await web.send(text="")
    await web.send(token=secrets.token_urlsafe(12))
    assert REFUSED in web.text
    # the screen is offered again
    assert web.labels == ["초대코드 입력", "연결 코드 입력", "도움말", "도움 요청"]


async def test_another_sessions_button_is_refused(http, demo):
    owner = await _verified(http, demo["101-1203"])
    stolen = owner.token("포인트")
    thief = await Web.open(http)
    await thief.send(text="")
    await thief.send(token=stolen)
    assert REFUSED in thief.text
    assert "1203" not in thief.text


async def test_a_very_long_text_gets_a_polite_answer(http):
    web = await Web.open(http)
    await web.send(text="")
    await web.send(text="가" * 5000)
    assert web.screen["text"]
    assert "잘 알아듣지 못했어요" in web.text


async def test_an_oversized_body_is_413_not_500(config, clock):
    small = config.replace(http={"max_body_kb": 64})
    services = build_services(small, clock=clock)
    client = await _client(services, build_engine(services))
    try:
        session = (await (await client.post("/api/web/session")).json())["session"]
        body = json.dumps({"session": session, "id": "m1", "text": "가" * 40_000})
        resp = await client.post(
            "/api/web/message", data=body, headers={"Content-Type": "application/json"}
        )
        assert resp.status == 413
        assert "error" in await resp.json()
    finally:
        await client.close()
        await services.close()
