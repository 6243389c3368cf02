"""기획전 with chosen products on every channel (web chat, KakaoTalk, Telegram), both sides in
the running app: the vendor opens a 특별 판매 choosing 2 of 3 products (tap to ✓, 다 골랐어요),
each at a sale price (a price not below the product's is refused politely first); the resident
sees only those two, "정가 12,000원 → 특별 판매가 9,900원", orders from there, and the order's
total is the sale price. (할인 없음 is walked in tests/shop/test_exhibition_many.py.)"""

from __future__ import annotations

import json

from tests.shop.test_refund_journey import pair, the_vendor  # noqa: F401 (a fixture)
from tests.support.shop import orders, product, vendor_code


def everything(driver) -> str:
    """What the person can read of the last answer, card descriptions included."""
    if driver.name == "telegram":
        return driver.text
    return json.dumps(driver.answer, ensure_ascii=False)


async def test_vendor_chooses_products_and_a_sale_price_resident_orders_at_it(
    pair,  # noqa: F811
    services,
    demo,
):
    buyer, seller = pair
    await seller.start(await vendor_code(services))
    farm = await the_vendor(services)
    for name, price in (("유기농 쌀", 32000), ("햇사과", 12000), ("김장용 절임배추", 29000)):
        await product(services, farm, name=name, price=price, stock=10)

    for label in ("내 가게", "특별 판매 열기"):
        await seller.tap(label)
    assert "넣을 상품을 눌러 골라 주세요" in seller.text
    await seller.tap("햇사과")
    await seller.tap("유기농 쌀")
    assert "✓ 햇사과" in seller.labels and "✓ 유기농 쌀" in seller.labels
    assert "김장용 절임배추" in seller.labels
    await seller.tap("다 골랐어요")
    await seller.say("김장 특가")
    assert "'햇사과'의 특별 판매 가격" in seller.text
    await seller.say("12000")  # not below the price: asked again, politely
    assert "지금 가격(12,000원)보다 낮게" in seller.text
    await seller.say("9,900")
    assert "'유기농 쌀'의 특별 판매 가격" in seller.text
    await seller.say("29900")
    await seller.tap("7일")
    assert "12,000원 → 9,900원" in seller.text and "32,000원 → 29,900원" in seller.text
    await seller.tap("열기")
    assert "'김장 특가'을(를) 열었어요" in seller.text or "'김장 특가'를 열었어요" in seller.text

    await buyer.start(demo["101-1203"])
    for label in ("알뜰쇼핑", "특별 판매"):
        await buyer.tap(label)
    await buyer.tap(next(x for x in buyer.labels if x.startswith("김장 특가")))
    shown = everything(buyer)
    assert "[김장 특가] 물건 2개예요" in buyer.text
    assert "정가 12,000원 → 특별 판매가 9,900원" in shown
    assert "김장용 절임배추" not in shown
    assert "정가 32,000원 → 특별 판매가 29,900원" in shown
    await buyer.tap("주문하기")  # the first card's (Telegram: the newest message's)
    name = "햇사과" if "햇사과, 몇 개" in buyer.text else "유기농 쌀"
    sale = {"햇사과": 9900, "유기농 쌀": 29900}[name]
    assert f"{name}, 몇 개 드릴까요? ({sale:,}원 / 1봉)" in buyer.text
    await buyer.tap("2개")
    await buyer.tap("관리동 앞 · 평일 오후 6~8시")
    await buyer.tap("만나서 내기")
    assert f"금액: {2 * sale:,}원" in buyer.text
    await buyer.tap("주문하기")
    assert "주문했어요" in buyer.text
    (order,) = await orders(services)
    assert (order["unit_price"], order["quantity"]) == (sale, 2)
