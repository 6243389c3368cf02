"""Sample 도움 요청 for the demo complex, made through the same use cases: one waiting for a
coordinator (102동: "분리수거는 무슨 요일이에요?") and one the office's sample coordinator
"김하나" took and answered (103동). The sample people are demo accounts of their own."""

from __future__ import annotations

from datetime import timedelta

from bot.demo.defects import _member
from core.helpdesk import asking, handling
from core.helpdesk.model import NewMessage
from core.ids import saved


async def seed_help(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    remind = timedelta(minutes=services.config.help.remind_minutes)
    async with services.uow() as uow:
        lee = await _member(uow, services, *households["102-304"])
        park = await _member(uow, services, *households["103-1501"])
        office = await _member(uow, services, *households["관리동-100"])
        await handling.set_name(uow, office, "김하나")
        await asking.ask(
            uow,
            clock,
            lee,
            NewMessage("분리수거는 무슨 요일이에요? 이사 와서 잘 몰라요."),
            remind_after=remind,
        )
        taken = await asking.ask(
            uow,
            clock,
            park,
            NewMessage("현관 도어락 건전지가 다 됐다고 소리가 나요. 어떻게 바꾸나요?"),
            remind_after=remind,
        )
        await handling.take(uow, clock, office, saved(taken.id))
        await handling.answer(
            uow,
            clock,
            office,
            saved(taken.id),
            "도어락 아래 덮개를 밀면 AA 건전지 4개가 있어요. 어려우시면 오후에 찾아갈게요.",
        )
        await uow.commit()
