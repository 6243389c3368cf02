"""The demo complex comes with 도움 요청 to look at: one waiting, one taken and answered by the
sample coordinator "김하나"."""

from __future__ import annotations

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from core.identity.invites import display_code
from tests.helpdesk.helpers import open_queue
from tests.support.defects import verified


async def test_the_demo_has_a_waiting_and_a_taken_help_request(engine, services):
    assert await seed_demo(services)
    codes = {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in DEMO_HOUSEHOLDS
    }
    coord = await verified(engine, codes["관리동-100"], "coord")
    await open_queue(coord)
    assert "대기 중: 1건" in coord.text
    await coord.tap("대기 중 (1)")
    assert coord.screen.cards[0].title == "도움 요청 #1 · 102동 주민"
    await coord.tap("이전")
    await coord.tap("끝난 것")
    assert "지금은 없어요" in coord.text
    await coord.tap("이전")
    await coord.tap("대기 중 (1)")
    await coord.tap("열기")
    assert "분리수거는 무슨 요일이에요" in coord.text
    async with services.uow() as uow:
        taken = await uow.help.get(2)
        messages = await uow.help.messages(2)
    assert taken.status == "taken" and len(messages) == 2
