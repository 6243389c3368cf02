"""The demo's sample 알뜰쇼핑: shops, a 기획전 and an open 공동구매 a newcomer can join, and a
refund after spending (bot/demo/refunds.py) the books account for exactly."""

from __future__ import annotations

from bot.demo.seed import seed_demo
from tests.support.defects import verified


async def test_the_demo_shop_can_be_browsed_and_joined(engine, services):
    await seed_demo(services)
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
    from core.identity.invites import display_code

    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[1]))
    lee = await verified(engine, code, "lee-demo")
    await lee.tap("알뜰쇼핑")
    await lee.tap("특별 판매")
    assert "제철 과일·햅쌀전" in lee.labels[0]
    await lee.tap(lee.labels[0])
    assert "햇사과" in lee.text and "유기농 쌀" in lee.text
    await lee.say("처음으로")
    await lee.tap("알뜰쇼핑")
    await lee.tap("공동구매")
    assert "김장 절임배추 공동구매: 0/30개 (최대 100개), 3일 뒤 18:00 마감" in lee.text
    await lee.tap("1번 보기")
    await lee.tap("참여하기")
    await lee.tap("2개")
    await lee.tap("만나서 내기")
    if "몇 점" in lee.text:
        await lee.tap("안 써요")
    await lee.tap("참여하기")
    assert "공동구매에 참여했어요" in lee.text


async def test_the_demo_has_a_refund_after_spending(engine, services):
    from core.points.ledger import check_ledger
    from tests.support.shop import orders

    await seed_demo(services)
    (refunded,) = [o for o in await orders(services) if o["status"] == "refunded"]
    async with services.uow() as uow:
        legs = dict(await uow.points.legs(f"refund:order:{refunded['id']}"))
        assert await check_ledger(uow) == []
    complex_id = refunded["complex_id"]
    assert legs[f"system:{complex_id}:refund_cash"] == -220  # spent: kept back from the cash
    assert legs[f"personal:{refunded['resident_id']}"] == -100  # what was left of 320
    assert legs[f"common:{complex_id}"] == -640


async def test_the_demo_shows_outside_picks_with_links(engine, services):
    await seed_demo(services)
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
    from core.identity.invites import display_code

    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[1]))
    lee = await verified(engine, code, "lee-picks")
    await lee.tap("알뜰쇼핑")
    await lee.tap("우체국쇼핑·바깥 상품")
    assert "[우체국쇼핑·바깥 상품] 5개예요." in lee.text
    assert "청송 꿀사과 5kg (15~18과)" in lee.text and "우체국쇼핑 · 39,900원" in lee.text
    links = [b.url for c in lee.screen.cards for b in c.buttons]
    keys = ("apple", "abalone", "tangerine", "gulbi", "rice")
    assert links == [f"https://mall.epost.go.kr/?pick={k}" for k in keys]


async def test_the_demo_near_complex_is_served_by_the_farm_shop(engine, services):
    await seed_demo(services)
    from bot.demo.seed import demo_code
    from bot.demo.vendors import NEAR_HOUSEHOLDS
    from core.identity.invites import display_code

    code = display_code(demo_code(services.invite_key, NEAR_HOUSEHOLDS[0]))
    choi = await verified(engine, code, "choi-demo")
    await choi.tap("알뜰쇼핑")
    await choi.tap("가게별 상품")
    assert choi.labels[0] == "로컬푸드" and "사회적경제" not in choi.labels  # 마을빵집 not here
    await choi.tap("로컬푸드")
    assert "햇사과" in choi.text and "행복농원" in choi.text
    await choi.say("처음으로")
    await choi.tap("알뜰쇼핑")
    await choi.tap("공동구매")
    assert "이웃아파트 햇사과 공동구매" in choi.text
    assert "김장 절임배추" not in choi.text  # DEMO's group buy stays DEMO's
