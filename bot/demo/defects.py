"""Sample 고장 신고 for the demo complex, made through the same use cases residents and
coordinators use: an open common-area report neighbours can support ("지하주차장 B2 조명이
깜빡여요") and a finished repair of 101동 1203호, ready to rate. The sample reporters are
demo accounts of their own, so the people trying the demo start with clean inboxes."""

from __future__ import annotations

from core.defects.filing import AckPolicy, NewReport, file_report
from core.defects.handling import add_comment, change_status
from core.defects.model import Category, Status, Where
from core.identity.onboarding import get_or_register_account, membership_of, redeem_invite


async def _member(uow, services, household, code: str):
    """A sample resident of the household, verified with its demo invite code."""
    account = await get_or_register_account(
        uow, services.clock, "web", f"demo-sample-{household.building}-{household.unit}"
    )
    resident = await uow.residents.get(account.resident_id)
    await redeem_invite(uow, services.clock, services.invite_key, resident, code)
    return await membership_of(uow, resident)


async def seed_demo_defects(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    cfg = services.config.defects
    policy = AckPolicy(cfg.ack_hours, cfg.urgent_ack_hours)
    clock = services.clock
    async with services.uow() as uow:
        park = await _member(uow, services, *households["103-1501"])
        kim = await _member(uow, services, *households["101-1203"])
        office = await _member(uow, services, *households["관리동-100"])
        common = NewReport(
            Category.ELECTRIC, Where.COMMON, "B2 조명이 깜빡여요", place="지하주차장"
        )
        await file_report(uow, clock, park, common, policy)
        leak = NewReport(Category.LEAK, Where.HOME, "주방 싱크대 아래에서 물이 조금씩 새요")
        report = await file_report(uow, clock, kim, leak, policy)
        for status in (Status.ACKNOWLEDGED, Status.IN_PROGRESS):
            await change_status(uow, clock, office, report.id, status)
        await add_comment(uow, clock, office, report.id, "배관 이음새를 새것으로 바꿨어요.")
        await change_status(uow, clock, office, report.id, Status.DONE)
        await uow.commit()
