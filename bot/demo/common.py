"""The demo's 공용 포인트 제안: three months of the desk demo's verified households' 알뜰쇼핑
orders (1% to each of them, 2% to the complex, through the ledger's own `award_purchase`, dated
when they were made) fill the complex's common points, and the office proposes "놀이터 그늘막
설치" with the quote's picture through `propose_common_spend`, so the household vote (and its
settle job) exist as in real use. The vote is open at once, and some desk households have
already voted, so 공용 포인트 → 제안과 투표 and the desk's 공용 포인트 page show turnout."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.demo.desk import VERIFY_EVERY, demo_rows
from bot.demo.pictures import quote_png
from bot.handlers.points.render import vote_question
from core.clock import FrozenClock
from core.identity.onboarding import membership_of
from core.points.expiry import KST, SWEEP_JOB
from core.points.model import CommonPolicy
from core.points.proposals import NewProposal, propose_common_spend
from core.points.use_cases import award_purchase
from core.votes.ballots import cast_ballot
from core.votes.lifecycle import open_vote

MONTHS = (75, 45, 15)  # days ago: one order a month per household
PAID = (98_000, 126_000, 154_000, 182_000, 210_000)  # won, in turn
WHAT = ("공동구매", "로컬푸드", "사회적경제", "중소기업")
PURPOSE = "놀이터 그늘막 설치 (견적: 차양막 4×5m, 설치 포함)"
AMOUNT = 220_000
QUOTE = ("놀이터 그늘막 (차양막 4×5m) 1개", "기둥 2개 · 설치 · 1년 무상 수리")


async def _desk_members(uow) -> list:
    """The desk demo's verified residents (bot/demo/desk.py), in its order."""
    members = []
    for row in demo_rows()[::VERIFY_EVERY]:
        account = await uow.accounts.find("web", f"demo-desk-{row.building}-{row.unit}")
        members.append(await membership_of(uow, await uow.residents.get(account.resident_id)))
    return members


async def _skip_past_sweeps(uow, clock, complex_id: int) -> None:
    """The orders dated back armed the expiry sweeps of the days after them; those days are
    long past (nothing could expire then): drop them rather than run them all at the start."""
    now = clock.now()
    for back in range(max(MONTHS) + 3):
        day = now.astimezone(KST).date() - timedelta(days=back)
        if datetime.combine(day, time(0, 5), KST) < now:
            await uow.jobs.cancel(SWEEP_JOB, f"{complex_id}:{day.isoformat()}")


async def seed_common(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code). Runs after the desk
    demo (its households buy and vote)."""
    from bot.demo.defects import _member

    clock = services.clock
    cfg = services.config.points
    policy = CommonPolicy(cfg.common_direct_limit, cfg.common_vote_quorum, cfg.common_vote_days)
    t = services.catalogs.get("ko")
    photo = await services.media.put(
        quote_png("내친구 데모아파트 놀이터", QUOTE, f"{AMOUNT:,}원", "그늘조경"), "image/png"
    )
    async with services.uow() as uow:
        members = await _desk_members(uow)
        for n, member in enumerate(members):
            for m, days in enumerate(MONTHS):
                then = FrozenClock(clock.now() - timedelta(days=days, hours=n))
                await award_purchase(
                    uow,
                    then,
                    order_key=f"demo-month:{member.resident_id}:{m}",
                    resident_id=member.resident_id,
                    complex_id=member.complex_id,
                    paid_won=PAID[(n + m) % len(PAID)],
                    memo=WHAT[(n + 2 * m) % len(WHAT)],
                )
        await _skip_past_sweeps(uow, clock, members[0].complex_id)
        office = await _member(uow, services, *households["관리동-100"])
        new = NewProposal(
            purpose=PURPOSE,
            amount=AMOUNT,
            question=vote_question(t, PURPOSE, AMOUNT),
            yes=t._("찬성"),
            no=t._("반대"),
            photo=photo,
        )
        proposal = await propose_common_spend(uow, clock, office, new, policy)
        await open_vote(uow, clock, proposal.vote_id)  # its job would, at the first tick
        for n, member in enumerate(members[:12]):  # 12 households voted so far: 10 찬성
            await cast_ballot(uow, clock, member, proposal.vote_id, int(n % 6 == 5))
        await uow.commit()
