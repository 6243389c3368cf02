"""쉬운 모드 is offered at sign-up in one question and is one tap from home, on every
channel; in 쉬운 모드 도움말 and 도움 요청 stay on the home screen and the wording is plainer."""

from __future__ import annotations

import pytest

from bot.screens import Channel
from tests.easy.test_crawl import easy_resident

EASY_HOME = ["공유마켓", "알뜰쇼핑", "우리단지", "포인트", "도움말", "쉬운 모드 끄기", "도움 요청"]


async def test_sign_up_asks_once_and_yes_turns_easy_mode_on(person, demo):
    await person.start(demo["101-1203"], easy=None)
    assert "101동 1203호로 확인했어요" in person.text
    assert "글씨와 버튼을 크고 쉽게 할까요?" in person.text
    assert person.labels == ["네", "아니요"]
    await person.tap("네")
    assert "쉬운 모드를 켰어요" in person.text
    assert "무엇을 할까요?" in person.text  # the easy wording of the greeting
    assert person.labels == EASY_HOME


async def test_no_keeps_the_usual_screens_and_easy_mode_is_one_tap_away(person, demo):
    await person.start(demo["102-304"], easy=None)
    await person.tap("아니요")
    assert "보통 화면으로 쓸게요" in person.text
    assert "무엇을 도와드릴까요?" in person.text
    assert "쉬운 모드 켜기" in person.labels  # 1 tap from home
    await person.tap("쉬운 모드 켜기")
    assert person.labels == EASY_HOME
    await person.tap("쉬운 모드 끄기")  # and 1 tap back
    assert "쉬운 모드를 껐어요" in person.text
    assert "쉬운 모드 켜기" in person.labels and "무엇을 도와드릴까요?" in person.text


async def test_easy_mode_changes_the_words_of_the_top_tasks(person, demo):
    await person.start(demo["103-1501"], easy=None)
    await person.tap("네")
    await person.tap("포인트")
    assert "공용 포인트" in person.labels and "모으는 법" in person.labels
    await person.tap("모으는 법")
    assert "1점은 1원이에요. 임대료나 장보기에 써요." in person.text
    await person.tap("처음으로")
    await person.tap("쉬운 모드 끄기")
    await person.tap("포인트")
    assert "포인트 모으는 법" in person.labels


@pytest.mark.parametrize("channel", list(Channel))
async def test_a_long_choice_becomes_a_number_with_its_words_above(engine, lived_in, channel):
    """ "제철 과일·햅쌀전 (~12/9)" is longer than a button: 쉬운 모드 shows "1번" and lists it
    (Chat checks every answer against KakaoTalk's limits too)."""
    chat = await easy_resident(engine, lived_in["101-1203"], "long", channel)
    await chat.tap("알뜰쇼핑")
    await chat.tap("특별 판매")
    assert "1번: 제철 과일·햅쌀전 (~12/9)" in chat.text
    assert "1번" in chat.labels and all(len(label) <= 8 for label in chat.labels)
    await chat.tap("1번")
    assert "제철 과일·햅쌀전" in chat.text


async def test_the_welcome_is_short_in_easy_mode(person, demo):
    await person.start()
    await person.tap("도움말")
    await person.tap("쉬운 모드 켜기")
    await person.tap("처음으로")
    assert "초대코드 입력" in person.labels
    assert "안녕하세요! 이웃 도우미 '내친구'예요." in person.text
    assert len(person.text) <= 150 + 40  # the greeting and its hint for linked messengers
