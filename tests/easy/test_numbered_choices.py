"""A resident may type a choice's number ("1번", "2", "두 번째") instead of tapping it."""

from __future__ import annotations

import pytest

from bot.engine.present import find_numbered
from bot.screens import Button, Channel, Screen
from tests.easy.test_crawl import easy_resident


@pytest.mark.parametrize("typed", ["1번", "1", "1 번", "첫번째", "첫 번째 거요"])
async def test_typing_the_number_of_a_numbered_choice_picks_it(engine, lived_in, typed):
    chat = await easy_resident(engine, lived_in["101-1203"], "long", Channel.WEB)
    await chat.tap("알뜰쇼핑")
    await chat.tap("특별 판매")
    assert "1번: 제철 과일·햅쌀전 (~12/9)" in chat.text
    await chat.say(typed)
    assert "제철 과일·햅쌀전" in chat.text
    assert "1번: 제철" not in chat.text


def _screen(*labels: str) -> Screen:
    return Screen("골라 주세요", buttons=tuple(Button(x, {}, token=x) for x in labels))


def test_a_bare_number_is_a_label_of_its_own_where_choices_have_numbers():
    """At "몇 개요?" (1개, 2개, …) a typed "2" is never taken as the 2nd button blindly:
    bare numbers are positions only where no choice carries a number itself."""
    hours = _screen("8시", "9시")
    assert find_numbered(hours, "2") is None
    assert find_numbered(hours, "2번") is hours.buttons[1]
    assert find_numbered(hours, "3번") is None
    words = _screen("정문", "후문")
    assert find_numbered(words, "2") is words.buttons[1]
    assert find_numbered(words, "두 번째요") is words.buttons[1]
    assert find_numbered(words, "정문") is None


@pytest.mark.parametrize("channel", list(Channel))
async def test_typing_a_number_at_a_usual_menu_picks_that_button(person, demo, channel):
    await person.start(demo["102-304"])
    await person.tap("알뜰쇼핑")
    first = person.labels[0]
    await person.say("1번")
    assert "잘 알아듣지 못했어요" not in person.text
    await person.tap("처음으로")
    await person.tap("알뜰쇼핑")
    await person.say(first)
    assert "잘 알아듣지 못했어요" not in person.text
