"""알뜰쇼핑 after 수령완료: the buyer's points history names what was bought ("로컬푸드 주문
적립"), the vendor's 주문 내역 lists completed orders with 환불 (a reason, the settlement, a
confirmation that acts once). Refunds after spending: tests/shop/test_refund_settlement.py."""

from __future__ import annotations

from core.shop.orders import NewOrder, move_order, place_order
from tests.support.defects import verified
from tests.support.shop import balance, member, orders, product, vendor_chat

PICKUP = "관리동 앞 · 평일 오후 6~8시"


async def picked_up_order(services, buyer: str, price: int = 12_000) -> None:
    """One order of the vendor "farm"'s product, bought by `buyer` and picked up."""
    farm = await member(services, "farm")
    product_id = await product(services, farm, price=price)
    kim = await member(services, buyer)
    async with services.uow() as uow:
        order = await place_order(
            uow, services.clock, kim, NewOrder(product_id, 1, PICKUP, "on_site"), (PICKUP,)
        )
        for target in ("confirmed", "ready", "picked_up"):
            await move_order(uow, services.clock, farm, order.id, target)
        await uow.commit()


async def test_the_points_history_names_the_shop_kind_of_the_order(engine, services, demo):
    await vendor_chat(engine, services)
    kim = await verified(engine, demo["101-1203"], "kim")
    await picked_up_order(services, "kim")
    await kim.say("처음으로")
    await kim.tap("포인트")
    await kim.tap("내 포인트")
    assert "11/25 로컬푸드 주문 적립 +120" in kim.text


async def test_the_vendor_refunds_a_picked_up_order_from_the_history(engine, services, demo):
    farm = await vendor_chat(engine, services)
    kim = await verified(engine, demo["101-1203"], "kim")
    await picked_up_order(services, "kim")
    buyer = await member(services, "kim")
    assert await balance(services, buyer.resident_id) == 120
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("주문 관리")
    assert "처리할 주문이 없어요" in farm.text  # completed orders leave 주문 관리 ...
    await farm.tap("이전")
    await farm.tap("주문 내역")  # ... and stay in 주문 내역
    assert "S-000001 · 햇사과" in farm.text and "상태: 수령완료" in farm.text
    await farm.tap("환불")
    assert "환불하는 까닭" in farm.text
    await farm.say("가" * 201)
    assert "환불하는 까닭" in farm.text  # too long: the same question again
    await farm.tap("상품에 문제가 있었어요")
    assert "[환불 확인] S-000001 · 12,000원" in farm.text
    assert "돌려줄 돈: 12,000원 (낸 돈 12,000원)" in farm.text
    assert "적립 취소: 주문하신 분 120점, 단지 공용 240점" in farm.text
    assert "이미 쓴" not in farm.text  # nothing was spent: all of the reward goes back
    token = farm.button("환불하기").token
    first = await farm.tap_token(token)
    assert "S-000001을 환불했어요. 12,000원을 돌려주세요" in farm.text
    assert "상태: 환불" in farm.text
    again = await farm.tap_token(token)
    assert again.duplicate and again.screens == first.screens
    (order,) = await orders(services)
    assert order["status"] == "refunded" and order["reason"] == "상품 문제"
    assert await balance(services, buyer.resident_id) == 0
    assert "환불" not in farm.labels

    await kim.say("처음으로")
    assert "2. 주문 소식 3건" in kim.text  # the order's updates, collapsed by their label
    await kim.tap("알림 1 보기")
    assert "[환불 S-000001]" in kim.text and "돌려줄 돈: 12,000원" in kim.text
    await kim.tap("하던 일 계속")
    await kim.tap("포인트")
    await kim.tap("내 포인트")
    assert "로컬푸드 환불로 적립 취소 -120" in kim.text
