"""The desk's storage on SQLite and PostgreSQL: sessions, audit lines, households and turnout
by 동, every complex's figures, and the changes residents-and-roles make."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.desk.model import DeskSession
from core.identity.model import Household
from core.votes.ballots import NewVote, cast_ballot, create_vote
from core.votes.lifecycle import open_vote
from tests.desk.conftest import coordinator

pytestmark = pytest.mark.both_dbs


async def test_sessions_and_audit(services, clock, people):
    now = clock.now()
    async with services.uow() as uow:
        s = await uow.desk.add_session(
            DeskSession(
                people.aa.resident_id, "h" * 64, now, now + timedelta(hours=1), people.aa_id
            )
        )
        await uow.desk.add_audit(now, people.aa.resident_id, people.aa_id, "desk.x", "a")
        await uow.desk.add_audit(now, people.bb.resident_id, people.bb_id, "desk.y", "b")
        await uow.desk.add_audit(now, people.bb.resident_id, people.bb_id, "vote.z", "c")
        await uow.commit()
    async with services.uow() as uow:
        found = await uow.desk.session_by_hash("h" * 64)
        assert found.id == s.id and found.complex_id == people.aa_id and found.ended_at is None
        await uow.desk.end_session(s.id, now)
        assert [a.action for a in await uow.desk.audit(people.aa_id, 10)] == ["desk.x"]
        assert [a.action for a in await uow.desk.audit(None, 10)] == ["desk.y", "desk.x"]
        await uow.commit()
    async with services.uow() as uow:
        assert (await uow.desk.session_by_hash("h" * 64)).ended_at is not None


async def test_buildings_turnout_and_figures(services, clock, people):
    now = clock.now()
    async with services.uow() as uow:
        for building, unit in (("101", "102"), ("102", "101"), ("102", "102"), ("관리", "1")):
            await uow.households.add(
                Household(complex_id=people.aa_id, building=building, unit=unit)
            )
        voter = await coordinator(uow, clock, people.aa_id, "102", "103")
        vote = await create_vote(
            uow, clock, people.aa, NewVote("질문", ("예", "아니오"), now, now + timedelta(days=1))
        )
        await open_vote(uow, clock, vote.id)
        await cast_ballot(uow, clock, voter, vote.id, 1)
        await cast_ballot(uow, clock, people.aa, vote.id, 0)
        await uow.commit()
    async with services.uow() as uow:
        counts = [
            (b.building, b.households, b.verified) for b in await uow.desk.buildings(people.aa_id)
        ]
        assert counts == [("101", 2, 1), ("102", 3, 1), ("관리", 1, 0)]
        turnout = [
            (t.building, t.eligible, t.voted)
            for t in await uow.desk.turnout(vote.id, people.aa_id, [])
        ]
        assert turnout == [("101", 2, 1), ("102", 3, 1), ("관리", 1, 0)]
        only = await uow.desk.turnout(vote.id, people.aa_id, ["102"])
        assert [(t.building, t.voted) for t in only] == [("102", 1)]
        figures = {f.code: f for f in await uow.desk.complex_figures()}
        assert (figures["AA"].households, figures["AA"].verified, figures["AA"].open_votes) == (
            6,
            2,
            1,
        )
        assert figures["AA"].coordinators == 2 and figures["BB"].households == 1
        assert await uow.desk.end_vote_now(vote.id, now)
        assert await uow.desk.revoke_roles(voter.resident_id, people.aa_id, now) == 1
        await uow.desk.detach_resident(voter.resident_id)
        resident = await uow.residents.get(voter.resident_id)
        assert (resident.household_id, resident.complex_id) == (None, None)
        await uow.commit()
