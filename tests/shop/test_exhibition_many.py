"""A 기획전 of a shop serving several complexes runs where the vendor chose: in chat, after the
period, "어느 단지에서 열까요?" offers 모든 단지 or one complex. One kept to NEAR shows only to
NEAR's residents; DEMO's residents neither see it nor order from it, even with forged buttons
(another complex's 기획전, a product not in it, another shop's product ticked); nothing
changes."""

from __future__ import annotations

from bot.demo.seed import DEMO_NAME
from bot.demo.vendors import NEAR_NAME
from bot.handlers.shop.actions import StartOrder, ToggleExhibitProduct
from core.shop.catalog import exhibitions_on
from tests.proxy.test_refusals import forged_tap
from tests.support.shop import member, orders, product, vendor_chat
from tests.support.vendors import ask, decide, world


async def shown_to(services, user: str) -> dict[str, int]:
    """{title: id} of the 기획전 on now that `user` sees."""
    who = await member(services, user)  # (its own unit of work: not nested)
    async with services.uow() as uow:
        return {e.title: e.id for e in await exhibitions_on(uow, services.clock, who)}


async def open_in_chat(farm, title: str, where: str) -> None:
    await farm.say("처음으로")
    for label in ("내 가게", "특별 판매 열기", "햇사과", "다 골랐어요"):
        await farm.tap(label)
    await farm.say(title)
    await farm.tap("할인 없음")
    await farm.tap("3일")
    assert "어느 단지에서 열까요?" in farm.text
    assert farm.labels[:3] == ["모든 단지", DEMO_NAME, NEAR_NAME]
    await farm.tap(where)
    assert f"단지: {where}" in farm.text
    await farm.tap("열기")
    assert "열었어요" in farm.text


async def test_a_near_only_exhibition_shows_in_near_alone(engine, services, demo):
    w = await world(engine, services, demo)
    await decide(services, await member(services, "near-coord"), await ask(services, w.shop_id))
    farm, kim, choi = w.chats["farm"], w.chats["kim"], w.chats["choi"]
    await open_in_chat(farm, "이웃 특가", NEAR_NAME)
    assert list(await shown_to(services, "choi")) == ["이웃 특가"]
    assert await shown_to(services, "kim") == {}
    for chat in (kim, choi):
        await chat.say("처음으로")
        await chat.tap("알뜰쇼핑")
        await chat.tap("특별 판매")
    assert "지금 열린 특별 판매가 없어요" in kim.text
    await choi.tap(next(x for x in choi.labels if x.startswith("이웃 특가")))
    assert "햇사과" in choi.text and "특별 판매가" not in choi.text  # 할인 없음

    await open_in_chat(farm, "모두 특가", "모든 단지")
    assert list(await shown_to(services, "kim")) == ["모두 특가"]
    assert sorted(await shown_to(services, "choi")) == ["모두 특가", "이웃 특가"]


async def test_forged_buttons_are_refused_politely_and_change_nothing(engine, services, demo):
    w = await world(engine, services, demo)
    await decide(services, await member(services, "near-coord"), await ask(services, w.shop_id))
    farm, kim = w.chats["farm"], w.chats["kim"]
    rice = await product(services, w.farm, name="유기농 쌀", price=32000)
    await open_in_chat(farm, "이웃 특가", NEAR_NAME)
    near_only = (await shown_to(services, "choi"))["이웃 특가"]
    await kim.say("처음으로")
    await forged_tap(engine, kim, "kim", StartOrder(w.product_id, near_only))  # NEAR's
    assert "특별 판매가 끝났거나 이 상품이 들어 있지 않아요" in kim.text
    choi = w.chats["choi"]
    await forged_tap(engine, choi, "choi", StartOrder(rice, near_only))  # not in it
    assert "특별 판매가 끝났거나 이 상품이 들어 있지 않아요" in choi.text
    assert await orders(services) == []

    await vendor_chat(engine, services, "bakery", shop="마을빵집", kind="social", unit="2")
    bread = await product(services, await member(services, "bakery"), name="식빵", price=4500)
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("특별 판매 열기")
    await forged_tap(engine, farm, "farm", ToggleExhibitProduct(bread))  # another shop's
    assert "찾을 수 없어요" in farm.text
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("특별 판매 열기")
    await farm.tap("다 골랐어요")  # nothing ticked
    assert "하나 이상 골라 주세요" in farm.text
    assert len(await shown_to(services, "choi")) == 1
