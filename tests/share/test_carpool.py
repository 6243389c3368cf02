"""카풀, read as conversations: post a ride with buttons and typed Korean times, ask for seats,
the driver accepts, both are notified, the reminder fires on the frozen clock, cancellation
frees seats, and bad input (past times, zero seats, long text, paid rides outside the legal
hours) is explained with the same question asked again."""

from __future__ import annotations

from bot.scheduler import JobRunner
from tests.support.jobs import drain
from tests.support.share import (
    listing_row,
    member,
    notice_token,
    outbox_texts,
    post_ride,
    request_rows,
    verified,
)


async def start_ride(chat):
    await chat.say("처음으로")
    for label in (
        "공유마켓",
        "카풀",
        "글 올리기",
        "태워 드려요 (해드려요)",
        "단지 정문",
        "동탄역",
    ):
        await chat.tap(label)
    assert "언제 출발하나요?" in chat.text


async def test_a_driver_posts_a_ride_and_neighbours_see_it_masked(engine, services, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, price="3000")
    row = await listing_row(services)
    assert row["price"] == 3000 and row["seats"] == 3 and row["building"] == "101"
    lee = await verified(engine, demo["102-304"], "lee")
    await lee.tap("공유마켓")
    await lee.tap("카풀")
    assert "[해드려요] 단지 정문 → 동탄역" in lee.text
    assert "101동 이웃" in lee.text and "1203" not in lee.text
    assert "기름값 나누기 3,000원 · 남은 자리 3/3" in lee.text and "감사 0" in lee.text
    assert "11월 26일 (목) 오전 8:00" in lee.text


async def test_request_accept_remind_and_cancel(engine, services, clock, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim, seats="2명")
    lee = await verified(engine, demo["102-304"], "lee")
    await lee.tap("공유마켓")
    await lee.tap("카풀")
    await lee.tap("자세히 보기")
    await lee.tap("같이 타기 신청")
    token = lee.button("2명").token
    first = await lee.tap_token(token)
    again = await lee.tap_token(token)  # a redelivered 신청
    assert again.duplicate and "같이 타기 신청을 보냈어요 (2명)" in lee.text
    assert len(await request_rows(services)) == 1 and first

    await kim.say("처음으로")  # the web inbox hands the notification over
    assert "102동 이웃이 2명 같이 타겠다고 신청했어요" in kim.text
    kim_id = (await member(services, "kim")).resident_id
    await kim.tap_token(await notice_token(services, kim_id, "수락"))
    assert "같이 타기를 수락했어요 (2명)" in kim.text
    assert (await listing_row(services))["seats_taken"] == 2
    lee_id = (await member(services, "lee")).resident_id
    assert any("같이 타기 신청이 수락되었어요" in t for t in await outbox_texts(services, lee_id))

    runner = JobRunner(services, services.jobs)
    clock.advance(hours=21, minutes=29)  # 07:29 KST the next day
    await drain(runner)
    assert not any("30분 뒤" in t for t in await outbox_texts(services, lee_id))
    clock.advance(minutes=1)
    await drain(runner)
    assert sum("30분 뒤" in t for t in await outbox_texts(services, lee_id)) == 1
    assert sum("30분 뒤" in t for t in await outbox_texts(services, kim_id)) == 1

    await lee.say("처음으로")
    await lee.tap("공유마켓")
    await lee.tap("내 글")
    await lee.tap("내가 탈 카풀")
    await lee.tap("신청 취소")
    assert "같이 타기 신청을 취소했어요" in lee.text
    assert (await listing_row(services))["seats_taken"] == 0
    assert any(
        "같이 타기 신청을 취소했어요 (2명)" in t for t in await outbox_texts(services, kim_id)
    )


async def test_past_times_are_refused_and_asked_again(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_ride(kim)
    await kim.say("11/20 8시")
    assert "이미 지난 시간이에요" in kim.text and "언제 출발하나요?" in kim.text
    await kim.say("오늘 오전 9시")  # it is 10:00 now
    assert "이미 지난 시간이에요" in kim.text
    await kim.say("무슨 말인지")
    assert "날짜를 알아듣지 못했어요" in kim.text
    assert "오늘 오후 6시" in kim.labels and "다른 시간" in kim.labels  # one time screen
    await kim.tap("다른 시간")
    await kim.tap("오늘")
    assert "몇 시쯤 출발하나요?" in kim.text  # 14 hours still ahead: the part of the day first
    await kim.tap("오전 9~12시")
    assert "몇 시에 출발하나요?" in kim.text
    assert "오전 9시" not in kim.labels and "오전 10시" in kim.labels
    await kim.tap("이전")
    await kim.say("오전 8시")
    assert "이미 지난 시간이에요" in kim.text and "몇 시쯤 출발하나요?" in kim.text
    assert "아침 5~8시" not in kim.labels  # only parts of the day with hours still ahead
    await kim.tap("오후 5~8시")
    assert kim.labels[:4] == ["오후 5시", "오후 6시", "오후 7시", "오후 8시"]
    await kim.tap("오후 6시")
    assert "몇 분에 출발하나요?" in kim.text
    await kim.tap("오후 6시 30분")
    assert "몇 명 태울 수 있나요?" in kim.text


async def test_zero_or_seven_seats_and_long_places_are_asked_again(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await kim.tap("공유마켓")
    for label in ("카풀", "글 올리기", "태워 드려요 (해드려요)"):
        await kim.tap(label)
    await kim.say("가" * 51)
    assert "50자까지 적을 수 있어요" in kim.text and "어디에서 출발하나요?" in kim.text
    await kim.say("102동 앞")
    await kim.tap("동탄역")
    await kim.say("내일 오후 6시 30분")
    assert "몇 명 태울 수 있나요?" in kim.text
    await kim.say("0")
    assert "인원은 1명부터 6명까지예요" in kim.text and "몇 명 태울 수 있나요?" in kim.text
    await kim.say("7명")
    assert "인원은 1명부터 6명까지예요" in kim.text
    await kim.say("2")
    assert "비용은 어떻게 할까요?" in kim.text and "오전 7~9시" in kim.text


async def test_a_paid_ride_is_not_offered_on_a_weekend_or_outside_commuting_hours(
    engine, services, demo
):
    kim = await verified(engine, demo["101-1203"], "kim")
    await start_ride(kim)
    await kim.say("토요일 오전 8시")  # a weekend
    await kim.tap("1명")
    assert "비용은 어떻게 할까요?" in kim.text and "무료로만 올릴 수 있어요" in kim.text
    assert "기름값 나누기" not in kim.labels  # impossible, so not offered
    await kim.tap("이전")
    await kim.tap("이전")
    await kim.say("내일 오전 11시")  # a weekday, but outside 07–09 / 18–20
    await kim.tap("1명")
    assert "기름값 나누기" not in kim.labels
    await kim.tap("이전")
    await kim.tap("이전")
    await kim.say("내일 오전 8시")
    await kim.tap("1명")
    assert "기름값 나누기" in kim.labels
    await kim.tap("무료")
    await kim.tap("한 번만")
    await kim.tap("건너뛰기")
    assert "비용: 무료" in kim.text
    await kim.tap("올리기")
    assert (await listing_row(services))["price"] == 0


async def test_a_forged_listing_id_reads_not_found(engine, demo):
    kim = await verified(engine, demo["101-1203"], "kim")
    await post_ride(kim)
    lee = await verified(engine, demo["102-304"], "lee")
    await lee.tap("공유마켓")
    await lee.tap("카풀")
    await lee.tap("자세히 보기")
    kim_listing = lee.screen
    assert "같이 타기 신청" in [b.label for b in kim_listing.buttons]
    from bot.handlers.share.actions import OpenListing

    row = {"k": OpenListing.kind, "listing_id": 999}  # a forged id, as if a token held it
    async with engine.s.uow() as uow:
        from bot.engine.present import Tokenizer

        tokenizer = Tokenizer(engine.s.token_key, 2, engine.s.clock.now(), 1)
        from bot.screens import Button

        token = tokenizer.button(Button("x", row)).token
        lee_id = (await uow.accounts.find("web", "lee")).resident_id
        rows = [dict(r, resident_id=lee_id) for r in tokenizer.rows.values()]
        await uow.tokens.add_many(rows)
        await uow.commit()
    await lee.tap_token(token)
    assert "찾을 수 없어요" in lee.text
