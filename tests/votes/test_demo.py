"""The demo's votes (the playground mat and the 그늘막 proposal) count against the homes of
its household registry: 관리동 (the office) and 업체동 (the vendors' units) are there and
left out, and the vote says so."""

from __future__ import annotations

from sqlalchemy import select

from bot.demo.seed import seed_demo
from storage import tables
from tests.support.complex_life import run_jobs


async def test_the_demo_vote_leaves_out_the_office_and_the_vendors(engine, services):
    assert await seed_demo(services)
    await run_jobs(services)
    async with services.uow() as uow:
        votes, _ = await uow.votes.for_complex(1, ["open"], offset=0, limit=5)
        rows = await uow.session.execute(
            select(tables.households.c.building, tables.households.c.kind)
        )
        kinds = dict(rows.all())
        counted = [(v.question, v.eligible, v.quorum_needed, v.quorum or 0) for v in votes]
    assert kinds["관리"] == "office" and kinds["업체"] == "vendor"
    # 101-1203, 102-304, 103-1501, the 5 homes of the registry nobody registered yet and the
    # desk demo's 80 households of 101–104동 (3 of them the same homes)
    questions = sorted(q for q, *_ in counted)
    assert questions[0].startswith("[공용 포인트] '놀이터 그늘막")
    assert questions[1].startswith("놀이터 바닥을")
    for _, eligible, needed, quorum in counted:
        assert eligible == 85 and needed == -(-quorum * 85 // 100)
