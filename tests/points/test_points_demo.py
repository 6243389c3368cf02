"""The demo complex's sample points: neighbours' orders (three months of the desk demo's
households too), a rent payment and a common spend, visible to a newcomer in 공용 포인트 보기,
and the 그늘막 proposal with its open vote in 제안과 투표; the books stay exact."""

from __future__ import annotations

from bot.demo.seed import seed_demo
from tests.support.defects import verified
from tests.support.points import books_are_exact


async def test_the_demo_shows_common_points_with_their_history(services, engine):
    await seed_demo(services)
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
    from core.identity.invites import display_code

    kim_household = next(h for h in DEMO_HOUSEHOLDS if h.unit == "1203")
    chat = await verified(engine, display_code(demo_code(services.invite_key, kim_household)), "k")
    await chat.tap("포인트")
    await chat.tap("공용 포인트 보기")
    assert "지금 250,710점이 있어요" in chat.text  # 2,910 of this month, 247,800 before
    assert "놀이방 장난감 (공용 포인트 사용) -3,000" in chat.text
    assert "이웃 로컬푸드 주문 적립 +640" in chat.text
    assert "11/10 이웃 공동구매 주문 적립 +3,080" in chat.text  # 15 days before
    await chat.tap("제안과 투표")
    assert "[투표 중] 놀이터 그늘막 설치" in chat.text and "220,000점" in chat.text
    await books_are_exact(services)
