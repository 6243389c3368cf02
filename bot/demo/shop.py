"""Sample 알뜰쇼핑 for the demo complex, made through the same use cases vendors use: two shops
(로컬푸드 행복농원, 사회적경제 마을빵집) with products, two 기획전 (겨울 김장 기획전 with sale
prices on two of its three chosen products) and an open 공동구매 of
김장용 절임배추, so the people trying the demo can browse, order and join at once. Both shops
have a (made-up) 입금 계좌, so a 통장 입금 order shows where to pay. The sample vendors are
demo accounts of their own."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.identity.admin import issue_invite
from core.identity.invites import new_code
from core.identity.onboarding import get_or_register_account, membership_of, redeem_invite
from core.ids import saved
from core.shop.exhibitions import open_exhibition
from core.shop.groupbuys import GroupBuyPolicy, NewGroupBuy, open_group_buy
from core.shop.payments import BankAccount, set_account
from core.shop.vendors import NewProduct, add_product

# Made-up accounts: where the demo's 통장 입금 orders say to pay.
ACCOUNTS = {
    "행복농원": BankAccount("농협", "123-45-678901", "행복농원"),
    "마을빵집": BankAccount("신한", "110-234-567890", "마을빵집"),
}
SHOPS = (
    (
        "행복농원",
        "local_food",
        "1",
        (
            ("햇사과", 12000, "1봉", 30, "경북 청송에서 어제 딴 사과예요."),
            ("유기농 쌀", 32000, "10kg", 15, "올해 햅쌀이에요."),
            ("김장용 절임배추", 29000, "20kg", 200, "깨끗이 절여서 보내 드려요."),
        ),
    ),
    (
        "마을빵집",
        "social",
        "2",
        (("우리밀 식빵", 4500, "1개", 20, "지역 자활기업이 아침마다 구워요."),),
    ),
)


async def _vendor(uow, services, name: str, kind: str, unit: str):
    code = new_code()
    await issue_invite(
        uow,
        services.clock,
        services.invite_key,
        complex_code="DEMO",
        building="업체",
        unit=unit,
        role="vendor",
        uses=5,
        days=365,
        code=code,
        shop=name,
        shop_kind=kind,
    )
    account = await get_or_register_account(uow, services.clock, "web", f"demo-vendor-{unit}")
    resident = await uow.residents.get(account.resident_id)
    await redeem_invite(uow, services.clock, services.invite_key, resident, code)
    return await membership_of(uow, resident)


async def seed_shop(services, households: dict | None = None) -> None:
    """`households` is accepted like the other demo seeds (the shop needs none of them)."""
    clock = services.clock
    tz = ZoneInfo(services.config.i18n.timezone)
    async with services.uow() as uow:
        for name, kind, unit, products in SHOPS:
            vendor = await _vendor(uow, services, name, kind, unit)
            await set_account(uow, clock, vendor, ACCOUNTS[name])
            added = [await add_product(uow, clock, vendor, NewProduct(*p)) for p in products]
            if kind == "local_food":
                now = clock.now()
                await open_exhibition(
                    uow,
                    clock,
                    vendor,
                    title="제철 과일·햅쌀전",
                    starts_at=now,
                    ends_at=now + timedelta(days=14),
                    product_ids=[added[0].id, added[1].id],
                )
                await open_exhibition(  # chosen products, two of them at a sale price
                    uow,
                    clock,
                    vendor,
                    title="겨울 김장 기획전",
                    starts_at=now,
                    ends_at=now + timedelta(days=14),
                    product_ids=[saved(added[2].id), saved(added[1].id), saved(added[0].id)],
                    sale_prices={saved(added[2].id): 26900, saved(added[1].id): 29900},
                )
                day = now.astimezone(tz).date() + timedelta(days=3)
                cfg = services.config.shop
                await open_group_buy(
                    uow,
                    clock,
                    vendor,
                    NewGroupBuy(
                        product_id=added[2].id,
                        price=25000,
                        minimum=30,
                        maximum=100,
                        deadline=datetime.combine(day, time(18), tzinfo=tz),
                        pickup_at=datetime.combine(day + timedelta(days=2), time(10), tzinfo=tz),
                        pickup_place="관리동 앞",
                        title="김장 절임배추 공동구매",
                    ),
                    GroupBuyPolicy(cfg.eve_hours, cfg.closing_soon_hours, cfg.pickup_hours),
                )
        await uow.commit()
