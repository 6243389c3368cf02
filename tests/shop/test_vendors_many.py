"""One vendor, many complexes (issue 19): the DEMO farm shop serves NEAR once NEAR's coordinator
approves. An order placed in NEAR is NEAR's (its common points, its coordinators' views, never
DEMO's); NEAR's residents see nothing of the shop before approval; group buys are per complex;
forged or other complexes' ids are refused and change nothing."""

from __future__ import annotations

import pytest

from core.desk.shop import vendors as desk_vendors
from core.errors import DomainError, NotFound
from core.shop import reading
from core.shop.groupbuys import join_group_buy, open_group_buys
from core.shop.orders import NewOrder, move_order, place_order
from core.shop.serving import asked_here
from tests.support.shop import balance, group_buy, member, orders
from tests.support.vendors import ask, common, decide, status, world

PICKUP = ("관리동 앞",)


async def order(services, who, product_id, quantity=1, pickup="관리동 앞") -> int:
    async with services.uow() as uow:
        new = NewOrder(product_id, quantity, pickup, "on_site")
        placed = await place_order(uow, services.clock, who, new, PICKUP)
        await uow.commit()
        return placed.id


async def picked_up(services, vendor, order_id: int) -> None:
    for target in ("confirmed", "ready", "picked_up"):
        async with services.uow() as uow:
            await move_order(uow, services.clock, vendor, order_id, target)
            await uow.commit()


async def desk_view(services, coordinator) -> dict[str, tuple[int, int, list[int]]]:
    async with services.uow() as uow:
        lines = await desk_vendors(uow, coordinator)
        return {
            line.shop.name: (line.open_orders, line.done_orders, [o.id for o in line.newest])
            for line in lines
        }


async def test_an_unapproved_complex_neither_sees_nor_orders(engine, services, demo):
    w = await world(engine, services, demo)
    choi = w.chats["choi"]
    serving_id = await ask(services, w.shop_id)
    for approve in (None, False):  # asked, then refused
        if approve is False:
            await decide(services, await member(services, "near-coord"), serving_id, False)
        await choi.say("처음으로")
        await choi.tap("알뜰쇼핑")
        await choi.tap("가게별 상품")
        assert "아직 우리 단지에 들어온 가게가 없어요" in choi.text
        with pytest.raises(NotFound):
            await order(services, await member(services, "choi"), w.product_id)
    assert await status(services, serving_id) == "refused" and await orders(services) == []


async def test_an_order_placed_in_near_is_nears_points_and_views(engine, services, demo):
    w = await world(engine, services, demo)
    serving_id = await ask(services, w.shop_id, pickup="201동 앞")
    near_coord = w.chats["near-coord"]
    await near_coord.say("처음으로")
    await near_coord.tap("코디네이터")
    while "입점 신청" not in near_coord.labels:  # the menu pages with 더보기
        await near_coord.tap("더보기")
    await near_coord.tap("입점 신청")
    assert "행복농원 (로컬푸드) — 내친구 데모아파트에서" in near_coord.text
    await near_coord.tap("행복농원 승인")
    assert "'행복농원'이 이제 우리 단지에서도 팔아요" in near_coord.text
    assert await status(services, serving_id) == "approved"

    choi = w.chats["choi"]
    for label in ("처음으로", "알뜰쇼핑", "가게별 상품", "로컬푸드"):
        await (choi.say(label) if label == "처음으로" else choi.tap(label))
    assert "햇사과" in choi.text
    await choi.tap("주문하기")
    await choi.tap("2개")
    assert choi.labels[0] == "201동 앞"  # the shop's pickup place in NEAR comes first
    await choi.tap("201동 앞")
    await choi.tap("만나서 내기")
    await choi.tap("주문하기")
    assert "주문 번호는 S-000001이에요" in choi.text
    kim_order = await order(services, await member(services, "kim"), w.product_id)
    near_order, demo_order = await orders(services)
    choi_m, kim_m = await member(services, "choi"), await member(services, "kim")
    assert near_order["complex_id"] == choi_m.complex_id != kim_m.complex_id
    assert demo_order["id"] == kim_order and demo_order["complex_id"] == kim_m.complex_id
    assert near_order["pickup"] == "201동 앞"

    farm = w.chats["farm"]  # the vendor's 주문 관리 names the complex of NEAR's order only
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("주문 관리")
    assert farm.text.count("단지: ") == 1 and "단지: 내친구 이웃아파트" in farm.text
    await picked_up(services, w.farm, near_order["id"])
    assert await common(services, choi_m.complex_id) == 480  # 2% of 24,000원, NEAR's
    assert await common(services, kim_m.complex_id) == 0  # DEMO earns nothing of it
    assert await balance(services, choi_m.resident_id) == 240

    near_view = await desk_view(services, await member(services, "near-coord"))
    demo_view = await desk_view(services, await member(services, "coord"))
    assert near_view == {"행복농원": (0, 1, [])}  # NEAR's order only, done
    assert demo_view == {"행복농원": (1, 0, [kim_order])}  # DEMO's order only


async def test_group_buys_are_per_complex(engine, services, demo):
    w = await world(engine, services, demo)
    serving_id = await ask(services, w.shop_id)
    near_coord = await member(services, "near-coord")
    with pytest.raises(NotFound):  # not approved yet: the vendor cannot open one for NEAR
        async with services.uow() as uow:
            await reading.vendor_group_buy_choices(uow, w.farm, near_coord.complex_id)
    await decide(services, near_coord, serving_id)
    w.farm = await member(services, "farm")
    async with services.uow() as uow:
        choices = await reading.vendor_group_buy_choices(uow, w.farm, near_coord.complex_id)
    assert choices.complex_code == "NEAR" and choices.pickup_place == "201동 앞"

    # the vendor's menu asks which complex; the dialog then opens NEAR's group buy
    farm = w.chats["farm"]
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("공동구매 열기")
    assert farm.labels[:2] == ["내친구 데모아파트", "내친구 이웃아파트"]
    await farm.tap("내친구 이웃아파트")
    await farm.tap("햇사과")
    await farm.tap(farm.labels[0])  # 상품 가격 그대로
    await farm.say("3")
    await farm.tap("제한 없음")
    await farm.tap(farm.labels[0])  # 내일
    await farm.tap("18:00")
    await farm.tap(farm.labels[0])  # 마감 다음 날
    assert farm.labels[0] == "201동 앞"
    await farm.tap("201동 앞")
    await farm.tap("열기")
    assert "공동구매 '햇사과'를 열었어요" in farm.text

    coordinators_gb = await group_buy(services, near_coord, w.product_id)  # NEAR's coordinator
    kim, choi = await member(services, "kim"), await member(services, "choi")
    async with services.uow() as uow:
        near_items = [(i.id, i.complex_id) for i in await open_group_buys(uow, choi)]
        demo_items = await open_group_buys(uow, kim)
    assert len(near_items) == 2 and demo_items == []
    assert {c for _, c in near_items} == {choi.complex_id}
    assert coordinators_gb in {i for i, _ in near_items}
    with pytest.raises(NotFound):  # DEMO's resident cannot join NEAR's group buy
        async with services.uow() as uow:
            await join_group_buy(uow, services.clock, kim, coordinators_gb, 1)
    async with services.uow() as uow:
        share = await join_group_buy(uow, services.clock, choi, coordinators_gb, 2)
        assert share.complex_id == choi.complex_id
        await uow.commit()
    assert [o["complex_id"] for o in await orders(services)] == [choi.complex_id]


async def test_forged_and_other_complexes_ids_are_refused(engine, services, demo):
    w = await world(engine, services, demo)
    serving_id = await ask(services, w.shop_id)
    coord, kim, choi = [await member(services, u) for u in ("coord", "kim", "choi")]
    for who in (coord, kim, choi, w.farm):  # DEMO's coordinator, residents, the vendor itself
        with pytest.raises(NotFound):
            await decide(services, who, serving_id)
        with pytest.raises(NotFound):
            await decide(services, who, 999_999)
    assert await status(services, serving_id) == "asked"
    async with services.uow() as uow:  # DEMO's coordinator sees no request of NEAR's
        assert await asked_here(uow, coord) == []
    for code, shop_id, error in (
        ("DEMO", w.shop_id, "shop.own_complex"),
        ("NOWHERE", w.shop_id, "shop.no_complex"),
        ("NEAR", 999_999, "not_found"),
    ):
        with pytest.raises(DomainError) as refused:
            await ask(services, shop_id, code=code)
        assert refused.value.code == error
    with pytest.raises(DomainError) as refused:
        await ask(services, w.shop_id, pickup="가" * 41)
    assert refused.value.code == "shop.too_long"
    near_coord = await member(services, "near-coord")
    await decide(services, near_coord, serving_id)
    with pytest.raises(DomainError) as refused:
        await decide(services, near_coord, serving_id)
    assert refused.value.code == "shop.already_decided"
    with pytest.raises(DomainError) as refused:
        await ask(services, w.shop_id)
    assert refused.value.code == "shop.already_serving"
    with pytest.raises(NotFound):  # a vendor's group buy for a complex it does not serve
        async with services.uow() as uow:
            await reading.vendor_group_buy_choices(uow, w.farm, 999_999)


async def test_the_vendor_asks_in_chat_and_a_bad_code_changes_nothing(engine, services, demo):
    w = await world(engine, services, demo)
    farm = w.chats["farm"]
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("다른 단지 판매")
    assert "지금은 우리 단지에서만 팔아요" in farm.text
    await farm.tap("판매 신청")
    await farm.say("NOWHERE")
    await farm.tap("건너뛰기")
    assert "'NOWHERE' 단지를 찾지 못했어요" in farm.text
    async with services.uow() as uow:
        assert await uow.shop.servings(shop_id=w.shop_id) == []
    await farm.say("처음으로")
    await farm.tap("내 가게")
    await farm.tap("다른 단지 판매")
    await farm.tap("판매 신청")
    await farm.say("near")
    await farm.say("201동 앞")
    assert "내친구 이웃아파트에 판매를 신청했어요" in farm.text
    await farm.tap("다른 단지 판매")
    assert "· 내친구 이웃아파트: 승인 기다리는 중 (받는 곳: 201동 앞)" in farm.text


async def test_the_new_order_notice_names_the_complex_only_when_it_is_not_the_shops(
    engine, services, demo
):
    w = await world(engine, services, demo)
    await decide(services, await member(services, "near-coord"), await ask(services, w.shop_id))
    farm = w.chats["farm"]
    await farm.say("처음으로")  # the approval's notice
    await order(services, await member(services, "choi"), w.product_id, pickup="201동 앞")
    await farm.say("처음으로")
    assert "[새 주문 S-000001 · 내친구 이웃아파트]" in farm.text
    assert "햇사과 1개를 주문받았어요" in farm.text
    await order(services, await member(services, "kim"), w.product_id)  # DEMO: the shop's own
    await farm.say("처음으로")
    assert "[새 주문 S-000002]" in farm.text and "이웃아파트" not in farm.text
