"""Sample 우리단지 data for the demo complex, made through the coordinators' use cases: a
pinned notice about water maintenance (sent by the scheduler at its first tick) and an open
household vote on the playground, so the demo shows 공지사항 and 주민투표 at once.

The complex's household registry holds a few more homes than registered residents (as an
imported 세대 list does), besides the office (관리동) and the vendors' units (업체동): the
vote counts against the 8 homes and states that 관리동 and 업체동 are left out."""

from __future__ import annotations

from datetime import timedelta

from bot.demo.defects import _member
from core.identity.households import ImportRow, import_households
from core.notices.broadcast import NewNotice, create_notice, send_chunk
from core.votes.ballots import NewVote, create_vote

# homes of the registry nobody registered yet (the demo's 4 invited households come first)
REGISTRY = (("101", "1201"), ("101", "1202"), ("102", "301"), ("102", "302"), ("103", "1502"))


async def seed_complex_life(services, households: dict) -> None:
    """`households`: "building-unit" -> (DemoHousehold, invite code)."""
    clock = services.clock
    # The work is the day after tomorrow, whatever day the demo starts, with its true weekday.
    # (the notice is written in Korean, as an office writes it: its date too)
    day = services.catalogs.get("ko").weekday_day(clock.now() + timedelta(days=2))
    async with services.uow() as uow:
        rows = [ImportRow(i + 1, b, u) for i, (b, u) in enumerate(REGISTRY)]
        await import_households(uow, None, "DEMO", rows)
        office = await _member(uow, services, *households["관리동-100"])
        notice = await create_notice(
            uow,
            clock,
            office,
            NewNotice(
                f"{day} 오전 10시부터 12시까지 물탱크 청소로 물이 나오지 않아요. "
                "미리 물을 받아 두세요."
            ),
        )
        await send_chunk(uow, clock, notice.id, 0)  # at once; the armed job then finds it sent
        notice.pinned = True
        now = clock.now()
        await create_vote(
            uow,
            clock,
            office,
            NewVote(
                "놀이터 바닥을 고무 매트로 바꾸는 데 공용 포인트를 쓸까요?",
                ("찬성", "반대", "잘 모르겠어요"),
                now,
                now + timedelta(days=7),
                quorum=30,
            ),
        )
        await uow.commit()
