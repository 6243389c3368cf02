"""계좌이체 on every channel (web chat, KakaoTalk, Telegram), both sides in the running app: the
vendor sets the 입금 계좌 in chat (내 가게 → 입금 계좌), the buyer orders with 통장 입금 and
sees where to pay (in full, in their own chat, also in 내 주문), the vendor taps 입금 확인 and
the buyer is told."""

from __future__ import annotations

import asyncio
import json
import logging

from tests.shop.test_refund_journey import pair, the_vendor  # noqa: F401  (the `pair` fixture)
from tests.support.drivers import TelegramDriver
from tests.support.shop import orders, product, vendor_code


async def tap_paged(driver, label: str) -> None:
    """Tap `label`, paging with 더보기 when the menu is longer than the channel shows."""
    while label not in driver.labels and "더보기" in driver.labels:
        await driver.tap("더보기")
    await driver.tap(label)


def shown(driver) -> str:
    """Everything the last reply shows, card lines included (the drivers' `text` has titles)."""
    if isinstance(driver, TelegramDriver):
        return driver.text
    return json.dumps(driver.answer, ensure_ascii=False)


async def pushed(driver, needle: str) -> str:
    """What the outbox sender pushed to a Telegram chat (waiting up to 5 s); "" elsewhere."""
    if not isinstance(driver, TelegramDriver):
        return ""
    texts = ""
    for _ in range(50):
        texts = "\n".join(m.get("text") or "" for m in driver.srv.messages(driver.chat_id))
        if needle in texts:
            break
        await asyncio.sleep(0.1)
    return texts


async def test_vendor_sets_account_buyer_pays_vendor_confirms(pair, services, demo, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)  # everything any library would say
    buyer, seller = pair
    await seller.start(await vendor_code(services))
    farm = await the_vendor(services)
    await product(services, farm, name="햇사과", price=12000, stock=10)

    await seller.say("처음으로")
    await seller.tap("내 가게")
    await tap_paged(seller, "입금 계좌")
    assert "어느 은행" in seller.text
    await seller.tap("농협")
    await seller.say("123-45-678901")
    await seller.say("홍길동")
    assert "농협 123-45-678901" in seller.text
    await seller.tap("저장하기")
    assert "입금 계좌를 저장했어요: 농협 123-45-****** (예금주 홍길동)" in seller.text

    await buyer.start(demo["101-1203"])
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드", "주문하기", "1개"):
        await buyer.tap(label)
    await buyer.tap("관리동 앞 · 평일 오후 6~8시")
    await buyer.tap("통장 입금")
    if "몇 점" in buyer.text:
        await buyer.tap("안 써요")
    await buyer.tap("주문하기")
    assert "입금하실 곳: 농협 123-45-678901 (예금주 홍길동)" in buyer.text
    assert "입금할 금액: 12,000원" in buyer.text
    await buyer.tap("내 주문")
    assert "입금하실 곳: 농협 123-45-678901 (예금주 홍길동) · 12,000원" in shown(buyer)

    await seller.say("처음으로")
    await seller.tap("내 가게")
    await seller.tap("주문 관리")
    assert "(입금 전)" in shown(seller) and "678901" not in shown(seller)
    await seller.tap("입금 확인")
    assert "S-000001 입금을 확인했어요" in seller.text
    (order,) = await orders(services)
    assert order["paid"]

    await buyer.say("처음으로")  # the buyer is told: waiting notices, or pushed on Telegram
    told = buyer.text + await pushed(buyer, "가게에서 입금을 확인했어요")
    assert "가게에서 입금을 확인했어요" in told
    assert "678901" not in caplog.text  # typed by the vendor, shown to the buyer: never logged
