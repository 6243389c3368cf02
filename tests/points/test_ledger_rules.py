"""The ledger's rules on the in-memory fakes: 1% and 2% rounded down, double entry, replays,
refusals that change nothing, and the scope of every account."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.points.ledger import transfer
from core.points.model import AccountRef, Kind, System
from core.points.use_cases import (
    award_purchase,
    balance,
    common_balance,
    common_history,
    history,
    pay_rent,
    return_for_order,
    reverse_award,
    reward_of,
    spend_common,
    spend_for_order,
)
from tests.fakes.uow import FakeUnitOfWork
from tests.support.points import make_place


@pytest.fixture
async def world(clock):
    uow = FakeUnitOfWork()
    return uow, await make_place(uow, clock)


@given(st.integers(min_value=0, max_value=10**8))
def test_rewards_are_1_and_2_percent_rounded_down(paid):
    personal, common = reward_of(paid)
    assert personal == paid // 100 and common == paid * 2 // 100
    assert personal <= paid / 100 < personal + 1 and common <= paid / 50 < common + 1


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_splitting_an_order_never_earns_more_than_one_order(a, b):
    assert sum(map(sum, (reward_of(a), reward_of(b)))) <= sum(reward_of(a + b))


async def test_a_purchase_credits_buyer_and_complex_and_a_replay_changes_nothing(world, clock):
    uow, place = world
    kim = place.residents[0]
    award = await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=12_345,
        memo="로컬푸드",
    )
    assert (award.personal, award.common, award.posted) == (123, 246, True)
    again = await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=12_345,
    )
    assert not again.posted
    assert await balance(uow, kim) == 123 and await common_balance(uow, kim) == 246
    (line,) = await history(uow, kim.resident_id)
    assert (line.kind, line.memo, line.amount) == (Kind.REWARD, "로컬푸드", 123)
    assert await uow.points.check() == []


async def test_a_tampered_replay_is_refused_and_writes_nothing(world, clock):
    uow, place = world
    kim = place.residents[0]
    args = {"order_key": "order:7", "resident_id": kim.resident_id, "complex_id": place.complex_id}
    await award_purchase(uow, clock, paid_won=10_000, **args)
    with pytest.raises(DomainError) as caught:
        await award_purchase(uow, clock, paid_won=20_000, **args)
    assert caught.value.code == "points.replay_mismatch"
    assert await balance(uow, kim) == 100 and len(uow.points.entries) == 3


async def test_small_amounts_earn_nothing_and_post_nothing(world, clock):
    uow, place = world
    award = await award_purchase(
        uow,
        clock,
        order_key="order:2",
        resident_id=place.residents[0].resident_id,
        complex_id=place.complex_id,
        paid_won=49,
    )
    assert award == award.__class__(0, 0, False) and uow.points.entries == []
    award = await award_purchase(
        uow,
        clock,
        order_key="order:3",
        resident_id=place.residents[0].resident_id,
        complex_id=place.complex_id,
        paid_won=99,
    )
    assert (award.personal, award.common) == (0, 1)  # 2% of 99 is 1.98


async def test_a_refund_reverses_exactly_what_was_credited(world, clock):
    uow, place = world
    kim = place.residents[0]
    await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=9_999,
    )
    reversed_ = await reverse_award(uow, clock, order_key="order:1")
    assert (reversed_.personal, reversed_.common) == (99, 199)
    assert not (await reverse_award(uow, clock, order_key="order:1")).posted
    assert await balance(uow, kim) == 0 and await common_balance(uow, kim) == 0
    assert not (await reverse_award(uow, clock, order_key="order:404")).posted


async def test_points_paid_for_an_order_come_back_on_cancel(world, clock):
    uow, place = world
    kim = place.residents[0]
    await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=50_000,
    )
    assert await spend_for_order(
        uow, clock, order_key="order:2", resident_id=kim.resident_id, points=300
    )
    assert await balance(uow, kim) == 200
    clearing = AccountRef.system(System.SHOP_CLEARING, place.complex_id).key
    assert uow.points.balances[clearing] == 300
    assert await return_for_order(uow, clock, order_key="order:2") == 300
    assert await return_for_order(uow, clock, order_key="order:2") == 0
    assert await balance(uow, kim) == 500


@pytest.mark.parametrize("points", [0, -5, 501, 1.5, True, "10"])
async def test_bad_or_excessive_points_for_an_order_change_nothing(world, clock, points):
    uow, place = world
    kim = place.residents[0]
    await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=50_000,
    )
    before = list(uow.points.entries)
    with pytest.raises(DomainError) as caught:
        await spend_for_order(
            uow, clock, order_key="order:2", resident_id=kim.resident_id, points=points
        )
    assert caught.value.code in ("points.insufficient", "points.bad_amount")
    assert uow.points.entries == before and await balance(uow, kim) == 500


async def test_transfers_must_balance_and_use_distinct_accounts(world, clock):
    uow, place = world
    cid = place.complex_id
    issuer, common = AccountRef.system(System.REWARD_ISSUER, cid), AccountRef.common(cid)
    bad = [
        [(issuer, -10), (common, 9)],
        [(issuer, -10)],
        [(issuer, -10), (issuer, 10)],
        [(issuer, 0), (common, 0)],
        [(issuer, -10), (AccountRef.common(cid + 1), 10)],
    ]
    for legs in bad:
        with pytest.raises(InvalidInput):
            await transfer(uow, clock, "t:1", legs, kind=Kind.REWARD)
    with pytest.raises(InvalidInput):
        await transfer(uow, clock, " ", [(issuer, -1), (common, 1)], kind=Kind.REWARD)
    assert uow.points.entries == []


async def test_another_complexs_resident_earns_nothing_here(world, clock):
    uow, place = world
    other = await make_place(uow, clock, code="OTHER", people=1)
    with pytest.raises(NotFound):
        await award_purchase(
            uow,
            clock,
            order_key="order:1",
            resident_id=other.residents[0].resident_id,
            complex_id=place.complex_id,
            paid_won=10_000,
        )
    assert uow.points.entries == []


async def test_rent_needs_a_valid_month_and_enough_points(world, clock):
    uow, place = world
    kim = place.residents[0]
    await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=100_000,
    )
    for month, amount, code in [
        ("2026-13", 100, "points.bad_month"),
        ("2025-11", 100, "points.bad_month"),
        ("2027-01", 100, "points.bad_month"),
        ("2026-11", 0, "points.bad_amount"),
        ("2026-11", -1, "points.bad_amount"),
        ("2026-11", 1_001, "points.insufficient"),
    ]:
        with pytest.raises(DomainError) as caught:
            await pay_rent(uow, clock, kim, month, amount)
        assert caught.value.code == code
    paid = await pay_rent(uow, clock, kim, "2026-12", 1_000)
    assert (paid.month, paid.amount, paid.household_id) == ("2026-12", 1_000, kim.household_id)
    assert paid.transfer_id == f"rent:{kim.resident_id}:2026-12:1"
    assert await balance(uow, kim) == 0


async def test_common_points_are_seen_by_residents_and_spent_by_a_coordinator(world, clock):
    uow, place = world
    kim, coord = place.residents[0], place.coordinator
    await award_purchase(
        uow,
        clock,
        order_key="order:1",
        resident_id=kim.resident_id,
        complex_id=place.complex_id,
        paid_won=100_000,
    )
    with pytest.raises(Forbidden):
        await spend_common(uow, clock, kim, 100, "놀이방 장난감")
    for amount, purpose in [(0, "놀이방"), (2_001, "놀이방"), (100, "  "), (100, "가" * 101)]:
        with pytest.raises(DomainError):
            await spend_common(uow, clock, coord, amount, purpose)
    # a vote id that names no passed common-points proposal is refused (issue 19)
    with pytest.raises(InvalidInput, match="points.bad_vote"):
        await spend_common(uow, clock, coord, 1_500, "놀이방 장난감", vote_id=3)
    spent = await spend_common(uow, clock, coord, 1_500, "놀이방 장난감")
    assert (spent.amount, spent.vote_id, spent.coordinator_id) == (1_500, None, coord.resident_id)
    assert await common_balance(uow, kim) == 500
    lines = await common_history(uow, kim)
    assert [(line.kind, line.amount) for line in lines] == [
        (Kind.COMMON_SPEND, -1_500),
        (Kind.REWARD, 2_000),
    ]
    assert uow.points.audit == [(coord.resident_id, "놀이방 장난감")]


async def test_unverified_people_see_no_common_points(world, clock):
    from core.identity.model import Membership

    uow, _ = world
    stranger = Membership(resident_id=99, complex_id=None, household_id=None)
    with pytest.raises(Forbidden):
        await common_balance(uow, stranger)
