"""게시판 end to end in the engine: the coordinator posts on 교육문화 with sign-ups; residents
browse (newest first, expired hidden, 더보기), sign up once (a redelivered or repeated tap
counts once), cancel, meet a full event; the coordinator sees counts without units; the
day-before reminder goes out through the job runner and is dropped after the event."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from core.boards.model import Board
from core.boards.posting import NewEntry, post_entry
from core.boards.reading import sign_up
from core.errors import DomainError, NotFound
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified


@pytest.fixture
async def people(engine, demo):
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    lee = await verified(engine, demo, "102-304", "lee")
    park = await verified(engine, demo, "103-1501", "park")
    return coord, kim, lee, park


async def reach(chat, label: str) -> None:
    """Tap `label`, paging the menu with 더보기 until it shows."""
    for _ in range(5):
        if label in chat.labels:
            break
        await chat.tap("더보기")
    await chat.tap(label)


async def post_event(coord, seats: str = "2") -> None:
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await reach(coord, "게시판 글 쓰기")
    await coord.tap("교육문화")
    await coord.say("주민 요가 교실")
    await coord.say("커뮤니티센터 2층에서 쉬운 요가를 배워요.")
    await coord.say("https://example.org/yoga")
    await coord.tap("사진 없음")
    await coord.tap("2주일")
    await coord.tap("신청 받기")
    await coord.say("12월 1일 14:00")
    await coord.say(seats)
    assert "[확인] 이렇게 올릴까요?" in coord.text
    assert "모집 2명" in coord.text or seats != "2"
    await coord.tap("올리기")
    assert "게시판에 올렸어요." in coord.text


async def open_culture(chat) -> None:
    await chat.say("처음으로")
    await chat.tap("우리단지")
    await reach(chat, "교육문화")
    await chat.tap("자세히 보기")


async def test_post_browse_sign_up_cancel_and_full(services, people):
    coord, kim, lee, park = people
    await post_event(coord)
    await open_culture(kim)
    assert "[교육문화] 주민 요가 교실" in kim.text and "신청 0 / 2명" in kim.text
    assert kim.button("링크 열기").url == "https://example.org/yoga"
    token = kim.button("신청하기").token
    await kim.tap_token(token)
    assert "신청했어요" in kim.text and "신청 1 / 2명" in kim.text
    await kim.tap_token(token)  # the same 신청하기 again (a redelivery): counts once
    await open_culture(park)  # park still sees a free seat
    await open_culture(lee)
    await lee.tap("신청하기")
    assert "신청 2 / 2명" in lee.text
    await park.tap("신청하기")  # the last seat went meanwhile
    assert "자리가 모두 찼어요. 신청되지 않았어요." in park.text
    await open_culture(park)
    assert "신청하기" not in park.labels and "자리가 모두 찼어요." in park.text

    await kim.tap("신청 취소")
    assert "신청을 취소했어요." in kim.text and "신청 1 / 2명" in kim.text
    await open_culture(park)
    await park.tap("신청하기")
    assert "신청했어요" in park.text and "신청 2 / 2명" in park.text

    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await reach(coord, "게시판 글 목록")
    assert "신청 2 / 2명" in coord.text
    assert "1203" not in coord.text and "1501" not in coord.text


async def test_browse_is_newest_first_paged_and_hides_expired(services, clock, people):
    coord, kim, *_ = people
    office = await member_of(services, "coord")
    now = clock.now()
    async with services.uow() as uow:
        for i in range(6):
            clock.advance(minutes=1)
            await post_entry(
                uow,
                clock,
                office,
                NewEntry(Board.JOBS, f"일자리 {i}", "내용", now + timedelta(days=3 if i else 1)),
            )
        await uow.commit()
    await kim.say("처음으로")
    await kim.tap("우리단지")
    await reach(kim, "일자리")
    assert "모두 6건" in kim.text
    assert [c.title for c in kim.screen.cards] == [f"일자리 {i}" for i in (5, 4, 3, 2, 1)]
    await kim.tap("더보기")
    assert [c.title for c in kim.screen.cards] == ["일자리 0"]
    clock.advance(days=2)  # 일자리 0 has expired
    await kim.tap("이전")
    await reach(kim, "일자리")
    assert "모두 5건" in kim.text and "더보기" not in kim.labels
    await kim.say("처음으로")
    await kim.tap("우리단지")
    await reach(kim, "생활편의")
    assert "아직 올라온 글이 없어요" in kim.text


async def test_the_reminder_goes_the_day_before_and_is_dropped_after(
    services, clock, people, caplog
):
    coord, kim, lee, _ = people
    await post_event(coord, "10")
    await open_culture(kim)
    await kim.tap("신청하기")
    await open_culture(lee)
    await lee.tap("신청하기")
    await lee.tap("신청 취소")
    await run_jobs(services)
    assert not any("알림" in t for t in texts(await outbox_of(services, "kim")))
    clock.set(clock.now().replace(month=11, day=30, hour=5, minute=1))  # 14:01 KST the day before
    await run_jobs(services)
    await run_jobs(services)
    reminders = [t for t in texts(await outbox_of(services, "kim")) if "교육문화 알림" in t]
    assert len(reminders) == 1 and "주민 요가 교실" in reminders[0]
    assert not [t for t in texts(await outbox_of(services, "lee")) if "교육문화 알림" in t]


async def test_a_late_reminder_after_the_event_is_dropped(services, clock, people, caplog):
    coord, kim, *_ = people
    await post_event(coord, "10")
    await open_culture(kim)
    await kim.tap("신청하기")
    clock.set(clock.now().replace(month=12, day=2))  # the scheduler was down past the event
    with caplog.at_level(logging.INFO, logger="naechingu.boards"):
        await run_jobs(services)
    assert "reminder after the event, dropped" in caplog.text
    assert not [t for t in texts(await outbox_of(services, "kim")) if "교육문화 알림" in t]


async def test_bad_input_gets_a_clear_answer_and_changes_nothing(services, clock, people):
    coord, kim, *_ = people
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await reach(coord, "게시판 글 쓰기")
    await coord.tap("생활편의")
    await coord.say("가" * 51)
    assert "50자까지 적을 수 있어요. 지금 51자예요." in coord.text
    await coord.say("승강기 점검")
    await coord.say("나" * 1001)
    assert "1,000자까지" in coord.text or "1000자까지" in coord.text
    await coord.say("내일 오전 승강기 점검이 있어요.")
    await coord.say("javascript:alert(1)")
    assert "http:// 나 https://" in coord.text
    await coord.tap("링크 없음")
    await coord.tap("사진 없음")
    await coord.say("1월 32일")
    assert "'12월 31일'처럼" in coord.text
    await coord.tap("1주일")
    assert "행사 신청을 받을까요?" not in coord.text  # only 교육문화 takes sign-ups
    await coord.tap("취소")
    assert "올리지 않았어요" in coord.text

    kim_member = await member_of(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(DomainError, match="forbidden"):
            await post_entry(
                uow,
                clock,
                kim_member,
                NewEntry(Board.LIVING, "t", "x", clock.now() + timedelta(days=1)),
            )
        with pytest.raises(NotFound):
            await sign_up(uow, clock, kim_member, 999)  # a forged id
        assert await uow.boards.for_complex(kim_member.complex_id, offset=0, limit=5) == ([], 0)
