"""The demo complex comes with sample 고장 신고 to try: an open common-area report to support
and a finished repair of 101동 1203호 to rate."""

from __future__ import annotations

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from core.identity.invites import display_code
from tests.support.defects import verified


async def test_the_demo_has_a_common_report_to_support_and_a_fix_to_rate(engine, services):
    assert await seed_demo(services)
    codes = {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in DEMO_HOUSEHOLDS
    }
    lee = await verified(engine, codes["102-304"], "lee")
    await lee.tap("우리단지")
    await lee.tap("함께 쓰는 곳 신고")
    assert "B2 조명이 깜빡여요" in lee.text and "같은 문제예요" in str(lee.screen.cards)
    kim = await verified(engine, codes["101-1203"], "kim")
    await kim.tap("우리단지")
    await kim.tap("내 신고 내역")
    assert "상태: 완료" in kim.text
    await kim.tap("자세히 보기")
    assert "배관 이음새를 새것으로 바꿨어요" in kim.text
    assert "평가하기" in kim.labels and "다시 신고" in kim.labels
