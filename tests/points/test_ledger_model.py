"""A model-based test of the ledger on SQLite (Hypothesis RuleBasedStateMachine): purchases,
refunds, points paid and returned, rent, common spends, replays and tampered replays, each in
its own unit of work, against a plain dict of expected balances. After every step: all entries
sum to zero, every stored balance is the sum of its entries, no personal or common balance is
below zero, and the balances are exactly the model's."""

from __future__ import annotations

import asyncio
import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)
from sqlalchemy import select

from bot.app import build_services
from core.clock import FrozenClock
from core.errors import DomainError
from core.points import use_cases as points
from core.points.ledger import check_ledger
from core.points.model import AccountRef
from storage import tables
from storage.migrate import upgrade
from tests.conftest import make_config
from tests.support.points import make_place

_codes = itertools.count(1)


def test_the_ledger_keeps_its_invariants_through_any_sequence(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/model.db"
    upgrade(url)
    loop = asyncio.new_event_loop()
    clock = FrozenClock()
    services = build_services(make_config(tmp_path, url), clock=clock)

    def run(coro):
        return loop.run_until_complete(coro)

    class Ledger(RuleBasedStateMachine):
        orders = Bundle("orders")  # (order_key, resident index, paid)
        spends = Bundle("spends")  # (order_key, resident index, points)

        def __init__(self) -> None:
            super().__init__()
            self.ids = itertools.count(1)

            async def setup():
                async with services.uow() as uow:
                    made = await make_place(uow, clock, code=f"M{next(_codes)}", people=3)
                    await uow.commit()
                    return made

            self.place = run(setup())
            self.expected: dict[str, int] = {}

        # --- helpers ---
        def key(self, who: int | None) -> str:
            if who is None:
                return AccountRef.common(self.place.complex_id).key
            return f"personal:{self.place.residents[who].resident_id}"

        def add(self, who: int | None, amount: int) -> None:
            self.expected[self.key(who)] = self.expected.get(self.key(who), 0) + amount

        def have(self, who: int | None) -> int:
            return self.expected.get(self.key(who), 0)

        def call(self, fn, *args, **kw):
            async def go():
                async with services.uow() as uow:
                    result = await fn(uow, clock, *args, **kw)
                    await uow.commit()
                    return result

            clock.advance(minutes=1)
            return run(go())

        # --- rules ---
        @rule(target=orders, who=st.integers(0, 2), paid=st.integers(0, 300_000))
        def purchase(self, who, paid):
            order = f"order:{self.place.complex_id}:{next(self.ids)}"
            member = self.place.residents[who]
            award = self.call(
                points.award_purchase,
                order_key=order,
                resident_id=member.resident_id,
                complex_id=self.place.complex_id,
                paid_won=paid,
            )
            personal, common = points.reward_of(paid)
            assert (award.personal, award.common) == (personal, common)
            self.add(who, personal)
            self.add(None, common)
            return (order, who, paid)

        @rule(order=orders)
        def replay(self, order):
            key, who, paid = order
            award = self.call(
                points.award_purchase,
                order_key=key,
                resident_id=self.place.residents[who].resident_id,
                complex_id=self.place.complex_id,
                paid_won=paid,
            )
            assert not award.posted

        @rule(order=orders)
        def tampered_replay(self, order):
            key, who, paid = order
            if sum(points.reward_of(paid)) == 0:
                return
            try:
                self.call(
                    points.award_purchase,
                    order_key=key,
                    resident_id=self.place.residents[who].resident_id,
                    complex_id=self.place.complex_id,
                    paid_won=paid + 100,
                )
            except DomainError as exc:
                assert exc.code == "points.replay_mismatch"
            else:
                raise AssertionError("a tampered replay was accepted")

        @rule(order=consumes(orders))
        def refund(self, order):
            key, who, paid = order
            personal, common = points.reward_of(paid)
            try:
                done = self.call(points.reverse_award, order_key=key)
            except DomainError as exc:
                assert exc.code == "points.insufficient"
                assert self.have(who) < personal or self.have(None) < common
                return
            assert (done.personal, done.common) == (personal, common)
            self.add(who, -personal)
            self.add(None, -common)

        @rule(target=spends, who=st.integers(0, 2), amount=st.integers(1, 4_000))
        def pay_with_points(self, who, amount):
            order = f"order:{self.place.complex_id}:{next(self.ids)}"
            try:
                self.call(
                    points.spend_for_order,
                    order_key=order,
                    resident_id=self.place.residents[who].resident_id,
                    points=amount,
                )
            except DomainError as exc:
                assert exc.code == "points.insufficient" and amount > self.have(who)
                return (order, who, 0)
            assert amount <= self.have(who)
            self.add(who, -amount)
            return (order, who, amount)

        @rule(spend=consumes(spends))
        def cancel(self, spend):
            key, who, amount = spend
            assert self.call(points.return_for_order, order_key=key) == amount
            self.add(who, amount)

        @rule(who=st.integers(0, 2), amount=st.integers(-5, 4_000))
        def rent(self, who, amount):
            try:
                self.call(points.pay_rent, self.place.residents[who], "2026-12", amount)
            except DomainError as exc:
                assert exc.code in ("points.insufficient", "points.bad_amount")
                assert amount < 1 or amount > self.have(who)
                return
            assert 1 <= amount <= self.have(who)
            self.add(who, -amount)

        @rule(amount=st.integers(1, 8_000))
        def spend_common(self, amount):
            try:
                self.call(points.spend_common, self.place.coordinator, amount, "놀이방 장난감")
            except DomainError as exc:
                assert exc.code == "points.insufficient" and amount > self.have(None)
                return
            self.add(None, -amount)

        # --- invariants ---
        @invariant()
        def books_are_exact(self):
            async def read():
                async with services.uow() as uow:
                    problems = await check_ledger(uow)
                    a = tables.points_accounts.c
                    rows = await uow.session.execute(
                        select(a.id, a.kind, a.balance).where(
                            a.complex_id == self.place.complex_id
                        )
                    )
                    return problems, [(k, kind, int(b)) for k, kind, b in rows]

            problems, rows = run(read())
            assert problems == []
            stored = {key: b for key, kind, b in rows if kind != "system"}
            assert all(b >= 0 for b in stored.values())
            for key, value in self.expected.items():
                assert stored.get(key, 0) == value, (key, stored, self.expected)

    try:
        Ledger.TestCase.settings = settings(
            max_examples=40,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        Ledger.TestCase().runTest()
    finally:
        run(services.close())
        loop.close()
