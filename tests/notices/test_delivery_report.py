"""The coordinator's delivery report on the in-memory fakes: every outbox row of a
broadcast in one state per channel (전송됨, 받은 알림함 대기, 읽음, 실패/차단, 보내는 중),
counts that add up, and "아직 못 받은 세대" after 6 or 24 hours, per 동, for the
coordinator's own complex only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import ChannelAccount
from core.notices.broadcast import NewNotice, create_notice, send_chunk
from core.notices.model import ChannelDelivery, Delivery, delivery_of
from core.notices.reading import notice_report, read_notice, unreached_households
from tests.fakes.uow import FakeUnitOfWork
from tests.votes.test_rules import person


@pytest.fixture
async def w(clock):
    uow = FakeUnitOfWork()
    people = {
        "kim": await person(uow, clock, 1, "101", "1203"),
        "kim2": await person(uow, clock, 1, "101", "1203"),
        "park": await person(uow, clock, 1, "101", "704"),
        "lee": await person(uow, clock, 1, "102", "304"),
        "coord": await person(uow, clock, 1, "관리동", "100", coordinator=True),
        "other": await person(uow, clock, 2, "201", "101", coordinator=True),
    }
    return uow, people


def queue(uow, clock, notice, member, channel, mode, status):
    row = {
        "batch": notice.batch,
        "complex_id": notice.complex_id,
        "resident_id": member.resident_id,
        "channel": channel,
        "mode": mode,
        "status": status,
        "created_at": clock.now(),
    }
    uow.notices.outbox.append(row)
    counts = uow.outbox.batches.setdefault(notice.batch, {})
    counts[status] = counts.get(status, 0) + 1


async def sent_notice(uow, clock, p):
    notice = await create_notice(uow, clock, p["coord"], NewNotice("내일 단수가 있어요."))
    await send_chunk(uow, clock, notice.id, 0)
    queue(uow, clock, notice, p["kim"], "kakao", "inbox", "pending")  # no Event API
    queue(uow, clock, notice, p["kim2"], "telegram", "push", "sent")
    queue(uow, clock, notice, p["park"], "web", "inbox", "sent")  # handed over
    queue(uow, clock, notice, p["lee"], "web", "inbox", "pending")
    queue(uow, clock, notice, p["lee"], "telegram", "push", "blocked")
    queue(uow, clock, notice, p["coord"], "telegram", "push", "pending")
    return notice


def test_each_row_is_in_exactly_one_state():
    assert delivery_of("push", "sent", False) == Delivery.PUSHED
    assert delivery_of("inbox", "sent", False) == Delivery.PUSHED
    assert delivery_of("inbox", "pending", False) == Delivery.WAITING
    assert delivery_of("inbox", "pending", True) == Delivery.READ
    assert delivery_of("push", "sent", True) == Delivery.READ
    assert delivery_of("push", "read", False) == Delivery.READ  # opened from a Kakao event
    assert delivery_of("push", "blocked", True) == Delivery.FAILED
    assert delivery_of("push", "failed", False) == Delivery.FAILED
    assert delivery_of("push", "sending", False) == Delivery.SENDING
    assert delivery_of("push", "pending", False) == Delivery.SENDING


async def test_the_report_counts_every_channel_in_four_states(w, clock):
    uow, p = w
    notice = await sent_notice(uow, clock, p)
    await read_notice(uow, clock, p["lee"], notice.id)  # from 공지사항, on the web chat

    report = await notice_report(uow, clock, p["coord"], notice.id)
    assert report.channels == (
        ChannelDelivery("kakao", waiting=1),
        ChannelDelivery("telegram", pushed=1, failed=1, sending=1),
        ChannelDelivery("web", pushed=1, read=1),
    )
    total = report.total
    assert (total.pushed, total.waiting, total.read, total.failed, total.sending) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert total.total == 6 == len(uow.notices.outbox)
    assert report.reads == 1


async def test_only_the_complexs_coordinators_see_the_report(w, clock):
    uow, p = w
    notice = await sent_notice(uow, clock, p)
    with pytest.raises(Forbidden):
        await notice_report(uow, clock, p["kim"], notice.id)
    with pytest.raises(NotFound):
        await notice_report(uow, clock, p["other"], notice.id)
    with pytest.raises(Forbidden):
        await unreached_households(uow, clock, p["kim"], notice.id, 6)
    with pytest.raises(NotFound):
        await unreached_households(uow, clock, p["other"], notice.id, 6)


async def test_households_not_reached_after_n_hours_per_building(w, clock):
    uow, p = w
    notice = await sent_notice(uow, clock, p)
    with pytest.raises(InvalidInput, match="notice.bad_hours"):
        await unreached_households(uow, clock, p["coord"], notice.id, 5)

    page = await unreached_households(uow, clock, p["coord"], notice.id, 6)
    assert page.too_early and page.buildings == []

    clock.advance(hours=6)
    page = await unreached_households(uow, clock, p["coord"], notice.id, 6)
    assert not page.too_early
    # 101-1203 reached (kim2's Telegram), 101-704 reached (handed over on the web chat);
    # 102-304 only blocked or waiting; 관리동-100 still being pushed
    assert [(b.building, b.households) for b in page.buildings] == [("102", 1), ("관리동", 1)]
    assert (page.total, page.households) == (2, 2)

    await read_notice(uow, clock, p["lee"], notice.id)  # a read reaches the household
    page = await unreached_households(uow, clock, p["coord"], notice.id, 6)
    assert [b.building for b in page.buildings] == ["관리동"]

    page = await unreached_households(uow, clock, p["coord"], notice.id, 24)
    assert page.too_early


async def test_a_notice_not_sent_yet_has_no_unreached_list(w, clock):
    uow, p = w
    later = clock.now() + timedelta(hours=2)
    notice = await create_notice(uow, clock, p["coord"], NewNotice("청소", send_at=later))
    with pytest.raises(DomainError, match="notice.not_out"):
        await unreached_households(uow, clock, p["coord"], notice.id, 6)
    report = await notice_report(uow, clock, p["coord"], notice.id)
    assert report.progress is None and report.channels == ()


async def test_while_sending_the_accounts_not_queued_yet_count_as_sending(w, clock):
    uow, p = w
    for name in ("kim", "kim2", "park", "lee", "coord"):
        resident = p[name].resident_id
        await uow.accounts.add(ChannelAccount("web", f"w{name}", resident, clock.now()))
    notice = await create_notice(uow, clock, p["coord"], NewNotice("내일 단수가 있어요."))
    await send_chunk(uow, clock, notice.id, 0, chunk=2)  # 2 of 5 residents so far
    queue(uow, clock, notice, p["kim"], "web", "inbox", "pending")
    queue(uow, clock, notice, p["kim2"], "web", "inbox", "sent")

    report = await notice_report(uow, clock, p["coord"], notice.id)
    assert report.progress is not None and not report.progress.finished
    assert report.channels == (ChannelDelivery("web", pushed=1, waiting=1),)
    assert report.unqueued == 3
    assert report.total == ChannelDelivery("", pushed=1, waiting=1, sending=3)
    assert report.total.total == report.progress.total == 5


async def test_unreached_buildings_come_ten_a_page(w, clock):
    uow, p = w
    notice = await create_notice(uow, clock, p["coord"], NewNotice("내일 단수가 있어요."))
    await send_chunk(uow, clock, notice.id, 0)
    for n in range(12):
        member = await person(uow, clock, 1, f"3{n:02d}", "101")
        queue(uow, clock, notice, member, "kakao", "inbox", "pending")
    clock.advance(hours=24, seconds=1)
    first = await unreached_households(uow, clock, p["coord"], notice.id, 24)
    assert (first.total, first.households, len(first.buildings)) == (12, 12, 10)
    rest = await unreached_households(uow, clock, p["coord"], notice.id, 24, offset=10)
    assert [b.building for b in rest.buildings] == ["310", "311"]


async def test_alimtalk_is_a_channel_of_its_own_in_the_report_last(w, clock):
    uow, p = w
    notice = await sent_notice(uow, clock, p)
    queue(uow, clock, notice, p["kim"], "alimtalk", "push", "sent")
    queue(uow, clock, notice, p["park"], "alimtalk", "push", "failed")
    queue(uow, clock, notice, p["lee"], "alimtalk", "push", "blocked")  # invalid number
    queue(uow, clock, notice, p["kim2"], "alimtalk", "push", "pending")
    report = await notice_report(uow, clock, p["coord"], notice.id)
    assert [c.channel for c in report.channels] == ["kakao", "telegram", "web", "alimtalk"]
    assert report.channels[-1] == ChannelDelivery("alimtalk", pushed=1, failed=2, sending=1)
    assert report.total.total == 10 == len(uow.notices.outbox)
