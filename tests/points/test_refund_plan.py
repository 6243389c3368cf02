"""Refunds after spending, as properties (Hypothesis): the pure plan (never a negative
balance, cash + absorbed = paid, personal + common + absorbed = reward) and the same plan
posted on SQLite after any spending of the buyer and the complex (entries sum to zero, every
balance is its entries' sum and never below zero, a replay posts nothing)."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_services
from core.clock import FrozenClock
from core.errors import InvalidInput
from core.points import use_cases as points
from core.points.ledger import check_ledger
from core.points.model import AccountRef
from core.points.refunds import credited, plan_refund, settle_refund
from storage.migrate import upgrade
from tests.conftest import make_config
from tests.support.points import make_place

paid_st = st.integers(0, 2_000_000)
balance_st = st.integers(0, 100_000)


@given(paid=paid_st, used=st.integers(0, 50_000), mine=balance_st, common=balance_st)
def test_a_plan_never_overdraws_and_adds_up(paid, used, mine, common):
    personal_reward, common_reward = points.reward_of(paid)
    plan = plan_refund(
        paid=paid,
        points_used=used,
        reward_personal=personal_reward,
        reward_common=common_reward,
        personal_balance=mine,
        common_balance=common,
    )
    assert plan.cash + plan.absorbed == paid and plan.cash >= 0
    assert plan.personal + plan.common + plan.absorbed == personal_reward + common_reward
    assert plan.points_back == used
    assert mine + used - plan.personal >= 0 and common - plan.common >= 0
    assert min(plan.personal, plan.common, plan.absorbed) >= 0
    if mine + used >= personal_reward and common >= common_reward:
        assert plan.absorbed == 0 and plan.cash == paid  # nothing spent: all reversed


@pytest.mark.parametrize(
    "bad",
    [
        {"paid": -1},
        {"points_used": True},
        {"reward_personal": 10, "reward_common": 20, "paid": 29},
        {"personal_balance": -5},
    ],
)
def test_a_plan_refuses_impossible_figures(bad):
    figures = dict(
        paid=1000,
        points_used=0,
        reward_personal=10,
        reward_common=20,
        personal_balance=0,
        common_balance=0,
    )
    with pytest.raises(InvalidInput):
        plan_refund(**(figures | bad))


_codes = itertools.count(1)


def test_a_posted_refund_keeps_the_books_exact_after_any_spending(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/refunds.db"
    upgrade(url)
    loop = asyncio.new_event_loop()
    clock = FrozenClock()
    services = build_services(make_config(tmp_path, url), clock=clock)

    async def scenario(paid, used, spent_mine, spent_common):
        async with services.uow() as uow:
            place = await make_place(uow, clock, code=f"R{next(_codes)}", people=1)
            (buyer,) = place.residents
            key, other = f"order:{place.complex_id}:1", f"order:{place.complex_id}:2"
            await points.award_purchase(
                uow,
                clock,
                order_key=f"order:{place.complex_id}:0",
                resident_id=buyer.resident_id,
                complex_id=place.complex_id,
                paid_won=used * 100,  # earlier points, to pay with
            )
            if used:
                await points.spend_for_order(
                    uow, clock, order_key=key, resident_id=buyer.resident_id, points=used
                )
            award = await points.award_purchase(
                uow,
                clock,
                order_key=key,
                resident_id=buyer.resident_id,
                complex_id=place.complex_id,
                paid_won=paid,
            )
            mine = await points.balance(uow, buyer.resident_id)
            if min(spent_mine, mine):  # the buyer spends some reward elsewhere
                await points.spend_for_order(
                    uow,
                    clock,
                    order_key=other,
                    resident_id=buyer.resident_id,
                    points=min(spent_mine, mine),
                )
            common = await points.common_balance(uow, buyer)
            if min(spent_common, common):
                await points.spend_common(
                    uow, clock, place.coordinator, min(spent_common, common), "놀이방 장난감"
                )
            ref = AccountRef.personal(buyer.resident_id, place.complex_id)
            plan = plan_refund(
                paid=paid,
                points_used=used,
                reward_personal=award.personal,
                reward_common=award.common,
                personal_balance=await points.balance(uow, buyer.resident_id),
                common_balance=await points.common_balance(uow, buyer),
            )
            assert await credited(uow, key) == (award.personal, award.common)
            await points.return_for_order(uow, clock, order_key=key)
            posted = await settle_refund(
                uow, clock, order_key=key, plan=plan, buyer=ref, memo="로컬푸드"
            )
            assert posted == (plan.reward > 0)
            again = await settle_refund(
                uow, clock, order_key=key, plan=plan, buyer=ref, memo="로컬푸드"
            )
            assert again is False  # a redelivered confirm posts nothing more
            assert await check_ledger(uow) == []
            assert await points.balance(uow, buyer.resident_id) >= 0
            assert await points.common_balance(uow, buyer) >= 0
            assert plan.cash + plan.absorbed == paid
            await uow.commit()

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        paid=st.integers(0, 500_000),
        used=st.integers(0, 3_000),
        spent_mine=st.integers(0, 6_000),
        spent_common=st.integers(0, 12_000),
    )
    def check(paid, used, spent_mine, spent_common):
        loop.run_until_complete(scenario(paid, used, spent_mine, spent_common))

    try:
        check()
    finally:
        loop.run_until_complete(services.close())
        loop.close()
