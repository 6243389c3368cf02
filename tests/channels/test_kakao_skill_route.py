"""The KakaoTalk skill route: secret header, body limits, malformed payloads, forged extras."""

from __future__ import annotations

import json

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_engine
from bot.channels.kakao.limits import validate_skill_response
from bot.server import build_http_app
from tests.support.drivers import KakaoDriver


@pytest.fixture
async def kakao(services, demo):
    services.config = services.config.replace(kakao={"secret_value": "s3cret"})
    client = TestClient(TestServer(build_http_app(services, build_engine(services))))
    await client.start_server()
    yield client
    await client.close()


_PERSON = KakaoDriver("", None)  # one KakaoTalk user for every request of a test


def _payload(utterance="안녕", extra=None):
    return _PERSON.payload(utterance, extra)


async def test_a_request_without_the_secret_header_is_refused(kakao):
    r = await kakao.post("/kakao/skill", json=_payload())
    assert r.status == 401
    r = await kakao.post("/kakao/skill", json=_payload(), headers={"X-Naechingu-Secret": "x"})
    assert r.status == 401


async def test_a_request_with_the_secret_gets_a_valid_skill_response(kakao):
    r = await kakao.post("/kakao/skill", json=_payload(), headers={"X-Naechingu-Secret": "s3cret"})
    assert r.status == 200
    body = await r.json()
    assert body["version"] == "2.0" and not validate_skill_response(body)
    assert "초대코드 입력" in [q["label"] for q in body["template"]["quickReplies"]]


@pytest.mark.parametrize(
    "data",
    [b"{not json", b"[]", b'{"userRequest": {}}', json.dumps({"bot": 1}).encode(), b"\xff\xfe"],
)
async def test_malformed_payloads_are_a_json_400_not_a_500(kakao, data):
    r = await kakao.post(
        "/kakao/skill",
        data=data,
        headers={"X-Naechingu-Secret": "s3cret", "Content-Type": "application/json"},
    )
    assert r.status == 400
    assert "error" in await r.json()


async def test_an_oversized_body_is_refused(kakao):
    big = _payload("가" * 300_000)
    r = await kakao.post("/kakao/skill", json=big, headers={"X-Naechingu-Secret": "s3cret"})
    assert r.status == 413


@pytest.mark.parametrize("extra", [{"t": "forged-token"}, {"t": 12345}, {"t": "<script>"}, None])
async def test_a_forged_client_extra_gets_a_polite_answer(kakao, extra):
    headers = {"X-Naechingu-Secret": "s3cret"}
    await kakao.post("/kakao/skill", json=_payload(), headers=headers)
    r = await kakao.post("/kakao/skill", json=_payload("초대코드 입력x", extra), headers=headers)
    body = await r.json()
    assert r.status == 200 and not validate_skill_response(body)
    texts = " ".join(o.get("simpleText", {}).get("text", "") for o in body["template"]["outputs"])
    if extra and extra["t"] == "forged-token":
        assert "이 버튼은 더 이상 사용할 수 없어요" in texts
    else:  # the typed text, read as a typo of the button it nearly names
        assert "초대코드 입력으로 갈게요" in texts
