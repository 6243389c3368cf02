"""알뜰쇼핑 in the chat: a vendor invited with a shop adds a product by chat, a resident
browses by shop kind, orders with buttons, the vendor moves the order to 수령완료 and the
buyer is told; bad input changes nothing."""

from __future__ import annotations

from tests.support.defects import tiny_image, verified
from tests.support.shop import bank_account, member, orders, product, stock_of, vendor_chat


async def test_vendor_adds_a_product_and_a_resident_orders_it(engine, services, demo):
    farm = await vendor_chat(engine, services)
    assert "내 가게" in farm.labels
    await farm.tap("내 가게")
    assert "[내 가게] 행복농원 (로컬푸드)" in farm.text
    await farm.tap("상품 추가")
    await farm.say("햇사과")
    await farm.say("0")
    assert "1부터" in farm.text
    await farm.say("12,000")
    await farm.tap("1봉")
    await farm.say("-3")
    await farm.say("10")
    await farm.photo(tiny_image("JPEG"))
    await farm.tap("건너뛰기")
    assert "햇사과 · 12,000원 / 1봉" in farm.text and "사진: 있음" in farm.text
    await farm.tap("올리기")
    assert "'햇사과'를 올렸어요" in farm.text
    await bank_account(services, await member(services, "farm"))

    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.tap("알뜰쇼핑")
    await kim.tap("가게별 상품")
    await kim.tap("로컬푸드")
    assert "햇사과" in kim.text and kim.screen.cards[0].price == 12000
    await kim.tap("주문하기")
    await kim.say("0")
    assert "1개 이상" in kim.text
    await kim.say("11")
    assert "10개까지" in kim.text
    await kim.tap("2개")
    await kim.tap("관리동 앞 · 평일 오후 6~8시")
    await kim.tap("통장 입금")
    if "포인트" in kim.text and "몇 점" in kim.text:
        await kim.tap("안 써요")
    assert "금액: 24,000원" in kim.text
    await kim.tap("주문하기")
    assert "주문 번호는 S-000001이에요" in kim.text
    assert "입금하실 곳: 농협 123-45-678901 (예금주 홍길동)" in kim.text
    (order,) = await orders(services)
    assert order["quantity"] == 2 and order["status"] == "placed"
    assert await stock_of(services, order["product_id"]) == 8

    await farm.say("처음으로")
    assert "[새 주문 S-000001]" in farm.text
    await farm.tap("내 가게")
    await farm.tap("주문 관리")
    await farm.tap("확인")
    assert "'확인'으로 바꿨어요" in farm.text
    await farm.tap("준비완료")
    await farm.tap("수령완료")
    assert "입금을 확인한 뒤에" in farm.text  # 계좌이체: the money first
    await farm.tap("입금 확인")
    await farm.tap("수령완료")
    assert "'수령완료'로 바꿨어요" in farm.text
    (order,) = await orders(services)
    assert order["status"] == "picked_up" and order["paid"]

    await kim.say("처음으로")
    assert "1. 주문 소식 3건" in kim.text  # the order's updates, collapsed by their label
    await kim.tap("알림 1 보기")
    assert "'수령완료' 상태가 되었어요" in kim.text
    await kim.tap("하던 일 계속")


async def test_a_resident_cancels_before_ready_and_the_stock_comes_back(engine, services, demo):
    await vendor_chat(engine, services)
    product_id = await product(services, await member(services, "farm"), stock=3)
    kim = await verified(engine, demo["101-1203"], "kim")
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드", "주문하기", "3개"):
        await kim.tap(label)
    await kim.tap("관리동 앞 · 평일 오후 6~8시")
    await kim.tap("만나서 내기")
    if "몇 점" in kim.text:
        await kim.tap("안 써요")
    await kim.tap("주문하기")
    assert await stock_of(services, product_id) == 0
    await kim.tap("내 주문")
    await kim.tap("주문 취소")
    assert "주문 S-000001을 취소했어요" in kim.text
    assert await stock_of(services, product_id) == 3


async def test_vendor_menu_is_only_for_the_shops_vendor(engine, services, demo):
    from bot.handlers.shop.actions import VendorMenu

    kim = await verified(engine, demo["101-1203"], "kim")
    assert "내 가게" not in kim.labels
    await kim.tap("도움말")  # a forged vendor action (a token never shown) is not there
    assert "[도움말]" in kim.text
    assert VendorMenu.kind == "vendor.menu"
