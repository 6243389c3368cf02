"""The figures only the desk shows: households by 동, a vote's turnout by 동, every complex.

Rules:
- households by 동 and turnout are for the complex's coordinators (and operators, through
  `desk_member`); turnout is counts per 동 only, for secret and open votes alike: the desk
  never shows who chose what;
- the month's 고장 신고 for the CSV report: the complex's handlers only, with the 동 of each
  (never the 호: a report leaves the office as counts and 동);
- the list of every complex is for operators only.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from core.defects.handling import may_handle
from core.defects.model import DefectReport
from core.desk.access import require_operator
from core.desk.model import BuildingCount, BuildingTurnout, ComplexFigures
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved
from core.votes.ballots import visible_vote

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def households_by_building(uow: UnitOfWork, member: Membership) -> list[BuildingCount]:
    require_coordinator(member)
    return await uow.desk.buildings(saved(member.complex_id))


async def turnout_by_building(
    uow: UnitOfWork, member: Membership, vote_id: int
) -> list[BuildingTurnout]:
    require_coordinator(member)
    vote = await visible_vote(uow, member, vote_id)  # not_found outside the complex
    return await uow.desk.turnout(saved(vote.id), vote.complex_id, vote.buildings)


async def every_complex(uow: UnitOfWork, member: Membership) -> list[ComplexFigures]:
    require_operator(member)
    return await uow.desk.complex_figures()


async def monthly_reports(
    uow: UnitOfWork, member: Membership, start: datetime, end: datetime
) -> list[tuple[DefectReport, str]]:
    """Reports of the complex filed in [start, end), oldest first, each with its 동."""
    complex_id = may_handle(member)
    reports = await uow.defects.created_between(complex_id, start, end)
    buildings = await uow.defects.buildings(sorted({r.household_id for r in reports}))
    ordered = sorted(reports, key=lambda r: (r.created_at, r.id or 0))
    return [(r, buildings.get(r.household_id, "")) for r in ordered]
