"""코디네이터 → 공동구매 열기: a coordinator opens a group buy for a product of a shop of the
complex through the vendor's dialog; a complex without products gets a clear answer, and a
resident cannot reach it."""

from __future__ import annotations

from sqlalchemy import select

from storage import tables
from tests.support.defects import verified
from tests.support.shop import member, product, vendor_chat


async def group_buys(services) -> list[dict]:
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.shop_group_buys))
        return [dict(r) for r in rows.mappings()]


async def open_from_the_menu(coord) -> None:
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    while "공동구매 열기" not in coord.labels:  # the menu pages with 더보기
        await coord.tap("더보기")
    await coord.tap("공동구매 열기")


async def test_a_coordinator_opens_a_group_buy_for_a_shop_of_the_complex(engine, services, demo):
    coord = await verified(engine, demo["관리동-100"], "coord")
    await open_from_the_menu(coord)
    assert "상품이 아직 없어요" in coord.text  # nothing to sell yet
    await vendor_chat(engine, services)
    await product(services, await member(services, "farm"), name="햇사과", price=12000)
    await open_from_the_menu(coord)
    await coord.tap("햇사과 (행복농원)")
    await coord.say("0")
    assert "공동구매 가격" in coord.text  # the same question again
    await coord.say("9000")
    await coord.say("20")
    await coord.tap("제한 없음")
    await coord.tap(coord.labels[0])  # 내일
    await coord.tap("18:00")
    await coord.tap(coord.labels[0])  # 마감 다음 날
    await coord.tap("관리동 앞")
    assert "[공동구매 확인] 햇사과 (행복농원)" in coord.text
    await coord.tap("열기")
    assert "공동구매 '햇사과 (행복농원)'을 열었어요" in coord.text
    (item,) = await group_buys(services)
    assert item["price"] == 9000 and item["minimum"] == 20 and item["status"] == "open"
    assert item["opened_by"] == (await member(services, "coord")).resident_id

    kim = await verified(engine, demo["101-1203"], "kim")
    assert "코디네이터" not in kim.labels


async def test_a_coordinator_invites_a_vendor_whose_code_opens_the_shop(engine, services, demo):
    coord = await verified(engine, demo["관리동-100"], "coord")
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    for _ in range(5):  # the menu pages with 더보기
        if "입점 업체 초대" in coord.labels:
            break
        await coord.tap("더보기")
    await coord.tap("입점 업체 초대")
    await coord.say("동네빵집")
    await coord.tap("중소기업")
    assert "'동네빵집' 업체 초대코드예요:" in coord.text
    code = coord.text.split("초대코드예요: ")[1].split("\n")[0]

    baker = await verified(engine, code, "baker")
    assert "내 가게" in baker.labels
    await baker.tap("내 가게")
    assert "[내 가게] 동네빵집 (중소기업)" in baker.text
    complex_id = (await member(services, "coord")).complex_id
    async with services.uow() as uow:
        (shop,) = await uow.shop.shops(complex_id)
        household = await uow.households.get(shop.household_id)
        assert (shop.name, shop.kind, household.building) == ("동네빵집", "sme", "업체")
