"""Sample points for the demo complex, made through the ledger's own use cases: neighbours'
completed 로컬푸드 and 사회적경제 orders (1% to them, 2% to the complex), a rent payment with
points, and a coordinator spending common points on 놀이방 장난감, so that 공용 포인트 보기
shows a real history. The sample people are demo accounts of their own."""

from __future__ import annotations

from core.identity.onboarding import get_or_register_account, membership_of, redeem_invite
from core.points.use_cases import award_purchase, pay_rent, rent_months, spend_common

ORDERS = (  # (household, paid in money, what)
    ("103-1501", 48_000, "로컬푸드"),
    ("102-304", 126_500, "사회적경제"),
    ("103-1501", 32_000, "로컬푸드"),
    ("102-304", 89_000, "중소기업"),
)


async def _member(uow, services, household, code: str):
    account = await get_or_register_account(
        uow, services.clock, "web", f"demo-points-{household.building}-{household.unit}"
    )
    resident = await uow.residents.get(account.resident_id)
    await redeem_invite(uow, services.clock, services.invite_key, resident, code)
    return await membership_of(uow, resident)


async def seed_points(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    async with services.uow() as uow:
        people = {
            key: await _member(uow, services, *households[key]) for key in ("103-1501", "102-304")
        }
        office = await _member(uow, services, *households["관리동-100"])
        for n, (key, paid, memo) in enumerate(ORDERS, 1):
            who = people[key]
            await award_purchase(
                uow,
                clock,
                order_key=f"demo-order:{n}",
                resident_id=who.resident_id,
                complex_id=who.complex_id,
                paid_won=paid,
                memo=memo,
            )
        await pay_rent(uow, clock, people["102-304"], rent_months(clock)[0], 1_000)
        await spend_common(uow, clock, office, 3_000, "놀이방 장난감")
        await uow.commit()
