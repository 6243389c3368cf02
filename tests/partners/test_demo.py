"""The demo's 제휴상가 혜택: two partner shops with open offers a newcomer can claim at once."""

from __future__ import annotations

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from core.identity.invites import display_code
from tests.support.defects import verified


async def test_the_demo_has_partner_offers_to_claim(engine, services):
    await seed_demo(services)
    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[0]))
    kim = await verified(engine, code, "kim-demo")
    await kim.tap("알뜰쇼핑")
    await kim.tap("동네 가게 혜택")
    assert "[동네 가게 혜택] 2곳이에요" in kim.text
    await kim.tap("쿠폰 받기")
    assert "쿠폰을 받았어요!" in kim.text and "쿠폰 번호:" in kim.text
