"""KakaoTalk skill protocol: the SkillResponse validator passes valid answers and catches
each kind of violation of the documented limits (it runs on every answer of every dialog
test, tests/support/chat.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.channels.kakao.limits import encode_response, validate_skill_response

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
