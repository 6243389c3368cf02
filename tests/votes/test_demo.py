"""The demo's vote counts against the homes of its household registry: 관리동 (the office)
and 업체동 (the vendors' units) are there and left out, and the vote says so."""

from __future__ import annotations

from sqlalchemy import select

from bot.demo.seed import seed_demo
from storage import tables
from tests.support.complex_life import run_jobs


async def test_the_demo_vote_leaves_out_the_office_and_the_vendors(engine, services):
    assert await seed_demo(services)
    await run_jobs(services)
    async with services.uow() as uow:
        (vote,), _ = await uow.votes.for_complex(1, ["open"], offset=0, limit=5)
        rows = await uow.session.execute(
            select(tables.households.c.building, tables.households.c.kind)
        )
        kinds = dict(rows.all())
        eligible, needed, quorum = vote.eligible, vote.quorum_needed, vote.quorum or 0
    assert kinds["관리"] == "office" and kinds["업체"] == "vendor"
    # 101-1203, 102-304, 103-1501, the 5 homes of the registry nobody registered yet and the
    # desk demo's 80 households of 101–104동 (3 of them the same homes)
    assert eligible == 85 and needed == -(-quorum * 85 // 100)
