"""공용 포인트 at the desk (/desk/c/<complex>/common, read only): the demo's balance, its 그늘막
proposal with the vote's turnout against the quorum, and the spends; once enough households
voted and the vote closed, the proposal reads 찬성으로 사용함 and its spend links the vote.
Another complex's page is refused."""

from __future__ import annotations

from bot.demo.common import _desk_members
from core.votes.ballots import cast_ballot
from tests.desk.conftest import (  # noqa: F401 (fixtures)
    client,
    office,
    people,
    signed_in,
)
from tests.support.complex_life import run_jobs
from tests.support.points import books_are_exact


async def test_the_desk_shows_the_proposal_its_turnout_and_then_the_spend(
    client,  # noqa: F811
    services,
    clock,
    office,  # noqa: F811
    engine,
):
    await signed_in(client, services, clock, office, office.complex_id)
    today = await (await client.get("/desk/c/DEMO/")).text()
    assert 'href="/desk/c/DEMO/common"' in today  # in the desk's navigation
    page = await client.get("/desk/c/DEMO/common")
    html = await page.text()
    assert page.status == 200
    assert "250,710점" in html and "놀이터 그늘막 설치" in html and "220,000" in html
    assert "12/85세대" in html and "26세대" in html and "14세대 더" in html  # 30% of 85
    assert "놀이방 장난감" in html and "코디네이터 (한도 안)" in html  # the direct spend
    assert "아직 정해진 제안이 없어요" in html

    async with services.uow() as uow:  # 15 more households vote 찬성: the quorum is met
        (proposal,) = await uow.points.proposals(office.complex_id, 5)
        for member in (await _desk_members(uow))[12:]:
            await cast_ballot(uow, clock, member, proposal.vote_id, 0)
        await uow.commit()
    html = await (await client.get("/desk/c/DEMO/common")).text()
    assert "27/85세대" in html and "(채움)" in html
    clock.advance(days=7, seconds=1)
    await run_jobs(services)
    await signed_in(client, services, clock, office, office.complex_id)  # a week later
    html = await (await client.get("/desk/c/DEMO/common")).text()
    assert "투표 중인 제안이 없어요" in html and "찬성으로 사용함" in html
    assert "30,710점" in html  # 250,710 − 220,000, spent once
    assert f'<a href="votes/{proposal.vote_id}">주민투표</a>' in html
    await run_jobs(services)  # a second run spends nothing more
    assert "30,710점" in await (await client.get("/desk/c/DEMO/common")).text()
    await books_are_exact(services)


async def test_another_complexs_common_points_are_refused(
    client,  # noqa: F811
    services,
    clock,
    people,  # noqa: F811
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    assert (await client.get("/desk/c/AA/common")).status == 200
    assert (await client.get("/desk/c/BB/common")).status == 403
    assert (await client.get("/desk/c/NOPE/common")).status == 403
