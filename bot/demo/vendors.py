"""The demo's second complex, NEAR (내친구 이웃아파트), served by the DEMO complex's farm shop
행복농원: one vendor, many complexes. NEAR has a resident and a coordinator of its own; the
farm asked to serve NEAR (with a pickup place there) and the operator approved, and the farm
opened a 공동구매 for NEAR only. Orders placed in NEAR earn NEAR's common points."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.demo.seed import DemoHousehold, demo_code
from core.identity.admin import add_complex, issue_invite
from core.identity.invites import display_code
from core.identity.onboarding import membership_of
from core.ids import saved
from core.shop import serving
from core.shop.groupbuys import GroupBuyPolicy, NewGroupBuy, open_group_buy

NEAR_CODE = "NEAR"
NEAR_NAME = "내친구 이웃아파트"
NEAR_PICKUP = "이웃아파트 201동 앞"
NEAR_HOUSEHOLDS = (
    DemoHousehold("201", "101", "resident", "주민 (최씨네, 이웃아파트)"),
    DemoHousehold("관리동", "200", "coordinator", "코디네이터 (이웃아파트)"),
)


async def add_near(services) -> dict[str, str]:
    """The NEAR complex and its invites: {"201-101": "XXXXX-XXXXX", ...}."""
    async with services.uow() as uow:
        await add_complex(uow, NEAR_CODE, NEAR_NAME)
        for household in NEAR_HOUSEHOLDS:
            await issue_invite(
                uow,
                services.clock,
                services.invite_key,
                complex_code=NEAR_CODE,
                building=household.building,
                unit=household.unit,
                role=household.role,
                uses=20,
                days=365,
                code=demo_code(services.invite_key, household),
            )
        await uow.commit()
    return {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in NEAR_HOUSEHOLDS
    }


async def seed_near(services) -> None:
    """NEAR, served by 행복농원 (asked and approved as the operator would on the command line),
    with a 공동구매 of 햇사과 opened for NEAR."""
    await add_near(services)
    clock = services.clock
    tz = ZoneInfo(services.config.i18n.timezone)
    async with services.uow() as uow:
        home = await uow.complexes.by_code("DEMO")
        farm = await uow.shop.shop_named(home.id, "행복농원")
        asked = await serving.ask_to_serve(
            uow, clock, None, shop_id=farm.id, complex_code=NEAR_CODE, pickup=NEAR_PICKUP
        )
        await serving.decide(uow, clock, None, saved(asked.id), approve=True)
        (vendor_id, *_) = await uow.residents.ids_in_household(farm.household_id)
        vendor = await membership_of(uow, await uow.residents.get(vendor_id))
        products, _ = await uow.shop.products(home.id, shop_id=farm.id, limit=10)
        apple = next(p for p in products if p.name == "햇사과")
        day = clock.now().astimezone(tz).date() + timedelta(days=4)
        cfg = services.config.shop
        await open_group_buy(
            uow,
            clock,
            vendor,
            NewGroupBuy(
                product_id=apple.id,
                price=10000,
                minimum=10,
                maximum=50,
                deadline=datetime.combine(day, time(18), tzinfo=tz),
                pickup_at=datetime.combine(day + timedelta(days=1), time(10), tzinfo=tz),
                pickup_place=NEAR_PICKUP,
                title="이웃아파트 햇사과 공동구매",
                complex_id=asked.complex_id,
            ),
            GroupBuyPolicy(cfg.eve_hours, cfg.closing_soon_hours, cfg.pickup_hours),
        )
        await uow.commit()
