"""KakaoTalk skill protocol: parsing requests (the reference's samples and hostile variants) and
the SkillResponse validator catching each kind of violation."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.channels.kakao_limits import encode_response, validate_skill_response
from bot.channels.kakao_protocol import KakaoPayloadError, parse_skill_payload, to_inbound
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


# -- the validator ----------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "version": "2.0",
    "template": {
        "outputs": [
            {"simpleText": {"text": "6월 관리비는 183,400원입니다."}},
            {
                "textCard": {
                    "title": "관리비 상세",
                    "description": "일반관리비 52,000원",
                    "buttons": [
                        {
                            "action": "webLink",
                            "label": "고지서 보기",
                            "webLinkUrl": "https://e.org/b",
                        },
                        {"action": "block", "label": "납부 방법", "blockId": "65f0d", "extra": {}},
                    ],
                    "buttonLayout": "vertical",
                }
            },
        ],
        "quickReplies": [
            {"action": "message", "label": "지난달 비교", "messageText": "지난달 관리비"},
            {"action": "block", "label": "하자보수 신청", "blockId": "65f0b", "extra": {"t": "x"}},
        ],
    },
    "context": {"values": [{"name": "billing", "lifeSpan": 3, "params": {"month": "2025-06"}}]},
}


CALLBACK_FINAL = {
    "version": "2.0",
    "template": {
        "outputs": [
            {
                "itemCard": {
                    "head": {"title": "방문 점검 예약"},
                    "itemList": [
                        {"title": "단지", "description": "세종 1234단지"},
                        {"title": "동호수", "description": "101동 1203호"},
                        {"title": "일시", "description": "6/10(화) 14:00"},
                    ],
                    "itemListAlignment": "right",
                    "buttons": [
                        {"action": "block", "label": "예약 확정", "blockId": "65f0f", "extra": {}},
                        {"action": "message", "label": "다른 시간", "messageText": "다른 시간"},
                    ],
                    "buttonLayout": "horizontal",
                }
            }
        ]
    },
}


def test_valid_response_passes() -> None:
    assert validate_skill_response(VALID) == []
    assert validate_skill_response(CALLBACK_FINAL) == []
    assert validate_skill_response({"version": "2.0", "useCallback": True, "data": {}}) == []


def resp(*outputs: dict[str, Any], quick: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    template: dict[str, Any] = {"outputs": list(outputs)}
    if quick is not None:
        template["quickReplies"] = quick
    return {"version": "2.0", "template": template}


def text(n: int = 5) -> dict[str, Any]:
    return {"simpleText": {"text": "가" * n}}


def btn(label: str = "보기", **kw: Any) -> dict[str, Any]:
    return {"label": label, "action": "message", "messageText": label, **kw}


def qr(label: str = "선택", **kw: Any) -> dict[str, Any]:
    return {"label": label, "action": "message", "messageText": label, **kw}


THUMB = {"imageUrl": "https://e.org/a.jpg"}


def basic(**kw: Any) -> dict[str, Any]:
    return {"thumbnail": dict(THUMB), "title": "제목", **kw}


def commerce(**kw: Any) -> dict[str, Any]:
    return {"price": 1000, "currency": "won", "thumbnails": [dict(THUMB)], **kw}


def list_card(n: int = 2, **kw: Any) -> dict[str, Any]:
    items = [{"title": f"항목 {i}", "action": "message", "messageText": "항목"} for i in range(n)]
    return {"header": {"title": "목록"}, "items": items, **kw}


def item_card(**kw: Any) -> dict[str, Any]:
    return {"itemList": [{"title": "단지", "description": "세종"}], **kw}


def carousel(kind: str, items: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {"carousel": {"type": kind, "items": items, **kw}}


VIOLATIONS: list[tuple[str, object, str]] = [
    ("not an object", ["x"], "not a JSON object"),
    ("version", {**resp(text()), "version": "1.0"}, 'version: must be "2.0"'),
    ("unknown top key", {**resp(text()), "foo": 1}, "unknown top-level key"),
    ("no template", {"version": "2.0"}, "template: missing"),
    ("no outputs", resp(), "0 outputs"),
    ("4 outputs", resp(text(), text(), text(), text()), "4 outputs"),
    ("two keys", resp({"simpleText": {"text": "a"}, "simpleImage": THUMB}), "exactly one"),
    ("unknown component", resp({"fancyCard": {}}), "unknown component"),
    ("text too long", resp(text(1001)), "1001 chars > 1000"),
    ("blank text", resp({"simpleText": {"text": "  "}}), "must not be blank"),
    ("11 quick replies", resp(text(), quick=[qr(f"q{i}") for i in range(11)]), "11 quick"),
    ("quick label", resp(text(), quick=[qr("가" * 15)]), "label: 15 chars > 14"),
    ("quick action", resp(text(), quick=[qr(action="webLink")]), "must be message or block"),
    (
        "quick block id",
        resp(text(), quick=[{"label": "a", "action": "block"}]),
        "blockId: required",
    ),
    ("quick text", resp(text(), quick=[{"label": "a", "action": "message"}]), "messageText: req"),
    ("quick extra", resp(text(), quick=[qr(extra="t")]), "extra: must be an object"),
    ("4 buttons", resp({"textCard": {"title": "a", "buttons": [btn()] * 4}}), "4 vertical"),
    (
        "3 horizontal",
        resp({"textCard": {"title": "a", "buttons": [btn()] * 3, "buttonLayout": "horizontal"}}),
        "3 horizontal buttons > 2",
    ),
    (
        "side by side label",
        resp(
            {
                "textCard": {
                    "title": "a",
                    "buttons": [btn("가" * 9)] * 2,
                    "buttonLayout": "horizontal",
                }
            }
        ),
        "9 chars > 8",
    ),
    ("bad layout", resp({"textCard": {"title": "a", "buttonLayout": "grid"}}), "unknown layout"),
    ("button label", resp({"textCard": {"title": "a", "buttons": [btn("가" * 15)]}}), "15 chars"),
    ("button action", resp({"textCard": {"title": "a", "buttons": [btn(action="x")]}}), "unknown"),
    (
        "weblink url",
        resp({"textCard": {"title": "a", "buttons": [{"label": "a", "action": "webLink"}]}}),
        "webLinkUrl: must be an http(s) URL",
    ),
    (
        "ftp url",
        resp(
            {"textCard": {"title": "a", "buttons": [btn(action="webLink", webLinkUrl="ftp://x")]}}
        ),
        "http(s) URL",
    ),
    (
        "button block",
        resp({"textCard": {"title": "a", "buttons": [{"label": "a", "action": "block"}]}}),
        "blockId: required",
    ),
    ("textCard title", resp({"textCard": {"title": "가" * 51}}), "51 chars > 50"),
    ("textCard desc", resp({"textCard": {"description": "가" * 401}}), "401 chars > 400"),
    ("textCard empty", resp({"textCard": {"title": ""}}), "needs a title or a description"),
    ("textCard sum", resp({"textCard": {"title": "a" * 50, "description": "b" * 360}}), "410"),
    ("textCard carousel", resp(carousel("textCard", [{"description": "가" * 129}])), "129 chars"),
    ("image url", resp({"simpleImage": {"altText": "a"}}), "imageUrl: must be an http(s) URL"),
    ("image alt", resp({"simpleImage": {**THUMB, "altText": "가" * 51}}), "51 chars > 50"),
    ("basic no thumb", resp({"basicCard": {"title": "a"}}), "thumbnail: required object"),
    ("basic desc", resp({"basicCard": basic(description="가" * 231)}), "231 chars > 230"),
    (
        "fixed ratio buttons",
        resp({"basicCard": basic(thumbnail={**THUMB, "fixedRatio": True}, buttons=[btn()] * 3)}),
        "3 horizontal buttons > 2",
    ),
    ("price type", resp({"commerceCard": commerce(price="1000")}), "price: required"),
    ("price bool", resp({"commerceCard": commerce(price=True)}), "price: required"),
    ("thumbnails", resp({"commerceCard": commerce(thumbnails=[THUMB, THUMB])}), "exactly 1"),
    ("currency", resp({"commerceCard": commerce(currency="usd")}), 'only "won"'),
    ("commerce title", resp({"commerceCard": commerce(title="가" * 31)}), "31 chars > 30"),
    ("commerce desc", resp({"commerceCard": commerce(description="가" * 41)}), "41 chars > 40"),
    ("discount rate", resp({"commerceCard": commerce(discountRate=10)}), "discountedPrice"),
    ("profile", resp({"commerceCard": commerce(profile={"imageUrl": "x"})}), "nickname"),
    ("list items", resp({"listCard": list_card(6)}), "1 to 5 items"),
    ("list in carousel", resp(carousel("listCard", [list_card(5)])), "1 to 4 items"),
    ("list header", resp({"listCard": {"items": list_card()["items"]}}), "header: required"),
    (
        "list item text",
        resp({"listCard": {**list_card(), "items": [{"title": "a", "action": "message"}]}}),
        "messageText: required",
    ),
    ("list item title", resp({"listCard": {**list_card(), "items": [{}]}}), "title: required"),
    ("carousel items", resp(carousel("basicCard", [basic()] * 11)), "1 to 10"),
    ("list carousel", resp(carousel("listCard", [list_card()] * 6)), "1 to 5 listCard"),
    ("carousel type", resp(carousel("simpleText", [{"text": "a"}])), "unknown carousel type"),
    ("wrapped", resp(carousel("basicCard", [{"basicCard": basic()}])), "not wrapped"),
    (
        "mixed ratio",
        resp(carousel("basicCard", [basic(), basic(thumbnail={**THUMB, "fixedRatio": True})])),
        "mixed image ratios",
    ),
    ("header", resp(carousel("textCard", [{"title": "a"}], header={})), "takes no header"),
    ("item in carousel", resp(carousel("basicCard", [basic(title="가" * 51)])), "51 chars"),
    (
        "item head+profile",
        resp({"itemCard": item_card(head={"title": "a"}, profile={"title": "b"})}),
        "cannot be used together",
    ),
    (
        "item row title",
        resp({"itemCard": {"itemList": [{"title": "가" * 7, "description": "a"}]}}),
        "7 chars > 6",
    ),
    ("item rows", resp({"itemCard": {"itemList": []}}), "1 to 10 items"),
    (
        "item carousel parts",
        resp(carousel("itemCard", [item_card(head={"title": "a"}), item_card()])),
        "head must be on every itemCard",
    ),
    (
        "too big",
        resp(
            *[{"simpleText": {"text": "가" * 1000}}] * 3,
            quick=[qr("a" * 14, messageText="b" * 9000)] * 10,
        ),
        "bytes > 30720",
    ),
    ("context", {**resp(text()), "context": {"values": [{"name": "x"}]}}, "lifeSpan"),
    ("serialisable", resp({"simpleText": {"text": "a", "x": {1, 2}}}), "not JSON-serialisable"),
    ("use callback type", {**resp(text()), "useCallback": "yes"}, "useCallback: must be"),
]


@pytest.mark.parametrize(
    ("name", "response", "expected"), VIOLATIONS, ids=[v[0] for v in VIOLATIONS]
)
def test_validator_catches(name: str, response: object, expected: str) -> None:
    errors = validate_skill_response(response)
    assert any(expected in error for error in errors), (name, errors)


def test_validator_measures_utf8_not_escaped_json() -> None:
    replies = [qr(f"q{i}", messageText="가" * 500) for i in range(10)]
    body = resp(*[{"simpleText": {"text": "가" * 1000}}] * 3, quick=replies)
    assert len(encode_response(body)) < 30_720 < len(json.dumps(body))
    assert validate_skill_response(body) == []
