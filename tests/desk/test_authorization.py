"""A coordinator of complex AA gets 403 for complex BB's pages, and for BB's ids in AA's URLs
and forms — and nothing changes; an operator opens both; only operators open /desk/ops."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from core.defects.filing import NewReport, file_report
from core.errors import Forbidden
from core.identity.desk_login import issue_desk_code, membership_of
from core.identity.model import Household, Resident
from core.surveys.answering import NewSurvey, create_survey
from core.surveys.model import Question
from core.votes.ballots import NewVote, create_vote
from tests.desk.conftest import csrf, signed_in

PAGES = ["", "households", "notices", "votes", "defects", "defects/report", "shop"]


async def _bb_vote_and_report(services, clock, people) -> tuple[int, int, int]:
    async with services.uow() as uow:
        now = clock.now()
        vote = await create_vote(
            uow,
            clock,
            people.bb,
            NewVote("BB 투표", ("예", "아니오"), now, now + timedelta(days=2)),
        )
        report = await file_report(uow, clock, people.bb, NewReport("leak", "home", "BB의 누수"))
        survey = await create_survey(
            uow,
            clock,
            people.bb,
            NewSurvey("BB 설문", (Question("scale", "몇 점?"),), now + timedelta(days=2)),
        )
        await uow.commit()
    return vote.id, report.id, survey.id


def _db(config):
    return sqlite3.connect(config.database.url.split("///", 1)[1])


@pytest.mark.parametrize("page", PAGES)
async def test_another_complexs_pages_are_403(client, services, clock, people, page):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    assert (await client.get(f"/desk/c/AA/{page}")).status == 200
    response = await client.get(f"/desk/c/BB/{page}")
    assert response.status == 403 and "달빛마을" not in await response.text()
    assert (await client.get(f"/desk/c/ZZ/{page}")).status == 403  # unknown looks the same


async def test_another_complexs_ids_in_urls_and_forms_are_403_and_change_nothing(
    client, services, clock, people, config
):
    vote_id, report_id, survey_id = await _bb_vote_and_report(services, clock, people)
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/")
    for path in (
        f"/desk/c/AA/votes/{vote_id}",
        f"/desk/c/AA/votes/{vote_id}/turnout.json",
        f"/desk/c/AA/defects/{report_id}",
        "/desk/c/BB/broadcasts.json",
    ):
        assert (await client.get(path)).status == 403, path
    posts = {
        f"/desk/c/AA/votes/{vote_id}/close": {},
        f"/desk/c/AA/votes/{vote_id}/paper": {
            "building": "201",
            "unit": "101",
            "option": "0",
            "reason": "paper",
        },
        f"/desk/c/AA/defects/{report_id}": {"do": "status", "status": "done"},
        f"/desk/c/BB/defects/{report_id}": {"do": "status", "status": "done"},
        f"/desk/c/AA/residents/{people.bb.resident_id}/appoint": {},
        f"/desk/c/AA/residents/{people.bb.resident_id}/remove": {},
        "/desk/ops/complex": {"code": "CC", "name": "새 단지"},
    }
    for path, data in posts.items():
        response = await client.post(path, data={"csrf": token, **data}, allow_redirects=False)
        assert response.status == 403, path
    with _db(config) as conn:
        assert conn.execute("select status from votes").fetchall() == [("scheduled",)]
        assert conn.execute("select status from defect_reports").fetchall() == [("received",)]
        assert conn.execute("select count(*) from vote_ballots").fetchone() == (0,)
        assert conn.execute(
            "select household_id from residents where id = ?", (people.bb.resident_id,)
        ).fetchone()[0]
        assert conn.execute(
            "select count(*) from role_grants where revoked_at is not null"
        ).fetchone() == (0,)
        assert conn.execute("select count(*) from complexes").fetchone() == (2,)


async def test_another_complexs_household_is_not_found_in_ones_own(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    token = await csrf(client, "/desk/c/AA/households")
    response = await client.post(
        "/desk/c/AA/households/code", data={"csrf": token, "building": "201", "unit": "101"}
    )
    assert response.status == 400 and "그런 세대가 없어요" in await response.text()


async def test_a_revoked_coordinator_loses_the_desk_at_once(
    client, services, clock, people, config
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    with _db(config) as conn:
        conn.execute(
            "update role_grants set revoked_at = granted_at where resident_id = ?",
            (people.aa.resident_id,),
        )
    assert (await client.get("/desk/c/AA/")).status == 403


async def test_the_operator_opens_every_complex_and_coordinators_not_the_operator_page(
    client, services, clock, people
):
    await signed_in(client, services, clock, people.aa, people.aa_id)
    assert (await client.get("/desk/ops")).status == 403
    client.session.cookie_jar.clear()
    await signed_in(client, services, clock, people.operator, None)
    for code in ("AA", "BB"):
        for page in PAGES:
            assert (await client.get(f"/desk/c/{code}/{page}")).status == 200, (code, page)


async def test_a_resident_cannot_get_a_desk_code(services, clock, people):
    async with services.uow() as uow:
        home = await uow.households.add(
            Household(complex_id=people.aa_id, building="102", unit="1")
        )
        resident = await uow.residents.add(
            Resident(created_at=clock.now(), household_id=home.id, complex_id=people.aa_id)
        )
        member = await membership_of(uow, resident)
        with pytest.raises(Forbidden):
            await issue_desk_code(uow, clock, services.invite_key, member, people.aa_id)
