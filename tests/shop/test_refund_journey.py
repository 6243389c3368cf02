"""A refund after spending, on every channel (web chat, KakaoTalk, Telegram), both sides in
the running app: the buyer orders, spends part of the reward, asks for a refund and sees the
settlement; the vendor sees the same settlement in 주문 내역 and refunds; the buyer is told."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from sqlalchemy import select

from bot.app import build_engine
from bot.runtime import Runtime
from core.identity.onboarding import membership_of
from core.points.ledger import check_ledger
from core.points.use_cases import pay_rent, rent_months
from core.shop.orders import move_order
from storage import tables
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver
from tests.support.shop import balance, orders, product, vendor_code


@pytest.fixture(params=["web", "kakao", "telegram"])
async def pair(request, services, demo):
    """Two people (buyer, vendor) on the same channel of the running app."""
    fake = None
    if request.param == "telegram":
        fake = await FakeTelegramServer().start()
        services.config = services.config.replace(
            telegram={"token": fake.token, "api_base": fake.base_url}
        )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    async with aiohttp.ClientSession() as http:
        if request.param == "web":
            yield WebDriver(base, http), WebDriver(base, http)
        elif request.param == "kakao":
            yield KakaoDriver(base, http), KakaoDriver(base, http)
        else:
            yield TelegramDriver(fake), TelegramDriver(fake)
        await runtime.stop()
    if fake is not None:
        await fake.stop()


async def pushed(driver, needle: str = "[환불 S-000001]") -> str:
    """What the outbox sender pushed to a Telegram chat (waiting up to 5 s for `needle`, which
    must be in the notice itself, not in an earlier reply); "" elsewhere."""
    if not isinstance(driver, TelegramDriver):
        return ""
    texts = ""
    for _ in range(50):
        texts = "\n".join(m.get("text") or "" for m in driver.srv.messages(driver.chat_id))
        if needle in texts:
            return texts
        await asyncio.sleep(0.1)
    return texts


async def someone(services, resident_id: int):
    async with services.uow() as uow:
        return await membership_of(uow, await uow.residents.get(resident_id))


async def the_vendor(services):
    async with services.uow() as uow:
        shop = (await uow.session.execute(select(tables.shops.c.household_id))).first()
        (resident_id, *_) = await uow.residents.ids_in_household(shop.household_id)
        return await membership_of(uow, await uow.residents.get(resident_id))


async def test_refund_after_spending_both_sides_see_the_settlement(pair, services, demo):
    buyer, seller = pair
    await seller.start(await vendor_code(services))
    farm = await the_vendor(services)
    await product(services, farm, name="햇사과", price=12000, stock=10)
    await buyer.start(demo["101-1203"])
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드", "주문하기", "1개"):
        await buyer.tap(label)
    await buyer.tap("관리동 앞 · 평일 오후 6~8시")
    await buyer.tap("만나서 내기")
    await buyer.tap("주문하기")
    (order,) = await orders(services)
    for target in ("confirmed", "ready", "picked_up"):
        async with services.uow() as uow:
            await move_order(uow, services.clock, farm, order["id"], target)
            await uow.commit()
    kim = await someone(services, order["resident_id"])
    async with services.uow() as uow:  # kim spends 100 of the 120 points the order earned
        await pay_rent(uow, services.clock, kim, rent_months(services.clock)[0], 100)
        await uow.commit()

    await buyer.say("처음으로")
    for label in ("알뜰쇼핑", "내 주문", "환불 요청"):
        await buyer.tap(label)
    assert "돌려줄 돈: 11,900원 (낸 돈 12,000원)" in buyer.text
    assert "이미 쓴 100점은 돌려줄 돈에서 빼요" in buyer.text
    await buyer.tap("상품에 문제가 있었어요")
    await buyer.tap("환불 요청하기")
    assert "환불을 가게에 요청했어요" in buyer.text

    await seller.say("처음으로")
    for label in ("내 가게", "주문 내역", "환불", "상품에 문제가 있었어요"):
        await seller.tap(label)
    assert "돌려줄 돈: 11,900원 (낸 돈 12,000원)" in seller.text
    assert "이미 쓴 100점은 돌려줄 돈에서 빼요" in seller.text
    await seller.tap("환불하기")
    assert "11,900원을 돌려주세요" in seller.text
    (done,) = await orders(services)
    assert done["status"] == "refunded"
    assert await balance(services, kim.resident_id) == 0
    async with services.uow() as uow:
        assert await check_ledger(uow) == []
    await buyer.say("처음으로")  # the buyer is told: waiting notices, or pushed on Telegram
    assert "[환불 S-000001]" in buyer.text + await pushed(buyer)
