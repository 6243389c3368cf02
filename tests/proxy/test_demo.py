"""The demo shows 대신 하기: 박씨네 (103동 1501호) was told the office filed its boiler report,
and a coordinator of the demo finds 대신 하기 in the 코디네이터 menu."""

from __future__ import annotations

from sqlalchemy import select

from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from core.identity.invites import display_code
from storage import tables
from tests.support.defects import verified


async def test_the_demo_has_a_proxy_report_and_a_coordinator_can_start(engine, services):
    assert await seed_demo(services)
    async with services.uow() as uow:
        (row,) = (
            await uow.session.execute(
                select(tables.proxy_actions.c.task).where(tables.proxy_actions.c.task == "defect")
            )
        ).all()
        outbox = tables.outbox.c
        payloads = list(await uow.session.scalars(select(outbox.payload)))
    assert any("관리사무소에서 대신 고장 신고를 했어요" in p[0]["text"] for p in payloads)
    office = next(h for h in DEMO_HOUSEHOLDS if h.role == "coordinator")
    code = display_code(demo_code(services.invite_key, office))
    coord = await verified(engine, code, "office")
    await coord.tap("코디네이터")
    while "대신 하기" not in coord.labels:
        await coord.tap("더보기")
    await coord.tap("대신 하기")
    await coord.say("103")
    await coord.say("1501")
    await coord.tap("방문")
    await coord.tap("아니요, 포인트는 안 써요")
    assert "103동 ****호 대신 하는 중" in coord.text and "임대료로 내기" in coord.labels
