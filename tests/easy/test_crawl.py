"""쉬운 모드 across the resident's screens of a lived-in demo complex: every screen reachable
by buttons (6 taps deep) keeps ≤ 4 choices besides navigation, bubbles ≤ 150 characters and
labels ≤ 8 characters; the survey's 5점 and 다 골랐어요 are never behind 더보기."""

from __future__ import annotations

from bot.screens import ButtonRole, Channel
from tests.easy.crawl import MAX_CHOICES, Found, crawl, measure
from tests.support.chat import Chat


async def easy_resident(engine, code: str, user: str, channel=Channel.WEB) -> Chat:
    chat = Chat(engine, user=user, channel=channel)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(code)
    await chat.tap("네")  # 글씨와 버튼을 크고 쉽게 할까요?
    return chat


async def test_every_resident_screen_keeps_the_easy_limits(engine, lived_in):
    chat = await easy_resident(engine, lived_in["101-1203"], "easy")
    found = await crawl(chat, depth=6)
    assert found.screens > 100  # the crawl reached the sections, their lists and dialogs
    assert any("고장 신고" in path for path in found.paths)
    assert any("공동구매" in path for path in found.paths)
    assert any("카풀 > 글 올리기" in path for path in found.paths)
    assert found.problems == []


async def test_the_measure_sees_each_kind_of_breach(engine, lived_in):
    """The crawl's yardstick fails on what it must fail on (a label, a bubble, choices)."""
    chat = Chat(engine, user="plain")  # not in 쉬운 모드: 8 choices a page, long words
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(lived_in["101-1203"])
    await chat.tap("아니요")
    found = Found()
    await chat.tap("포인트")
    measure(("포인트",), chat.screen, found)
    await chat.tap("포인트 모으는 법")
    measure(("포인트 모으는 법",), chat.screen, found)
    assert any("label '포인트 모으는 법'" in p for p in found.problems)
    assert any("bubble of" in p for p in found.problems)
    await chat.command("menu")
    await chat.tap("우리단지")
    found = Found()
    measure(("우리단지",), chat.screen, found)
    shown = [b for b in chat.screen.buttons if b.role == ButtonRole.CHOICE]
    assert len(shown) > MAX_CHOICES and any("choices" in p for p in found.problems)


async def test_a_survey_keeps_5_points_and_done_on_the_first_page(engine, lived_in):
    chat = await easy_resident(engine, lived_in["101-1203"], "survey")
    for label in ("우리단지", "설문조사", "보기", "시작하기", "네"):
        await chat.tap(label)
    assert "다 골랐어요" in chat.labels and "더보기" not in chat.labels  # 4 options + done
    await chat.tap("건강체조")
    assert "✓ 건강체조" in chat.labels and "다 골랐어요" in chat.labels
    await chat.tap("다 골랐어요")
    assert chat.labels == [
        "1 아주 나빠요",
        "3 (보통)",
        "5 아주 좋아요",
        "다른 점수",
        "이전",
        "처음으로",
    ]
    assert "5점이 가장 좋아요" in chat.text
    await chat.tap("다른 점수")
    assert chat.labels == ["2", "4", "이전", "처음으로"]
    await chat.tap("4")
    assert "(4/4단계)" in chat.text
