"""카풀 and public holidays, read as conversations on the frozen clock (Wednesday 2026-11-25):
a paid ride on a holiday — from the `holidays` package (12/25) or from bot.toml's
extra_holidays (here Friday 11/27) — is refused naming why, with the same question asked
again and nothing posted; a repeating ride says "평일마다 반복" on its card and its page."""

from __future__ import annotations

import pytest

from tests.support.share import listing_row, post_ride, verified


@pytest.fixture
def config(config):
    return config.replace(share={"extra_holidays": ("2026-11-27",)})


async def start_paid_ride(chat, when: str) -> None:
    await chat.say("처음으로")
    for label in (
        "공유마켓",
        "카풀",
        "글 올리기",
        "태워 드려요 (해드려요)",
        "단지 정문",
        "동탄역",
    ):
        await chat.tap(label)
    await chat.say(when)
    await chat.tap("1명")
    await chat.tap("기름값 나누기")
    assert "한 사람이 낼 기름값을" in chat.text


async def test_a_paid_ride_on_a_public_holiday_is_refused_and_asked_again(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_paid_ride(kim, "12/25 오전 8시")  # 기독탄신일, a Friday
    await kim.say("3000")
    assert "공휴일에는 기름값을 받는 카풀을 할 수 없어요" in kim.text
    assert "주말과 공휴일에는 무료로만" in kim.text  # the legal note
    assert "한 사람이 낼 기름값을" in kim.text  # the same question again
    await kim.say("2000")
    assert "공휴일에는 기름값을 받는 카풀을 할 수 없어요" in kim.text
    await kim.tap("무료로 할게요")
    await kim.tap("한 번만")
    await kim.tap("건너뛰기")
    assert "비용: 무료" in kim.text and "12월 25일" in kim.text
    await kim.tap("올리기")
    assert (await listing_row(services))["price"] == 0


async def test_a_configured_extra_holiday_counts_too(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_paid_ride(kim, "금요일 오전 8시")  # 11/27, an extra holiday in the config
    await kim.say("3000")
    assert "공휴일에는 기름값을 받는 카풀을 할 수 없어요" in kim.text
    assert "한 사람이 낼 기름값을" in kim.text
    await post_ride(kim, when="내일 오전 8시", price="3000")  # Thursday: allowed
    assert (await listing_row(services))["price"] == 3000


async def test_a_repeating_ride_says_so_on_its_card_and_its_page(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="내일 오전 8시", repeat=True)
    assert (await listing_row(services))["repeats"] is True
    lee = await verified(engine, demo["102-304"], "lee")
    await lee.tap("공유마켓")
    await lee.tap("카풀")
    assert "11월 26일 (목) 오전 8:00 · 평일마다 반복" in lee.text
    await lee.tap("자세히 보기")
    assert "출발: 11월 26일 (목) 오전 8:00 · 평일마다 반복" in lee.text


async def test_a_one_off_ride_does_not_say_it_repeats(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, when="내일 오전 8시")
    lee = await verified(engine, demo["102-304"], "lee")
    await lee.tap("공유마켓")
    await lee.tap("카풀")
    assert "11월 26일 (목) 오전 8:00" in lee.text and "평일마다" not in lee.text


async def test_the_summary_and_the_repeat_question_mention_holidays(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.say("처음으로")
    for label in (
        "공유마켓",
        "카풀",
        "글 올리기",
        "태워 드려요 (해드려요)",
        "단지 정문",
        "동탄역",
    ):
        await kim.tap(label)
    await kim.say("내일 오전 8시")
    await kim.tap("2명")
    await kim.tap("무료")
    assert "공휴일은 건너뛰어요" in kim.text
    await kim.tap("평일마다 반복")
    await kim.tap("건너뛰기")
    assert "반복: 평일마다 (월~금, 공휴일 빼고)" in kim.text
