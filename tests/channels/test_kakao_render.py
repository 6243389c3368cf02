"""Rendering Screens as KakaoTalk SkillResponses: labels, layout decisions, and the property that
any Screen, however long or crowded, renders to a response the validator accepts."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.kakao.limits import encode_response, validate_skill_response
from bot.channels.kakao.render import render_reply, shorten_label
from bot.channels.kakao.text import LabelSet, split_text, truncate
from bot.screens import Button, ButtonRole, Card, Screen

NAV = ButtonRole.NAV
IMG = "https://example.org/a.jpg"


def render(*screens: Screen, block_id: str | None = None) -> dict[str, Any]:
    resp = render_reply(screens, block_id=block_id)
    assert validate_skill_response(resp) == []
    return resp


def outputs(resp: dict[str, Any]) -> list[str]:
    return [next(iter(o)) for o in resp["template"]["outputs"]]


# -- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "limit", "expected"),
    [
        ("하자보수 신청", 14, "하자보수 신청"),
        ("공유마켓 (이웃과 나눔)", 14, "공유마켓 (이웃과 나눔)"),  # 13 chars: it fits
        ("공유마켓 (이웃과 나눔)", 8, "공유마켓"),
        ("공유마켓 (이웃과 함께 나누는 공간)", 14, "공유마켓"),
        ("[공지] 우리 단지 새 소식", 8, "우리 단지 새…"),
        ("관리비 조회 - 이번 달 고지서 확인", 14, "관리비 조회"),
        ("이번 달 관리비 납부 내역 확인하기", 14, "이번 달 관리비 납부…"),
        ("다음주 화요일 101동 1203호 점검 예약", 14, "다음주 화요일 101동…"),
        ("아주아주아주아주아주긴단어입니다요", 14, "아주아주아주아주아주긴단어…"),
        ("  여러   칸\n띄어쓰기  ", 14, "여러 칸 띄어쓰기"),
        ("Neighbourhood marketplace", 14, "Neighbourhood…"),
    ],
)
def test_shorten_label(label: str, limit: int, expected: str) -> None:
    assert shorten_label(label, limit) == expected
    assert len(shorten_label(label, limit)) <= limit


@given(st.text(max_size=80), st.integers(min_value=1, max_value=20))
def test_shorten_label_always_fits(label: str, limit: int) -> None:
    assert len(shorten_label(label, limit)) <= limit


def test_label_set_keeps_labels_distinct() -> None:
    labels = LabelSet()
    got = [
        labels.claim(label)
        for label in ["101동 1203호 점검 예약", "101동 1203호 점검 취소", "신청", "신청", "신 청"]
    ]
    assert got == ["101동 1203호 점검…", "101동 1203호…취소", "신청", "신청(2)", "신 청(3)"]


def test_split_text_prefers_paragraphs_then_sentences() -> None:
    first, second = "가" * 600, "나" * 600
    assert split_text(f"{first}\n\n{second}", 1000, 3) == [first, second]
    sentences = "관리비를 확인했어요. " * 80  # 880 chars... twice over the limit
    parts = split_text(sentences * 2, 1000, 3)
    assert all(len(p) <= 1000 and p.endswith("요.") for p in parts)
    assert split_text("가" * 5000, 1000, 2)[-1].endswith("…")
    assert truncate("안녕하세요 반갑습니다 좋은 하루", 12) == "안녕하세요 반갑습니다…"


# -- layout decisions ---------------------------------------------------------------------------


def test_plain_text_is_one_simple_text() -> None:
    resp = render(Screen(text="안녕하세요"))
    assert resp == {
        "version": "2.0",
        "template": {"outputs": [{"simpleText": {"text": "안녕하세요"}}]},
    }


def test_quick_replies_choices_then_nav_with_tokens() -> None:
    screen = Screen(
        text="무엇을 도와드릴까요?",
        buttons=(
            Button("처음으로", token="n1", role=NAV),
            Button("관리비 상세 내역 보기 (이번 달)", token="c1"),
            Button("하자보수 신청", token="c2"),
        ),
    )
    replies = render(screen)["template"]["quickReplies"]
    assert [r["label"] for r in replies] == ["관리비 상세 내역 보기", "하자보수 신청", "처음으로"]
    assert replies[0] == {
        "label": "관리비 상세 내역 보기",
        "action": "message",
        "messageText": "관리비 상세 내역 보기 (이번 달)",
        "extra": {"t": "c1"},
    }
    blocks = render(screen, block_id="B1")["template"]["quickReplies"]
    assert all(r["action"] == "block" and r["blockId"] == "B1" for r in blocks)


def test_link_buttons_ride_on_a_text_card() -> None:
    screen = Screen(text="고지서가 나왔어요.", buttons=(Button("고지서 보기", url=IMG + "?b"),))
    (card,) = render(screen)["template"]["outputs"]
    assert card["textCard"]["description"] == "고지서가 나왔어요."
    assert card["textCard"]["buttons"] == [
        {"label": "고지서 보기", "action": "webLink", "webLinkUrl": IMG + "?b"}
    ]


@pytest.mark.parametrize(
    ("card", "kind"),
    [
        (Card("의자", ("좋아요",), image_url=IMG, price=12000), "commerceCard"),
        (Card("의자", ("좋아요",), image_url=IMG), "basicCard"),
        (Card("의자", ("좋아요",), price=12000), "textCard"),
    ],
)
def test_card_kind(card: Card, kind: str) -> None:
    resp = render(Screen(text="물품", cards=(card, card)))
    carousel = resp["template"]["outputs"][1]["carousel"]
    assert carousel["type"] == kind and len(carousel["items"]) == 2
    assert outputs(render(Screen(text="물품", cards=(card,)))) == ["simpleText", kind]


def test_image_and_notices() -> None:
    screen = Screen(text="본문", image_url=IMG, image_alt="QR 코드", notices=("새 알림 2건",))
    resp = render(screen)
    assert outputs(resp) == ["simpleText", "simpleImage", "simpleText"]
    assert resp["template"]["outputs"][1]["simpleImage"] == {"imageUrl": IMG, "altText": "QR 코드"}


def test_long_text_splits_into_bubbles_at_paragraphs() -> None:
    first, second = "가나다 " * 200, "라마바 " * 200
    resp = render(Screen(text=f"{first}\n\n{second}"))
    texts = [o["simpleText"]["text"] for o in resp["template"]["outputs"]]
    assert texts == [first.strip(), second.strip()]


def test_long_text_leaves_room_for_cards() -> None:
    cards = (Card("의자", ("좋아요", "튼튼해요"), image_url=IMG),) * 2
    resp = render(Screen(text="긴 설명입니다. " * 300, cards=cards))
    assert outputs(resp) == ["simpleText", "simpleText", "carousel"]
    assert resp["template"]["outputs"][1]["simpleText"]["text"].endswith("…")


def test_surplus_choices_become_card_buttons_and_nav_stays() -> None:
    choices = tuple(Button(f"선택지 {i}번 항목입니다", token=f"c{i}") for i in range(14))
    nav = (Button("이전", token="b", role=NAV), Button("처음으로", token="h", role=NAV))
    resp = render(Screen(text="골라 주세요", buttons=choices + nav))
    replies = resp["template"]["quickReplies"]
    assert len(replies) == 10 and [r["label"] for r in replies[-2:]] == ["이전", "처음으로"]
    carousel = resp["template"]["outputs"][1]["carousel"]
    card_tokens = [b["extra"]["t"] for item in carousel["items"] for b in item["buttons"]]
    assert card_tokens == [f"c{i}" for i in range(8, 14)]
    labels = [r["label"] for r in replies] + [
        b["label"] for item in carousel["items"] for b in item["buttons"]
    ]
    assert len(set(labels)) == len(labels)


def test_many_small_cards_make_a_list() -> None:
    cards = tuple(
        Card(f"물품 {i}", ("대여 가능",), buttons=(Button("빌리기", token=f"t{i}"),))
        for i in range(7)
    )
    resp = render(Screen(text="공유마켓 물품", cards=cards))
    assert outputs(resp) == ["carousel"]  # the one-line text became the lists' header
    lists = resp["template"]["outputs"][0]["carousel"]["items"]
    assert [len(lst["items"]) for lst in lists] == [4, 3]
    assert lists[0]["header"]["title"] == "공유마켓 물품 (1/2)"
    assert lists[0]["items"][0]["extra"] == {"t": "t0"}


def test_more_than_ten_cards_are_capped() -> None:
    cards = tuple(Card(f"물품 {i}", ("a", "b")) for i in range(12))
    items = render(Screen(text="목록", cards=cards))["template"]["outputs"][1]["carousel"]["items"]
    assert len(items) == 10


def test_crowded_reply_keeps_the_last_screen() -> None:
    first = Screen(text="접수했어요", image_url=IMG, cards=(Card("접수 1", ("a", "b")),) * 2)
    last = Screen(
        text="처음 화면",
        notices=("새 알림",),
        image_url=IMG,
        cards=(Card("공지", ("x", "y"), image_url=IMG),) * 3,
        buttons=(Button("홈페이지", url="https://example.org"),),
    )
    resp = render(first, last)
    assert len(resp["template"]["outputs"]) <= 3
    assert resp["template"]["outputs"][-1]["carousel"]["type"] == "basicCard"


def test_huge_reply_stays_under_the_byte_cap() -> None:
    url = "https://example.org/" + "a" * 950
    card = Card("가" * 60, ("나" * 300,), image_url=url, buttons=(Button("다" * 90, url=url),) * 3)
    buttons = tuple(Button("라" * 200, token="t" * 40) for _ in range(30))
    resp = render(Screen(text="마" * 5000, cards=(card,) * 20, buttons=buttons))
    assert len(encode_response(resp)) <= 30_720


def test_empty_input_still_renders() -> None:
    assert outputs(render()) == ["simpleText"]
    assert outputs(render(Screen(text="", buttons=(Button("예", token="y"),)))) == ["simpleText"]


# -- property: anything renders valid ---------------------------------------------------------

_korean = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
_chars = st.one_of(_korean, _korean, st.sampled_from(" \n.?!,()[]-:·/"), st.characters())
texts = st.text(_chars, max_size=3000)
short = st.text(_chars, max_size=60)
urls = st.sampled_from(
    [IMG, "http://dn-m.talk.kakao.com/x.png", "javascript:alert(1)", "", "ftp://x/y.png"]
    + ["https://example.org/" + "a" * 980, "https://example.org/a b.png"]
)
tokens = st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True))
buttons = st.builds(
    Button,
    label=short,
    token=tokens,
    role=st.sampled_from(ButtonRole),
    url=st.one_of(st.none(), st.none(), urls),
)
cards = st.builds(
    Card,
    title=short,
    lines=st.lists(short, max_size=5).map(tuple),
    image_url=st.one_of(st.none(), urls),
    buttons=st.lists(buttons, max_size=5).map(tuple),
    price=st.one_of(st.none(), st.integers(-5, 10**9)),
)
screens = st.builds(
    Screen,
    text=texts,
    buttons=st.lists(buttons, max_size=30).map(tuple),
    image_url=st.one_of(st.none(), urls),
    image_alt=short,
    cards=st.lists(cards, max_size=20).map(tuple),
    notices=st.lists(short, max_size=4).map(tuple),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(screens, min_size=1, max_size=3), st.sampled_from([None, "65f0b0000000002"]))
def test_any_screens_render_valid(reply: list[Screen], block_id: str | None) -> None:
    resp = render_reply(reply, block_id=block_id)
    assert validate_skill_response(resp) == []
    replies = resp["template"].get("quickReplies", [])
    labels = [r["label"] for r in replies]
    assert len({"".join(label.split()).casefold() for label in labels}) == len(labels)
    last_tokens = [b.token for b in reply[-1].buttons if b.url is None and b.token]
    got_tokens = [r["extra"]["t"] for r in replies if "extra" in r]
    assert set(got_tokens) <= set(last_tokens)
