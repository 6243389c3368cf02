"""The 게시판 rules on the in-memory fakes: who may post, title/text/link/expiry/event
checks, newest first with expired entries hidden, other complexes never seeing anything,
sign-ups never over capacity and once per resident, cancelling, and the reminder rules."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.boards.model import Board
from core.boards.posting import REMIND_JOB, NewEntry, post_entry
from core.boards.reading import (
    cancel_signup,
    list_entries,
    open_entry,
    send_reminders,
    sign_up,
)
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from tests.fakes.uow import FakeUnitOfWork
from tests.votes.test_rules import person


@pytest.fixture
async def w(clock):
    uow = FakeUnitOfWork()
    people = {
        "kim": await person(uow, clock, 1, "101", "1203"),
        "lee": await person(uow, clock, 1, "102", "304"),
        "park": await person(uow, clock, 1, "103", "1501"),
        "coord": await person(uow, clock, 1, "관리동", "100", coordinator=True),
        "other": await person(uow, clock, 2, "201", "101"),
    }
    return uow, people


def entry(clock, board=Board.CULTURE, *, days=10, seats=None, **kw) -> NewEntry:
    now = clock.now()
    event = {"event_at": now + timedelta(days=5), "capacity": seats} if seats else {}
    return NewEntry(
        board,
        kw.pop("title", "요가 교실"),
        kw.pop("text", "쉬운 요가"),
        now + timedelta(days=days),
        **event,
        **kw,
    )


async def test_only_coordinators_post_and_every_field_is_checked(w, clock):
    uow, p = w
    coord = p["coord"]
    with pytest.raises(Forbidden):
        await post_entry(uow, clock, p["kim"], entry(clock))
    bad = [
        (entry(clock, title="가" * 51), "board.title_too_long"),
        (entry(clock, text="가" * 1001), "board.too_long"),
        (entry(clock, title="  "), "board.empty"),
        (entry(clock, "news"), "board.bad_board"),
        (entry(clock, link="javascript:alert(1)"), "board.bad_link"),
        (entry(clock, link="ftp://x.org"), "board.bad_link"),
        (entry(clock, days=0), "board.bad_expiry"),
        (entry(clock, days=181), "board.bad_expiry"),
        (entry(clock, Board.JOBS, seats=3), "board.bad_event"),
        (entry(clock, seats=501), "board.bad_capacity"),
        (entry(clock, days=3, seats=5), "board.bad_event_time"),  # event after the expiry
    ]
    for new, code in bad:
        with pytest.raises(InvalidInput, match=code):
            await post_entry(uow, clock, coord, new)
    assert uow.boards.rows == {} and uow.jobs.jobs == {}
    ok = await post_entry(uow, clock, coord, entry(clock, link=" https://example.org "))
    assert ok.link == "https://example.org" and ok.capacity is None


async def test_browsing_is_newest_first_scoped_and_hides_expired(w, clock):
    uow, p = w
    for i in range(7):
        clock.advance(minutes=1)
        await post_entry(
            uow, clock, p["coord"], entry(clock, days=1 if i == 0 else 9, title=f"글 {i}")
        )
    page = await list_entries(uow, clock, p["kim"], Board.CULTURE)
    assert page.total == 7 and [e.title for e in page.entries] == [
        f"글 {i}" for i in (6, 5, 4, 3, 2)
    ]
    assert [e.title for e in (await list_entries(uow, clock, p["kim"], "culture", 5)).entries] == [
        "글 1",
        "글 0",
    ]
    clock.advance(days=2)
    assert (await list_entries(uow, clock, p["kim"], Board.CULTURE)).total == 6
    first = next(e for e in uow.boards.rows.values() if e.title == "글 0")
    with pytest.raises(NotFound):
        await open_entry(uow, clock, p["kim"], first.id)  # expired
    assert (await open_entry(uow, clock, p["coord"], first.id)).title == "글 0"
    assert (await list_entries(uow, clock, p["other"], Board.CULTURE)).total == 0
    with pytest.raises(NotFound):
        await open_entry(uow, clock, p["other"], first.id + 1)  # another complex's entry
    with pytest.raises(InvalidInput):
        await list_entries(uow, clock, p["kim"], "secret")


async def test_sign_ups_never_exceed_capacity_and_count_once(w, clock):
    uow, p = w
    event = await post_entry(uow, clock, p["coord"], entry(clock, seats=2))
    assert (REMIND_JOB, f"entry:{event.id}") in uow.jobs.jobs
    await sign_up(uow, clock, p["kim"], event.id)
    with pytest.raises(DomainError, match="board.already_signed"):
        await sign_up(uow, clock, p["kim"], event.id)
    await sign_up(uow, clock, p["lee"], event.id)
    with pytest.raises(DomainError, match="board.full"):
        await sign_up(uow, clock, p["park"], event.id)
    assert event.taken == 2 and await uow.boards.signed_up(event.id) == sorted(
        [p["kim"].resident_id, p["lee"].resident_id]
    )
    await cancel_signup(uow, clock, p["kim"], event.id)
    with pytest.raises(DomainError, match="board.not_signed"):
        await cancel_signup(uow, clock, p["kim"], event.id)
    await sign_up(uow, clock, p["park"], event.id)
    assert event.taken == 2
    with pytest.raises(NotFound):
        await sign_up(uow, clock, p["other"], event.id)
    with pytest.raises(NotFound):
        await sign_up(uow, clock, p["kim"], event.id + 99)  # forged
    plain = await post_entry(uow, clock, p["coord"], entry(clock))
    with pytest.raises(DomainError, match="board.no_signups"):
        await sign_up(uow, clock, p["kim"], plain.id)
    clock.advance(days=5)
    with pytest.raises(DomainError, match="board.started"):
        await cancel_signup(uow, clock, p["lee"], event.id)


async def test_reminders_go_once_to_those_signed_up_and_never_after_the_event(w, clock):
    uow, p = w
    event = await post_entry(uow, clock, p["coord"], entry(clock, seats=5))
    job = uow.jobs.jobs[(REMIND_JOB, f"entry:{event.id}")]
    assert job["due_at"] == event.event_at - timedelta(days=1)
    await sign_up(uow, clock, p["kim"], event.id)
    clock.advance(days=4)
    assert await send_reminders(uow, clock, event.id) == 1
    await send_reminders(uow, clock, event.id)
    assert [(r, k) for r, k, *_ in uow.notifier.sent] == [(p["kim"].resident_id, "board.reminder")]
    clock.advance(days=1)
    assert await send_reminders(uow, clock, event.id) == 0
