"""Rendering Screens as Telegram messages: keyboards, order of parts, long texts, limits."""

from __future__ import annotations

from dataclasses import replace

from bot.channels.telegram.render import render_screen, split_text, tg_len
from bot.screens import Button, ButtonRole, Card, Screen
from tests.channels.telegram_support import (
    callback_data,
    menu_screen,
)

# --- rendering -----------------------------------------------------------------------------


def test_render_menu_one_choice_per_row_nav_last() -> None:
    [msg] = render_screen(menu_screen())
    assert msg["text"] == "무엇을 도와드릴까요?" and "parse_mode" not in msg
    assert callback_data(msg["reply_markup"]) == [["t:tokA"], ["t:tokB"], ["t:back", "t:home"]]


def test_render_many_short_choices_two_per_row() -> None:
    labels = ["월", "화", "수", "목", "금"]
    screen = Screen("요일", tuple(Button(x, token=str(i)) for i, x in enumerate(labels)))
    rows = render_screen(screen)[0]["reply_markup"].inline_keyboard
    assert [len(r) for r in rows] == [2, 2, 1]
    four = Screen("요일", screen.buttons[:4])
    assert [len(r) for r in render_screen(four)[0]["reply_markup"].inline_keyboard] == [1] * 4


def test_render_order_photo_notices_cards_text() -> None:
    card = Card("유기농 사과", ("충주 농장",), buttons=(Button("담기", token="c1"),), price=12000)
    screen = Screen(
        "골라 주세요", menu_screen().buttons, image_url="https://x/a.jpg", image_alt="포스터"
    )
    screen = replace(screen.with_notices("새 알림 2건"), cards=(card,))
    msgs = render_screen(screen)
    assert msgs[0] == {"photo": "https://x/a.jpg", "caption": "포스터"}
    assert msgs[1] == {"text": "새 알림 2건"}
    assert msgs[2]["text"] == "유기농 사과\n충주 농장\n12,000원"
    assert callback_data(msgs[2]["reply_markup"]) == [["t:c1"]]
    assert msgs[3]["text"] == "골라 주세요" and len(msgs) == 4


def test_render_card_with_image_uses_caption_or_splits() -> None:
    short = render_screen(Screen("", cards=(Card("사과", image_url="https://x/p.jpg"),)))
    assert short == [{"photo": "https://x/p.jpg", "caption": "사과"}]
    long_card = Card("사과", ("가" * 1100,), image_url="https://x/p.jpg")
    msgs = render_screen(Screen("", cards=(long_card,)))
    assert msgs[0] == {"photo": "https://x/p.jpg"} and msgs[1]["text"].startswith("사과")


def test_render_long_text_split_on_paragraphs_keyboard_last() -> None:
    paragraphs = ["가" * 3000, "나" * 3000, "다" * 100]
    msgs = render_screen(Screen("\n\n".join(paragraphs), menu_screen().buttons))
    assert [m["text"] for m in msgs] == [paragraphs[0], "\n\n".join(paragraphs[1:])]
    assert "reply_markup" not in msgs[0] and "reply_markup" in msgs[1]


def test_split_text_hard_cuts_and_counts_utf16() -> None:
    chunks = split_text("😀" * 3000)  # 6000 UTF-16 units
    assert len(chunks) == 2 and all(tg_len(c) <= 4096 for c in chunks)
    assert "".join(chunks) == "😀" * 3000


def test_render_skips_oversized_token_and_keeps_url_button() -> None:
    buttons = (
        Button("긴 것", token="x" * 63),
        Button("안내", url="https://example.org/a"),
        Button("처음으로", token="home", role=ButtonRole.NAV),
    )
    [msg] = render_screen(Screen("", buttons))
    assert msg["text"] == "👇"
    assert callback_data(msg["reply_markup"]) == [["https://example.org/a"], ["t:home"]]


def test_render_empty_screen_sends_nothing() -> None:
    assert render_screen(Screen("  ")) == []
