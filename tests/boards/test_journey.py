"""우리단지 게시판 on every channel: a resident browses 교육문화, opens an event, signs up
with 신청하기 (a second tap counts once), sees the seat taken, and cancels."""

from __future__ import annotations

from datetime import timedelta

from core.boards.model import Board
from core.boards.posting import NewEntry, post_entry
from tests.support.complex_life import member_of, verified


async def reach(person, label: str) -> None:
    for _ in range(5):
        if label in person.labels:
            break
        await person.tap("더보기")
    await person.tap(label)


async def test_browse_culture_and_sign_up(person, services, clock, engine, demo):
    await person.start(demo["101-1203"])
    await verified(engine, demo, "관리동-100", "coord")
    coord = await member_of(services, "coord")
    now = clock.now()
    async with services.uow() as uow:
        await post_entry(
            uow,
            clock,
            coord,
            NewEntry(
                Board.CULTURE,
                "어린이 그림 교실",
                "토요일 오전에 그림을 그려요.",
                now + timedelta(days=9),
                event_at=now + timedelta(days=4),
                capacity=10,
            ),
        )
        await uow.commit()

    await person.say("처음으로")
    await person.tap("우리단지")
    await reach(person, "교육문화")
    assert "어린이 그림 교실" in person.text
    await person.tap("자세히 보기")
    assert "토요일 오전에 그림을 그려요." in person.text and "신청 0 / 10명" in person.text
    await person.tap("신청하기")
    assert "신청했어요" in person.text and "신청 1 / 10명" in person.text
    async with services.uow() as uow:
        assert (await uow.boards.get(1)).taken == 1
    await person.tap("신청 취소")
    assert "신청을 취소했어요." in person.text and "신청 0 / 10명" in person.text
