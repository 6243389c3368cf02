"""카풀 and public holidays, read as conversations on the frozen clock (Wednesday 2026-11-25):
a paid ride on a holiday — from the `holidays` package (12/25) or from bot.toml's
extra_holidays (here Friday 11/27) — is not offered at all (무료 only, saying why); a
repeating ride says "평일마다 반복" on its card and its page."""

from __future__ import annotations

import pytest

from tests.support.share import listing_row, post_ride, verified


@pytest.fixture
def config(config):
    return config.replace(share={"extra_holidays": ("2026-11-27",)})


async def cost_choices(chat, when: str) -> list[str]:
    """The 비용 buttons offered for a ride at `when` (typed at the time question)."""
    await chat.say("처음으로")
    for label in ("공유마켓", "카풀", "글 올리기", "태워 드려요 (해드려요)"):
        await chat.tap(label)
    if "직접 고르기" in chat.labels:
        await chat.tap("직접 고르기")
    for label in ("단지 정문", "동탄역"):
        await chat.tap(label)
    await chat.say(when)
    await chat.tap("1명")
    assert "비용은 어떻게 할까요?" in chat.text
    return chat.labels


async def test_a_paid_ride_is_not_offered_on_a_public_holiday(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    labels = await cost_choices(kim, "12/25 오전 8시")  # 기독탄신일, a Friday
    assert "기름값 나누기" not in labels and "무료" in labels
    assert "주말과 공휴일에는 무료로만" in kim.text  # the legal note
    assert "무료로만 올릴 수 있어요" in kim.text
    await kim.tap("무료")
    await kim.tap("한 번만")
    await kim.tap("건너뛰기")
    assert "비용: 무료" in kim.text and "12월 25일" in kim.text
    await kim.tap("올리기")
    assert (await listing_row(services))["price"] == 0


async def test_a_configured_extra_holiday_counts_too(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    labels = await cost_choices(kim, "금요일 오전 8시")  # 11/27, an extra holiday in the config
    assert "기름값 나누기" not in labels
    await post_ride(kim, when="내일 오전 8시", price="3000")  # Thursday: allowed
    assert (await listing_row(services))["price"] == 3000
