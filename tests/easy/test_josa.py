"""Particles after a value: chosen from how its last syllable is read (bot.i18n.josa), and
resolved by the translator wherever a Korean message writes a marker after a placeholder."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from babel.support import NullTranslations

from bot.i18n import Translator, final_consonant, josa


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("D-2026-000003", "이에요/예요", "D-2026-000003이에요"),  # 삼
        ("D-2026-000002", "이에요/예요", "D-2026-000002예요"),  # 이
        ("O-2026-000001", "을/를", "O-2026-000001을"),  # 일
        ("주문 5", "을/를", "주문 5를"),  # 오
        ("10", "이/가", "10이"),  # 십
        ("100", "은/는", "100은"),  # 백
        ("1,000", "이에요/예요", "1,000이에요"),  # 천
        ("20000", "과/와", "20000과"),  # 만
        ("0", "이/가", "0이"),  # 영
        ("김철수", "이/가", "김철수가"),
        ("관리사무소 박민지", "이/가", "관리사무소 박민지가"),
        ("코디네이터 정", "이/가", "코디네이터 정이"),
        ("사과", "을/를", "사과를"),
        ("배추", "과/와", "배추와"),
        ("감귤", "과/와", "감귤과"),
        ("고장 신고", "으로/로", "고장 신고로"),
        ("승강기", "으로/로", "승강기로"),
        ("우리 집", "으로/로", "우리 집으로"),
        ("지하철", "으로/로", "지하철로"),  # ㄹ takes 로
        ("7", "으로/로", "7로"),  # 칠
        ("3", "으로/로", "3으로"),  # 삼
        ("HTML", "은/는", "HTML은"),  # 엘
        ("PDF", "을/를", "PDF를"),  # 에프
        ("ATM", "이/가", "ATM이"),  # 엠
        ("'보류'", "으로/로", "'보류'로"),  # closing marks are skipped
        ("처리중 (확인)", "으로/로", "처리중 (확인)으로"),
    ],
)
def test_the_particle_fits_the_last_syllable(word, pair, expected):
    assert josa(word, pair) == expected


def test_a_word_without_letters_takes_the_vowel_form():
    assert final_consonant("") == "" and josa("...", "이/가") == "...가"


def korean() -> Translator:
    return Translator("ko", NullTranslations(), ZoneInfo("Asia/Seoul"))


def test_the_translator_resolves_markers_after_placeholders():
    t = korean()
    assert t._("접수 번호는 {number}(이)에요.", number="D-2026-000003") == (
        "접수 번호는 D-2026-000003이에요."
    )
    assert t._("접수 번호는 {number}(이)에요.", number="D-2026-000002") == (
        "접수 번호는 D-2026-000002예요."
    )
    assert t._("{who}이(가) 맡았어요.", who="코디네이터 김") == "코디네이터 김이 맡았어요."
    assert t._("{who}이(가) 맡았어요.", who="박민지") == "박민지가 맡았어요."
    assert t._("{number}을(를) '{status}'(으)로 바꿨어요.", number="O-7", status="보류") == (
        "O-7을 '보류'로 바꿨어요."
    )
    assert t._("'{label}'을(를) 골랐어요.", label="승강기") == "'승강기'를 골랐어요."
    assert t._("{what}(으)로 갈게요", what="우리 집") == "우리 집으로 갈게요"


def test_other_languages_and_text_without_markers_are_left_alone():
    english = Translator("en", NullTranslations(), ZoneInfo("Asia/Seoul"))
    assert english._("{who}이(가) 맡았어요.", who="Kim") == "Kim이(가) 맡았어요."
    assert korean()._("{n}개예요", n=3) == "3개예요"
