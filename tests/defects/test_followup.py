"""After 접수, read as conversations: the household sees the history as the coordinator moves
the report along, is told in its inbox, rates the fix, may reopen it within 7 days, and can
never open another household's report."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.defects.actions import OpenReport
from core.defects.model import Status
from tests.support.defects import comment, member, move, reports_of, tiny_image, verified


async def filed(engine, services, demo):
    """Kim (101동 1203호) files a leak with a photo; returns (chat, report, coordinator)."""
    await verified(engine, demo["관리동-100"], "coord")
    chat = await verified(engine, demo["101-1203"], "kim")
    for label in ("우리단지", "고장 신고", "누수"):
        await chat.tap(label)
    await chat.say("욕실 천장에서 물이 떨어져요")
    await chat.tap("우리 집")
    await chat.tap("보통")
    await chat.tap("접수")
    kim = await member(services, "kim")
    (report,) = await reports_of(services, kim.household_id)
    return chat, report, await member(services, "coord")


async def open_mine(chat) -> None:
    await chat.say("처음으로")
    await chat.tap("우리단지")
    await chat.tap("내 신고 내역")
    await chat.tap("자세히 보기")


async def test_history_shows_the_coordinators_status_changes_and_comments(engine, services, demo):
    chat, report, coord = await filed(engine, services, demo)
    await chat.say("처음으로")
    await chat.tap("우리단지")
    await chat.tap("내 신고 내역")
    assert report.number in chat.text and "상태: 접수" in chat.text
    await move(services, coord, report.id, Status.ACKNOWLEDGED, Status.IN_PROGRESS)
    await comment(services, coord, report.id, "내일 오전에 기사님이 방문해요")
    await chat.tap("자세히 보기")
    assert f"[고장 신고 {report.number}]" in chat.text
    assert "상태: 처리중" in chat.text
    assert "11월 25일" in chat.text and "10:00 접수" in chat.text  # 01:00 UTC in Seoul
    assert "확인" in chat.text and "내일 오전에 기사님이 방문해요" in chat.text
    assert "평가하기" not in chat.labels  # not done yet


async def test_the_household_is_notified_in_its_inbox_on_the_next_message(engine, services, demo):
    chat, report, coord = await filed(engine, services, demo)
    await move(services, coord, report.id, Status.ACKNOWLEDGED)
    await chat.say("처음으로")
    assert len(chat.reply.screens) == 2  # one waiting: its own screen before the reply
    assert f"[고장 신고 {report.number}]" in chat.text and "'확인' 상태" in chat.text
    await chat.say("처음으로")
    assert "새 알림" not in chat.text and "고장 신고" not in chat.text  # handed over once


async def test_a_held_or_rejected_report_reads_with_its_date_or_reason(engine, services, demo):
    chat, report, coord = await filed(engine, services, demo)
    until = services.clock.now() + timedelta(days=3)
    await move(services, coord, report.id, Status.ON_HOLD, hold_until=until)
    await chat.say("처음으로")
    assert "'보류 (11월 28일까지)' 상태" in chat.text
    await move(services, coord, report.id, Status.REJECTED, reason="세대 내 가구 문제예요")
    await chat.say("처음으로")
    assert "반려 (이유: 세대 내 가구 문제예요)" in chat.text


async def test_after_done_the_household_rates_the_fix_with_buttons(engine, services, demo):
    chat, report, coord = await filed(engine, services, demo)
    await move(services, coord, report.id, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE)
    await open_mine(chat)
    assert "상태: 완료" in chat.text
    await chat.tap("평가하기")
    assert "수리가 어땠나요" in chat.text
    await chat.tap("5점 아주 좋아요")
    assert "건너뛰기" in chat.labels
    await chat.tap("건너뛰기")
    assert "5점으로 평가를 남겼어요" in chat.text
    (rated,) = await reports_of(services, report.household_id)
    assert rated.rating == 5 and rated.rating_comment == ""
    await chat.tap("신고 보기")
    assert "평가하기" not in chat.labels and "평가 5점" in chat.text


async def test_reopen_within_seven_days_with_a_reason(engine, services, demo, clock):
    chat, report, coord = await filed(engine, services, demo)
    await move(services, coord, report.id, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE)
    clock.advance(days=6)
    await open_mine(chat)
    await chat.tap("다시 신고")
    assert "무엇이 아직 안 고쳐졌는지" in chat.text
    await chat.say("물이 다시 새요")
    assert f"{report.number} 신고를 다시 접수했어요" in chat.text
    (again,) = await reports_of(services, report.household_id)
    assert again.status == Status.RECEIVED and again.reopen_count == 1


async def test_no_reopen_after_seven_days(engine, services, demo, clock):
    chat, report, coord = await filed(engine, services, demo)
    await move(services, coord, report.id, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE)
    clock.advance(days=6, hours=23)
    await open_mine(chat)
    await chat.tap("다시 신고")  # the dialog is open ...
    clock.advance(hours=2)  # ... but the answer comes after the 7 days
    await chat.say("물이 다시 새요")
    assert "7일이 지나서 다시 신고할 수 없어요" in chat.text
    await chat.tap("신고 보기")
    assert "다시 신고" not in chat.labels
    (same,) = await reports_of(services, report.household_id)
    assert same.status == Status.DONE and same.reopen_count == 0


async def test_a_forged_report_id_or_token_finds_nothing(engine, services, demo):
    _, report, _ = await filed(engine, services, demo)
    lee = await verified(engine, demo["102-304"], "lee")
    lee_member = await member(services, "lee")
    # A token that reaches the handler with kim's report id (as if the id were forged).
    async with services.uow() as uow:
        row = {
            "token": "forged-open-report",
            "resident_id": lee_member.resident_id,
            "action": OpenReport(report.id).dump(),
            "single_use": False,
            "expires_at": services.clock.now() + timedelta(days=1),
        }
        await uow.tokens.add_many([row])
        await uow.commit()
    await lee.tap_token("forged-open-report")
    assert "찾을 수 없어요" in lee.text and report.number not in lee.text
    await lee.tap_token("no-such-token")
    assert "이 버튼은 더 이상 사용할 수 없어요" in lee.text


async def test_photos_are_shown_with_the_report(engine, services, demo):
    chat = await verified(engine, demo["101-1203"], "kim")
    for label in ("우리단지", "고장 신고", "기타"):
        await chat.tap(label)
    await chat.photo(tiny_image("PNG"), "image/png")
    await chat.tap("다 보냈어요")
    await chat.say("현관 센서등이 안 켜져요")
    await chat.tap("우리 집")
    await chat.tap("접수")
    await open_mine(chat)
    (card,) = chat.screen.cards
    assert card.title == "사진 1" and "/media/" in card.image_url
    assert "현관 센서등이 안 켜져요" in chat.text
