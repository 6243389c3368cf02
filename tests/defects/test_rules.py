"""The defect rules of core/, with the in-memory fakes and a frozen clock: filing limits, the
workflow transition table, who may do what (the authorization matrix), reopening within 7
days, rating once, and the summary's median."""

from __future__ import annotations

from datetime import timedelta
from itertools import product

import pytest

from core.defects.filing import NewReport, file_report, rate_fix, reopen_report, support_report
from core.defects.filing import get_own_or_handled as view
from core.defects.handling import add_comment, change_status, queue
from core.defects.model import TRANSITIONS, DefectReport, Status
from core.defects.summary import monthly_summary, summarize
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Household, Membership, Resident, Role
from tests.fakes.uow import FakeUnitOfWork

LEAK = NewReport("leak", "home", "욕실 천장에서 물이 새요")
COMMON = NewReport("common", "common", "전등이 나갔어요", place="지하주차장")


class World:
    """Two complexes: households A and B in complex 1, C in complex 2; a coordinator each."""

    def __init__(self, uow: FakeUnitOfWork, clock) -> None:
        self.uow, self.clock = uow, clock

    async def person(self, complex_id, unit, coordinator=False) -> Membership:
        household = await self.uow.households.add(Household(complex_id, "101", unit))
        resident = await self.uow.residents.add(
            Resident(self.clock.now(), household_id=household.id, complex_id=complex_id)
        )
        grants = {(Role.COORDINATOR, complex_id)} if coordinator else set()
        if coordinator:
            from core.identity.model import RoleGrant

            await self.uow.roles.add(
                RoleGrant(resident.id, Role.COORDINATOR, complex_id, self.clock.now())
            )
        return Membership(resident.id, complex_id, household.id, frozenset(grants))


@pytest.fixture
async def w(clock):
    world = World(FakeUnitOfWork(), clock)
    world.a = await world.person(1, "1203")
    world.b = await world.person(1, "304")
    world.coord = await world.person(1, "100", coordinator=True)
    world.other_coord = await world.person(2, "100", coordinator=True)
    world.stranger = Membership(99, None, None)
    return world


async def filed(w, new=LEAK, who=None) -> DefectReport:
    return await file_report(w.uow, w.clock, who or w.a, new)


async def test_filing_limits(w):
    with pytest.raises(InvalidInput) as refused:
        await filed(w, NewReport("leak", "home", "가" * 1001))
    assert refused.value.code == "defect.too_long" and refused.value.params == {"limit": 1000}
    assert (await filed(w, NewReport("leak", "home", "가" * 1000))).id
    with pytest.raises(InvalidInput, match="defect.too_many_photos"):
        await filed(w, NewReport("leak", "home", photos=("p1", "p2", "p3", "p4")))
    assert (await filed(w, NewReport("leak", "home", photos=("p1", "p2", "p3")))).photos
    with pytest.raises(InvalidInput, match="defect.not_urgent_kind"):
        await filed(w, NewReport("common", "common", "x", place="놀이터", urgent=True))
    for kind in ("leak", "electric", "heating", "elevator"):
        assert (await filed(w, NewReport(kind, "home", "x", urgent=True))).urgent
    skipped = await filed(w, NewReport("leak", "home", "  "))  # 건너뛰기: the category says it
    assert skipped.id and skipped.description == ""
    with pytest.raises(InvalidInput, match="defect.no_place"):
        await filed(w, NewReport("common", "common", "x"))


async def test_at_most_ten_reports_a_day_per_household(w):
    for _ in range(10):
        await filed(w)
    with pytest.raises(DomainError, match="defect.too_many"):
        await filed(w)
    assert (await filed(w, who=w.b)).id  # another household is not limited by it
    w.clock.advance(days=1, seconds=1)
    assert (await filed(w)).id


@pytest.mark.parametrize(("start", "target"), list(product(Status, Status)))
async def test_the_workflow_transition_table(w, start, target):
    report = await filed(w)
    report.status = start
    allowed = target in TRANSITIONS[start]
    extra = {"reason": "사유", "hold_until": w.clock.now() + timedelta(days=1)}
    if allowed:
        moved = await change_status(w.uow, w.clock, w.coord, report.id, target, **extra)
        assert moved.status == target
    else:
        with pytest.raises(DomainError) as refused:
            await change_status(w.uow, w.clock, w.coord, report.id, target, **extra)
        assert refused.value.code == "defect.bad_transition"
        assert refused.value.params == {"current": start, "target": target}
        assert report.status == start


async def test_hold_needs_a_future_date_and_reject_a_reason(w):
    report = await filed(w)
    with pytest.raises(InvalidInput, match="defect.hold_needs_date"):
        await change_status(w.uow, w.clock, w.coord, report.id, Status.ON_HOLD)
    past = w.clock.now() - timedelta(minutes=1)
    with pytest.raises(InvalidInput, match="defect.hold_needs_date"):
        await change_status(w.uow, w.clock, w.coord, report.id, Status.ON_HOLD, hold_until=past)
    with pytest.raises(InvalidInput, match="defect.reject_needs_reason"):
        await change_status(w.uow, w.clock, w.coord, report.id, Status.REJECTED, reason=" ")
    assert report.status == Status.RECEIVED and w.uow.notifier.sent == []


async def _done(w) -> DefectReport:
    report = await filed(w, COMMON)
    for target in (Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE):
        await change_status(w.uow, w.clock, w.coord, report.id, target)
    return report


# who × what → allowed (True) or the error class it gets
USE_CASES = {
    "view": lambda w, m, r: view(w.uow, m, r.id),
    "support": lambda w, m, r: support_report(w.uow, w.clock, m, r.id),
    "rate": lambda w, m, r: rate_fix(w.uow, w.clock, m, r.id, 5),
    "reopen": lambda w, m, r: reopen_report(w.uow, w.clock, m, r.id, "또 새요"),
    "status": lambda w, m, r: change_status(w.uow, w.clock, m, r.id, Status.REJECTED, reason="x"),
    "comment": lambda w, m, r: add_comment(w.uow, w.clock, m, r.id, "내일 가요"),
    "queue": lambda w, m, r: queue(w.uow, m),
    "summary": lambda w, m, r: monthly_summary(
        w.uow, m, w.clock.now() - timedelta(days=30), w.clock.now() + timedelta(days=1)
    ),
}
MATRIX = {  # view, support, rate, reopen, status, comment, queue, summary
    "a": (True, DomainError, True, True, Forbidden, Forbidden, Forbidden, Forbidden),
    "b": (NotFound, True, NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden),
    "coord": (True, True, NotFound, NotFound, True, True, True, True),
    "other_coord": (NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, True, True),
    "stranger": (
        NotFound,
        Forbidden,
        NotFound,
        NotFound,
        Forbidden,
        Forbidden,
        Forbidden,
        Forbidden,
    ),
}


@pytest.mark.parametrize(("who", "what"), [(who, what) for who in MATRIX for what in USE_CASES])
async def test_the_authorization_matrix(w, who, what):
    """On a common-area report of household A in complex 1: completed for rating and
    reopening, still open otherwise. A's "support" is a rule refusal (its own report)."""
    report = await _done(w)
    expected = MATRIX[who][list(USE_CASES).index(what)]
    call = USE_CASES[what]
    if what not in ("rate", "reopen"):
        report = await filed(w, COMMON)
    if expected is True:
        await call(w, getattr(w, who), report)
    else:
        with pytest.raises(expected) as refused:
            await call(w, getattr(w, who), report)
        if expected is DomainError:
            assert type(refused.value) is DomainError  # a rule, not a scope refusal


async def test_the_queue_is_scoped_to_the_coordinators_complex(w):
    await filed(w)
    await filed(w, who=await w.person(2, "5"))
    assert (await queue(w.uow, w.coord)).total == 1
    assert (await queue(w.uow, w.other_coord)).total == 1


async def test_reopen_only_within_seven_days_and_it_counts(w):
    report = await _done(w)
    w.clock.advance(days=7, seconds=1)
    with pytest.raises(DomainError, match="defect.reopen_too_late"):
        await reopen_report(w.uow, w.clock, w.a, report.id, "또 고장")
    report = await _done(w)
    w.clock.advance(days=6)
    again = await reopen_report(w.uow, w.clock, w.a, report.id, "또 고장")
    assert again.status == Status.RECEIVED and again.reopen_count == 1
    assert any(kind == "defect.reopened" for _, kind, *_ in w.uow.notifier.sent)


async def test_rating_once_from_one_to_five(w):
    report = await _done(w)
    for bad in (0, 6):
        with pytest.raises(InvalidInput, match="defect.bad_rating"):
            await rate_fix(w.uow, w.clock, w.a, report.id, bad)
    assert (await rate_fix(w.uow, w.clock, w.a, report.id, 4, "빨랐어요")).rating == 4
    with pytest.raises(DomainError, match="defect.already_rated"):
        await rate_fix(w.uow, w.clock, w.a, report.id, 5)


def test_summarize_counts_and_median(clock):
    def report(status, hours=None, urgent=False, reopened=0):
        now = clock.now()
        done = now + timedelta(hours=hours) if hours is not None else None
        return DefectReport(
            1, 1, 1, "leak", "home", "x", urgent, now, now,
            status=status, done_at=done, reopen_count=reopened,
        )  # fmt: skip

    reports = [
        report(Status.DONE, 2),
        report(Status.DONE, 10, urgent=True),
        report(Status.DONE, 30, reopened=1),
        report(Status.RECEIVED),
    ]
    s = summarize(reports)
    assert s.total == 4 and s.by_category["leak"] == 4 and s.by_category["other"] == 0
    assert s.by_status == {**{st.value: 0 for st in Status}, "done": 3, "received": 1}
    assert s.median_hours_to_done == 10 and s.urgent == 1 and s.reopened == 1
    assert summarize([]).median_hours_to_done is None
