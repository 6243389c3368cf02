"""Sample 대신 하기 for the demo complex, made through the same use cases as the chat: the
office took a call from 103동 1501호 (박씨네) and filed its boiler report for it, so the
household's messenger shows "관리사무소에서 대신 고장 신고를 했어요" and the audit has a line.
A coordinator trying the demo opens 코디네이터 → 대신 하기 and does the same for any 동/호."""

from __future__ import annotations

from core.defects.filing import NewReport, file_report
from core.identity.model import Proxy
from core.identity.onboarding import get_or_register_account, membership_of, redeem_invite
from core.identity.proxy import How, acting_for, start_acting


async def seed_proxy(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    async with services.uow() as uow:
        account = await get_or_register_account(uow, clock, "web", "demo-proxy-office")
        resident = await uow.residents.get(account.resident_id)
        household, code = households["관리동-100"]
        await redeem_invite(uow, clock, services.invite_key, resident, code)
        office = await membership_of(uow, resident)
        target = await start_acting(uow, clock, office, "103", "1501", How.PHONE)
        member = await acting_for(uow, office, Proxy(0, target.household_id, How.PHONE))
        new = NewReport("heating", "home", "보일러에서 딸깍 소리만 나고 온수가 안 나와요")
        await file_report(uow, clock, member, new)
        await uow.commit()
