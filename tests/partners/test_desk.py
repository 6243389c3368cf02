"""제휴상가 혜택 at the desk (/desk/c/<complex>/partners): the demo's offers with their counts,
a coupon redeemed at the desk by its code exactly once (points awarded), 오늘의 추천 assigned;
another complex's page is refused."""

from __future__ import annotations

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code
from core.identity.invites import display_code
from tests.desk.conftest import client, csrf, office, signed_in  # noqa: F401 (fixtures)
from tests.support.defects import verified
from tests.support.partners import claimed_code, coupons, member
from tests.support.points import balances


async def test_the_desk_redeems_a_coupon_once_and_assigns_the_slot(
    client,  # noqa: F811
    services,
    clock,
    office,  # noqa: F811
    engine,
):
    await signed_in(client, services, clock, office, office.complex_id)
    code = display_code(demo_code(services.invite_key, DEMO_HOUSEHOLDS[0]))
    await verified(engine, code, "kim")
    kim = await member(services, "kim")
    async with services.uow() as uow:
        offer_id = (await uow.partners.offers_of_complex(kim.complex_id))[-1].id
    coupon = await claimed_code(services, kim, offer_id)
    page = await client.get("/desk/c/DEMO/partners")
    assert page.status == 200 and "동네 미용실" in await page.text()
    token = await csrf(client, "/desk/c/DEMO/partners")
    form = {"csrf": token, "code": coupon, "amount": "20000"}
    done = await client.post("/desk/c/DEMO/partners/redeem", data=form, allow_redirects=False)
    assert done.status == 303
    again = await client.post("/desk/c/DEMO/partners/redeem", data=form)
    assert again.status == 400 and "이미 사용한 쿠폰이에요" in await again.text()
    assert (await coupons(services))[0]["status"] == "redeemed"
    assert (await balances(services))[f"personal:{kim.resident_id}"] == 180  # 1% of 18,000원
    slot = {"csrf": token, "offer": str(offer_id), "days": "7"}
    assigned = await client.post("/desk/c/DEMO/partners/slot", data=slot, allow_redirects=False)
    assert assigned.status == 303
    assert (await client.get("/desk/c/OTHER/partners")).status in (403, 404)
