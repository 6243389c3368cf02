"""KakaoTalk skill protocol: parsing requests (the reference's samples and hostile variants).
The SkillResponse validator's tests are in test_kakao_validator.py."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.channels.kakao.protocol import KakaoPayloadError, parse_skill_payload, to_inbound
from bot.screens import Channel

USER = "9b1c0e7f3a2d4c5b6a7980f1e2d3c4b5a69788f0e1d2c3b4a5968778695a4b3c2d"
BOT = "65efffeeddccbbaa99887766"

REQUEST_A = json.loads(
    """{"intent": {"id": "65f0a1b2c3d4e5f601234567", "name": "폴백 블록",
  "extra": {"reason": {"code": 1, "message": "OK"}}},
 "userRequest": {"timezone": "Asia/Seoul", "params": {"surface": "Kakaotalk.plusfriend"},
  "block": {"id": "65f0a1b2c3d4e5f601234567", "name": "폴백 블록"},
  "utterance": "이번 달 관리비 얼마예요?", "lang": "ko",
  "user": {"id": "__USER__", "type": "botUserKey",
   "properties": {"botUserKey": "__USER__", "plusfriendUserKey": "Qw3rTy7UiOpA", "isFriend": true,
    "bot_user_key": "__USER__", "plusfriend_user_key": "Qw3rTy7UiOpA"}}},
 "bot": {"id": "__BOT__", "name": "LH 친구"},
 "action": {"id": "65f0a2000000000000000001", "name": "resident-skill", "params": {},
  "detailParams": {}, "clientExtra": {}},
 "contexts": [],
 "flow": {"trigger": {"type": "TEXT_INPUT", "referrerBlock": {"id": "", "name": ""}},
  "lastBlock": {"id": "65f0a1b2c3d4e5f60123aaaa", "name": "웰컴 블록"}}}""".replace(
        "__USER__", USER
    ).replace("__BOT__", BOT)
)

REQUEST_B = json.loads(
    """{"intent": {"id": "65f0b0000000000000000002", "name": "하자보수 접수"},
 "userRequest": {"timezone": "Asia/Seoul", "params": {"surface": "Kakaotalk.plusfriend"},
  "block": {"id": "65f0b0000000000000000002", "name": "하자보수 접수"},
  "utterance": "하자보수 신청", "lang": "ko",
  "user": {"id": "__USER__", "type": "botUserKey",
   "properties": {"plusfriendUserKey": "Qw3rTy7UiOpA", "isFriend": true}}},
 "bot": {"id": "__BOT__", "name": "LH 친구"},
 "action": {"id": "65f0a2000000000000000001", "name": "resident-skill", "params": {},
  "detailParams": {}, "clientExtra": {"flow": "repair", "complexCode": "SEJONG-1234", "step": 1,
  "t": "Ab3_x-9"}},
 "contexts": [],
 "flow": {"trigger": {"type": "QUICKREPLY_BUTTON_BLOCK",
  "referrerBlock": {"id": "65f0a1b2c3d4e5f601234567", "name": "폴백 블록"}},
  "lastBlock": {"id": "65f0a1b2c3d4e5f601234567", "name": "폴백 블록"}}}""".replace(
        "__USER__", USER
    ).replace("__BOT__", BOT)
)

REQUEST_C = json.loads(
    """{"intent": {"id": "65f0c0000000000000000003", "name": "방문 예약"},
 "userRequest": {"timezone": "Asia/Seoul",
  "params": {"surface": "BuilderBotTest", "ignoreMe": "true"},
  "block": {"id": "65f0c0000000000000000003", "name": "방문 예약"},
  "utterance": "다음주 화요일 101동 1203호 점검 예약", "lang": "ko",
  "user": {"id": "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f901",
   "type": "botUserKey", "properties": {"botUserKey": "0a1b2c3d"}}},
 "bot": {"id": "__BOT__!", "name": "LH 친구"},
 "action": {"id": "65f0a2000000000000000001", "name": "resident-skill",
  "params": {"dong": "{\\"amount\\": 101, \\"unit\\": \\"동\\"}"},
  "detailParams": {"dong": {"origin": "101동", "value": "{\\"amount\\": 101}", "groupName": ""}},
  "clientExtra": null},
 "contexts": []}""".replace("__BOT__", BOT)
)


def with_changes(base: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> dict:
    body = copy.deepcopy(base)
    change(body)
    return body


# -- parsing ----------------------------------------------------------------------------------


def test_sample_a_plain_utterance() -> None:
    req = parse_skill_payload(REQUEST_A, expected_bot_id=BOT)
    assert (req.bot_id, req.dev_channel, req.user_key) == (BOT, False, USER)
    assert req.plusfriend_user_key == "Qw3rTy7UiOpA"
    assert req.utterance == "이번 달 관리비 얼마예요?"
    assert (req.client_extra, req.callback_url, req.is_bot_test) == ({}, None, False)
    inbound = to_inbound(req)
    assert inbound.channel is Channel.KAKAO
    assert inbound.user_id == f"{BOT}:{USER}" and len(inbound.user_id) <= 140
    assert (inbound.text, inbound.token, inbound.delivery_key) == (req.utterance, None, None)
    assert inbound.extra["plusfriend_user_key"] == "Qw3rTy7UiOpA"
    assert inbound.extra["dev"] is False and inbound.extra["image_urls"] == []


def test_sample_b_quick_reply_token() -> None:
    req = parse_skill_payload(REQUEST_B)
    assert req.client_extra["complexCode"] == "SEJONG-1234"
    assert to_inbound(req).token == "Ab3_x-9"
    assert to_inbound(req).text == "하자보수 신청"


def test_sample_c_dev_channel_bot_test_null_extra() -> None:
    req = parse_skill_payload(REQUEST_C, expected_bot_id=BOT)
    assert req.bot_id == BOT and req.dev_channel and req.is_bot_test
    assert req.client_extra == {} and req.plusfriend_user_key is None
    inbound = to_inbound(req)
    assert inbound.user_id.startswith(f"{BOT}:0a1b") and "!" not in inbound.user_id
    assert inbound.extra["dev"] is True and inbound.token is None


@pytest.mark.parametrize(
    "extra",
    [{"t": 12345}, {"t": "x" * 41}, {"t": "a b"}, {"t": "<script>"}, {"t": ["a"]}, {"t": ""}]
    + [{"t": None}, {"t": {"k": 1}}, ["t", "abc"], "t=abc", 7, None],
)
def test_forged_or_odd_extra_gives_no_token(extra: object) -> None:
    body = with_changes(REQUEST_B, lambda b: b["action"].__setitem__("clientExtra", extra))
    assert to_inbound(parse_skill_payload(body)).token is None


def test_missing_optional_parts_are_fine() -> None:
    body = {"userRequest": {"user": {"id": "abc"}}}
    req = parse_skill_payload(body)
    assert (req.bot_id, req.utterance, req.client_extra, req.plusfriend_user_key) == (
        "",
        "",
        {},
        None,
    )
    assert to_inbound(req).user_id == ":abc"


@pytest.mark.parametrize(
    "body",
    [None, [], "text", 3, {}, {"userRequest": None}, {"userRequest": {"user": {}}}]
    + [{"userRequest": {"user": {"id": 5}}}, {"userRequest": {"user": {"id": "  "}}}]
    + [{"userRequest": {"user": {"id": "x" * 71}}}],
)
def test_unusable_bodies_raise(body: object) -> None:
    with pytest.raises(KakaoPayloadError):
        parse_skill_payload(body)


def test_bot_id_mismatch_raises_but_dev_suffix_matches() -> None:
    with pytest.raises(KakaoPayloadError, match="bot"):
        parse_skill_payload(REQUEST_A, expected_bot_id="someoneelse")
    assert parse_skill_payload(REQUEST_C, expected_bot_id=BOT + "!").dev_channel


def test_callback_url_only_on_kakao_https() -> None:
    good = "https://bot-api.kakao.com/v1/bots/65ef!/callback/tok"
    for url, expected in [
        (good, good),
        ("https://evil.example/callback", None),
        ("http://bot-api.kakao.com/x", None),
        ("https://bot-api.kakao.com.evil.example/x", None),
        (12, None),
    ]:
        body = with_changes(
            REQUEST_A, lambda b, u=url: b["userRequest"].__setitem__("callbackUrl", u)
        )
        assert parse_skill_payload(body).callback_url == expected


def test_photo_utterance_becomes_image_urls() -> None:
    url = "http://dn-m.talk.kakao.com/talkm/bl3Xz/abc/i_7f2.jpg"
    body = with_changes(REQUEST_A, lambda b: b["userRequest"].__setitem__("utterance", url))
    inbound = to_inbound(parse_skill_payload(body))
    assert inbound.extra["image_urls"] == [url] and inbound.text == ""


def test_secure_image_plugin_params() -> None:
    urls = "List(https://talk.kakaocdn.net/dna/a/i_1.jpg?x=1, https://talk.kakaocdn.net/dna/b/i_2.png)"
    value = json.dumps({"privateUrls": urls, "expire": "2025-06-10T00:00:00"})
    body = with_changes(
        REQUEST_A, lambda b: b["action"].__setitem__("params", {"secureimage": value})
    )
    req = parse_skill_payload(body)
    assert req.image_urls == (
        "https://talk.kakaocdn.net/dna/a/i_1.jpg?x=1",
        "https://talk.kakaocdn.net/dna/b/i_2.png",
    )


@pytest.mark.parametrize(
    "utterance",
    [
        "http://169.254.169.254/latest/meta-data/x.jpg",
        "https://example.org/cat.png",
        "이 사진 보세요 http://dn-m.talk.kakao.com/a.jpg",
        "https://pf.kakao.com/_abc",
    ],
)
def test_other_urls_are_not_photos(utterance: str) -> None:
    body = with_changes(REQUEST_A, lambda b: b["userRequest"].__setitem__("utterance", utterance))
    inbound = to_inbound(parse_skill_payload(body))
    assert inbound.extra["image_urls"] == [] and inbound.text == utterance


def test_broken_plugin_param_is_ignored() -> None:
    params = {"secureimage": "{not json", "n": {"privateUrls": 3}, "m": '{"amount": 1}'}
    body = with_changes(REQUEST_A, lambda b: b["action"].__setitem__("params", params))
    assert parse_skill_payload(body).image_urls == ()
