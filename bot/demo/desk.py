"""Sample data for the coordinator desk: the demo complex's household list (4 동 × 5 floors ×
4 units, imported with the same use case as the desk and the command line), a third of them
verified with their own invite codes, their ballots in the open playground vote (so 투표·설문
shows turnout by 동) and a notice to two 동 going out (오늘 and 공지 show its progress)."""

from __future__ import annotations

from core.identity.admin import issue_invite
from core.identity.households import ImportRow, import_households
from core.identity.onboarding import get_or_register_account, membership_of, redeem_invite
from core.ids import saved
from core.notices.broadcast import NewNotice, create_notice, send_chunk
from core.votes.ballots import cast_ballot, visible_vote
from core.votes.lifecycle import open_vote
from core.votes.model import VoteStatus
from core.votes.reading import managed_votes

BUILDINGS = ("101", "102", "103", "104")
UNITS = [f"{floor}0{n}" for floor in range(1, 6) for n in range(1, 5)]
VERIFY_EVERY = 3  # every third household has a verified resident


def demo_rows() -> list[ImportRow]:
    rows = [(b, u) for b in BUILDINGS for u in UNITS]
    return [ImportRow(i + 2, b, u) for i, (b, u) in enumerate(rows)]  # line 1: the header


async def seed_desk(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    from bot.demo.defects import _member

    clock = services.clock
    rows = demo_rows()
    async with services.uow() as uow:
        office = await _member(uow, services, *households["관리동-100"])
        await import_households(uow, None, "DEMO", rows)
        votes = (await managed_votes(uow, office)).votes
        vote = votes[0] if votes else None
        if vote is not None:  # its job would open it at the first tick: open it now
            await open_vote(uow, clock, saved(vote.id))
            vote = await visible_vote(uow, office, saved(vote.id))
        for i, row in enumerate(rows[::VERIFY_EVERY]):
            issued = await issue_invite(
                uow,
                clock,
                services.invite_key,
                complex_code="DEMO",
                building=row.building,
                unit=row.unit,
            )
            account = await get_or_register_account(
                uow, clock, "web", f"demo-desk-{row.building}-{row.unit}"
            )
            resident = await uow.residents.get(account.resident_id)
            await redeem_invite(uow, clock, services.invite_key, resident, issued.code)
            member = await membership_of(uow, resident)
            if vote is not None and vote.status == VoteStatus.OPEN and i % 2 == 0:
                await cast_ballot(uow, clock, member, saved(vote.id), i % len(vote.options))
        notice = await create_notice(
            uow,
            clock,
            office,
            NewNotice(
                "101동, 102동 승강기 정기 점검이 내일 오후 2시부터 4시까지 있어요.", ("101", "102")
            ),
        )
        await send_chunk(uow, clock, saved(notice.id), 0)
        await uow.commit()
