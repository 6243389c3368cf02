"""Refunds after spending (issue 19): the buyer asks (환불 요청) and sees the settlement, the
vendor sees the same settlement and confirms once; what is left of the reward is taken back,
what was spent lowers the cash refunded, no balance goes below zero and the books stay exact.
Balances that moved between showing and confirming change nothing; bad input is refused."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import DomainError, NotFound
from core.points.ledger import check_ledger
from core.points.use_cases import pay_rent, rent_months
from core.shop import refunds
from tests.shop.test_concurrency import attempt
from tests.shop.test_refund import picked_up_order
from tests.support.defects import verified
from tests.support.shop import balance, member, orders, outbox_keys, vendor_chat


async def spend(services, who: str, amount: int) -> None:
    """The buyer pays rent with points (spending part of the order's reward)."""
    payer = await member(services, who)
    async with services.uow() as uow:
        await pay_rent(uow, services.clock, payer, rent_months(services.clock)[0], amount)
        await uow.commit()


async def books_exact(services) -> None:
    async with services.uow() as uow:
        assert await check_ledger(uow) == []


async def open_refund(farm) -> None:
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("주문 내역")
    await farm.tap("환불")
    await farm.tap("상품에 문제가 있었어요")


async def test_a_refund_after_spending_is_settled_and_both_sides_see_it(engine, services, demo):
    farm = await vendor_chat(engine, services)
    kim = await verified(engine, demo["101-1203"], "kim")
    await picked_up_order(services, "kim")  # 12,000원: 120 points to kim, 240 to the complex
    await spend(services, "kim", 100)
    buyer = await member(services, "kim")
    await kim.say("처음으로")
    await kim.tap("알뜰쇼핑")
    await kim.tap("내 주문")
    await kim.tap("환불 요청")
    assert "[환불 요청] S-000001" in kim.text
    assert "돌려줄 돈: 11,900원 (낸 돈 12,000원)" in kim.text
    assert "이미 쓴 100점은 돌려줄 돈에서 빼요" in kim.text
    assert "적립 취소: 주문하신 분 20점, 단지 공용 240점" in kim.text
    await kim.tap("상품에 문제가 있었어요")
    await kim.tap("환불 요청하기")
    assert "S-000001 환불을 가게에 요청했어요" in kim.text
    vendor = await member(services, "farm")
    assert any("refund-asked" in key for key in await outbox_keys(services, vendor.resident_id))
    await farm.say("처음으로")
    assert "[환불 요청 S-000001]" in farm.text  # the vendor's waiting notices

    await open_refund(farm)
    assert "돌려줄 돈: 11,900원 (낸 돈 12,000원)" in farm.text  # the same settlement
    assert "이미 쓴 100점은 돌려줄 돈에서 빼요" in farm.text
    await farm.tap("환불하기")
    assert "S-000001을 환불했어요. 11,900원을 돌려주세요" in farm.text
    (order,) = await orders(services)
    assert order["status"] == "refunded"
    assert await balance(services, buyer.resident_id) == 0  # 20 left, 20 taken back
    await books_exact(services)

    await kim.say("처음으로")
    assert "[환불 S-000001]" in kim.text
    await kim.tap("포인트")
    await kim.tap("내 포인트")
    assert "로컬푸드 환불로 적립 취소 -20" in kim.text


async def test_balances_that_moved_before_confirming_change_nothing(engine, services, demo):
    farm = await vendor_chat(engine, services)
    await verified(engine, demo["101-1203"], "kim")
    await picked_up_order(services, "kim")
    buyer = await member(services, "kim")
    await open_refund(farm)
    assert "돌려줄 돈: 12,000원" in farm.text
    await spend(services, "kim", 100)  # meanwhile, the buyer spends part of the reward
    await farm.tap("환불하기")
    assert "정산이 달라졌어요" in farm.text and "상태: 수령완료" in farm.text
    (order,) = await orders(services)
    assert order["status"] == "picked_up"
    assert await balance(services, buyer.resident_id) == 20
    await books_exact(services)
    await farm.tap("환불")
    await farm.tap("상품에 문제가 있었어요")
    assert "돌려줄 돈: 11,900원" in farm.text  # the new settlement, to confirm again


async def test_forged_and_others_orders_are_refused_politely(engine, services, demo):
    await vendor_chat(engine, services)
    await vendor_chat(engine, services, "bakery", shop="빵집", unit="2")
    kim = await verified(engine, demo["101-1203"], "kim")
    await verified(engine, demo["102-304"], "lee")
    await picked_up_order(services, "kim")
    (order,) = await orders(services)
    farm, bakery = await member(services, "farm"), await member(services, "bakery")
    lee, buyer = await member(services, "lee"), await member(services, "kim")
    async with services.uow() as uow:
        _, plan = await refunds.preview_refund(uow, farm, order["id"])
        with pytest.raises(NotFound):  # another household's order
            await refunds.ask_refund(uow, services.clock, lee, order["id"], "상품 문제")
        with pytest.raises(NotFound):  # a forged id
            await refunds.preview_request(uow, buyer, 999_999)
        with pytest.raises(NotFound):  # another shop's vendor
            await refunds.refund(
                uow, services.clock, bakery, order["id"], reason="상품 문제", shown=plan
            )
        with pytest.raises(DomainError) as refused:
            await refunds.refund(uow, services.clock, farm, order["id"], reason="", shown=plan)
        assert refused.value.code == "shop.needs_reason"
    await kim.tap_token("forged-token")  # a button never shown
    assert "S-000001" not in kim.text and kim.text
    (after,) = await orders(services)
    assert after["status"] == "picked_up" and await balance(services, buyer.resident_id) == 120
    await books_exact(services)


@pytest.mark.both_dbs
async def test_two_confirms_at_once_refund_once(engine, services, demo):
    await vendor_chat(engine, services)
    await verified(engine, demo["101-1203"], "kim")
    await picked_up_order(services, "kim")
    (order,) = await orders(services)
    farm, buyer = await member(services, "farm"), await member(services, "kim")
    async with services.uow() as uow:
        _, plan = await refunds.preview_refund(uow, farm, order["id"])

    def confirm(uow):
        return refunds.refund(uow, services.clock, farm, order["id"], reason="상품", shown=plan)

    results = await asyncio.gather(*(attempt(services, confirm) for _ in range(4)))
    assert results.count("ok") == 1, results
    assert set(results) - {"ok"} <= {"shop.not_refundable", "shop.order_changed"}
    assert await balance(services, buyer.resident_id) == 0
    await books_exact(services)
