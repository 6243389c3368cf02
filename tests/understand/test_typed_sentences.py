"""Typed Korean understood where it is not a button label, nor a universal word, nor an answer
to the current question: at home, inside a dialog, unsure, not at all, and bad input."""

from __future__ import annotations

import logging
import time

import pytest

from bot.app import build_engine
from bot.engine.runner import HELP_INTENT
from tests.support.chat import Chat


async def verified(engine, demo, key="101-1203", user="kim") -> Chat:
    chat = Chat(engine, user=user)
    await chat.say("안녕")
    await chat.tap("초대코드 입력")
    await chat.say(demo[key])
    await chat.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    return chat


@pytest.fixture
def with_help(services):
    """The engine with every feature: the helpdesk registers 도움 요청 ("help.ask")."""
    engine = build_engine(services)
    assert engine.typed.intents.get(HELP_INTENT) is not None
    return engine


async def test_elevator_sentence_on_every_channel(person, demo):
    await person.say("안녕하세요")
    await person.tap("초대코드 입력")
    await person.say(demo["101-1203"])
    await person.tap("아니요")  # 쉬운 모드? (asked once after sign-up)
    await person.say("엘리베이터가 멈췄어요")
    assert "고장 신고로 갈게요 (승강기)" in person.text
    assert "무슨 일인가요?" in person.text  # the category step was answered
    assert "멈췄어요" in person.labels
    await person.tap("멈췄어요")  # says 공용부 (우리 동 승강기) and 급함 too
    assert "종류: 승강기" in person.text and "101동 승강기" in person.text
    assert "급함: 네" in person.text


async def test_points_question_shows_the_balance(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("포인트 얼마 남았어요?")
    assert "내 포인트로 갈게요" in chat.text
    assert "[내 포인트]" in chat.text and "지금 0점이 있어요" in chat.text


async def test_initials_and_a_typo_reach_the_home_buttons(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("ㅍㅇㅌ")
    assert "포인트로 갈게요" in chat.text
    assert "내 포인트" in chat.labels
    await chat.tap("처음으로")
    await chat.say("알둘쇼핑")
    assert "알뜰쇼핑으로 갈게요" in chat.text
    assert "[알뜰쇼핑]" in chat.text


async def test_inside_the_defect_flow_elevator_matches_the_lift_button(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    assert "어떤 고장인가요?" in chat.text
    await chat.say("엘리베이터")
    assert "'승강기'를 골랐어요." in chat.text
    assert "무슨 일인가요?" in chat.text


async def test_a_confident_sentence_inside_a_dialog_sets_it_aside_and_it_can_resume(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    await chat.tap("누수")
    await chat.say("욕실 천장이 젖었어요")
    assert "어디에서 생긴 일인가요?" in chat.text  # a question of buttons only
    await chat.say("공지사항 보여 주세요")
    assert "공지사항으로 갈게요" in chat.text
    assert "하던 일 계속" in chat.labels
    await chat.tap("하던 일 계속")
    assert "어디에서 생긴 일인가요?" in chat.text
    await chat.tap("우리 집")
    assert "급한 일인가요?" in chat.text


async def test_a_free_text_step_takes_the_sentence_as_its_answer(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    await chat.tap("누수")
    await chat.say("포인트 얼마 남았어요?")  # a description, however odd: not an intent
    assert "어디에서 생긴 일인가요?" in chat.text


async def test_unsure_offers_guesses_and_help(with_help, demo):
    chat = await verified(with_help, demo)
    await chat.say("쌀 공동구매")  # the group buys, or the shops' rice?
    assert "혹시 이 중에" in chat.text
    assert {"공동구매", "가게별 상품", "도움 요청"} <= set(chat.labels)
    await chat.say("투포")  # a short word one letter off: only a guess
    assert "혹시 이 중에" in chat.text
    assert {"주민투표", "도움 요청"} <= set(chat.labels)
    await chat.tap("주민투표")
    assert "투표" in chat.text


async def test_two_misses_offer_help_in_different_words(with_help, demo):
    chat = await verified(with_help, demo)
    await chat.say("오늘 날씨 좋네요")
    first = chat.text
    assert "공유마켓" in chat.labels and "도움 요청" in chat.labels
    await chat.say("ㅋㅋㅋㅋ")
    second = chat.text
    assert first != second
    assert "'도움 요청'을 눌러" in second and "도움 요청" in chat.labels
    await chat.say("점심 뭐 먹지")
    assert chat.text != second
    await chat.tap("도움 요청")
    assert "[도움 요청]" in chat.text  # the helpdesk asks what is needed


async def test_misses_are_counted_only_in_a_row(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("오늘 날씨 좋네요")
    first = chat.screen.notices
    await chat.tap("우리단지")
    await chat.say("오늘 날씨 좋네요")
    assert chat.screen.notices == first  # a tap in between: the count starts again


async def test_two_misses_in_a_dialog_offer_help(with_help, demo):
    chat = await verified(with_help, demo)
    await chat.tap("우리단지")
    await chat.tap("고장 신고")
    await chat.say("음")
    assert "도움 요청" not in chat.labels
    await chat.say("ㅋㅋ")
    assert "어떤 고장인가요?" in chat.text and "도움 요청" in chat.labels


async def test_greeting_is_answered_and_leads_home(engine, demo):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    await chat.say("안녕하세요")
    assert "반가워요" in chat.text and "무엇을 도와드릴까요" in chat.text


async def test_coordinator_intents_are_not_offered_to_residents(engine, demo):
    chat = await verified(engine, demo)
    await chat.say("공지 보내기")
    assert "공지 보내기" not in chat.labels
    coordinator = await verified(engine, demo, key="관리동-100", user="coord")
    await coordinator.say("공지 보내기")
    assert "공지 보내기로 갈게요" in coordinator.text


@pytest.mark.parametrize(
    "text",
    ["가" * 10_000, "😀😀😀", "을를이가", "\x00\x07\x1b[2J", "ㅤ", "!!!???", "\u200b\u200b"],
)
async def test_bad_input_is_answered_politely_fast_and_changes_nothing(engine, demo, text):
    chat = await verified(engine, demo)
    await chat.tap("우리단지")
    before = chat.labels
    started = time.perf_counter()
    await chat.say(text)
    assert time.perf_counter() - started < 1.0
    assert "요" in chat.text  # 해요체, whatever it says
    assert "Traceback" not in chat.text and "잠시 문제가" not in chat.text
    assert [label for label in chat.labels if label in before] == before


async def test_nothing_typed_is_logged(engine, demo, caplog):
    chat = await verified(engine, demo)
    secret = "엘리베이터가 멈췄어요 비밀번호1234"
    with caplog.at_level(logging.DEBUG):
        await chat.say(secret)
        await chat.say("전혀 모르는 말 사과나무")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "비밀번호1234" not in logged and "사과나무" not in logged


def test_the_table_covers_every_registered_intent(services):
    engine = build_engine(services)
    table = set(services.understanding.table.entries)
    registered = engine.typed.intents.names()
    assert registered <= table
    assert table == registered


async def test_when_the_analyser_fails_the_text_is_answered_as_not_understood(
    engine, demo, monkeypatch, caplog
):
    chat = await verified(engine, demo)

    def broken(text):
        raise RuntimeError(f"model missing for {text}")

    monkeypatch.setattr(engine.typed.matcher.morphology, "lemmas", broken)
    monkeypatch.setattr(engine.typed.matcher.morphology, "analyse", broken)
    with caplog.at_level(logging.DEBUG):
        await chat.say("전혀 모르는 말 사과나무")
    assert "잘 알아듣지 못했어요" in chat.text and "공유마켓" in chat.labels
    assert "사과나무" not in "\n".join(r.getMessage() for r in caplog.records)
