"""코디네이터 → 하자 처리, read as conversations: the queue with its filters, a report opened
and moved along the workflow with the household told each time, 보류 with a date, 반려 with a
reason, a stale button refused politely, and nobody else getting into the coordinator view."""

from __future__ import annotations

import pytest

from bot.handlers.defects.actions import ChangeStatus, OpenDefect
from core.defects.model import Status
from tests.support.coordinator_defects import (
    card_button,
    coordinator,
    ensure_resident_kinds,
    file,
    member_of,
    outbox_kinds,
    verified,
)


@pytest.fixture
async def people(engine, services, demo):
    ensure_resident_kinds(services)
    kim = await verified(engine, demo, "101-1203", "kim")
    lee = await verified(engine, demo, "102-304", "lee")
    return kim, lee


async def open_queue(engine, demo):
    coord = await coordinator(engine, demo)
    assert {"고장 처리", "월간 고장 통계"} <= set(coord.labels)
    await coord.tap("고장 처리")
    return coord


async def test_the_queue_lists_urgent_first_with_the_building_only(engine, services, demo, people):
    await file(services, "lee", category="other", description="현관문 손잡이가 헐거워요")
    services.clock.advance(hours=30)
    await file(services, "kim", urgent=True)
    coord = await open_queue(engine, demo)
    titles = [card.title for card in coord.screen.cards]
    assert titles == ["D-2026-000002 · 누수", "D-2026-000001 · 기타"]
    assert "처리할 신고: 2건" in coord.text
    assert "101동 · 세대 안" in coord.text and "102동 · 세대 안" in coord.text
    assert "1203" not in coord.text and "304" not in coord.text  # no unit in lists
    lines = [card.lines for card in coord.screen.cards]
    assert "급함" in lines[0][1] and "늦음" not in lines[0][1]
    assert "늦음" in lines[1][1]  # 30 hours without 확인


async def test_filters_by_status_kind_and_building(engine, services, demo, people):
    await file(services, "kim")
    await file(services, "lee", category="elevator", where="common", place="102동 승강기")
    coord = await open_queue(engine, demo)
    await coord.tap("종류 고르기")
    await coord.tap("승강기")
    assert [c.title for c in coord.screen.cards] == ["D-2026-000002 · 승강기"]
    assert "조건 없애기" in coord.labels
    await coord.tap("조건 없애기")
    await coord.tap("동 고르기")
    assert {"101동", "102동", "동 번호 적기"} <= set(coord.labels)
    await coord.tap("101동")
    assert [c.title for c in coord.screen.cards] == ["D-2026-000001 · 누수"]
    await coord.tap("동 고르기")
    await coord.tap("동 번호 적기")
    await coord.say("103동")
    assert "101동: 없어요" not in coord.text and "103동: 없어요" in coord.text
    await coord.tap("조건 없애기")
    await coord.tap("상태 고르기")
    await coord.tap("완료")
    assert "완료: 없어요" in coord.text


async def test_paging_with_more(engine, services, demo, people):
    for n in range(7):
        await file(services, "kim", description=f"신고 {n}")
        services.clock.advance(minutes=1)
    coord = await open_queue(engine, demo)
    assert len(coord.screen.cards) == 5 and "1–5번째" in coord.text
    await coord.tap("더보기")
    assert [c.title[:13] for c in coord.screen.cards] == ["D-2026-000006", "D-2026-000007"]
    assert "더보기" not in coord.labels


async def test_a_report_moves_along_the_workflow_and_the_household_hears_each_step(
    engine, services, demo, people
):
    kim, _ = people
    report_id = await file(services, "kim", urgent=True)
    coord = await open_queue(engine, demo)
    await coord.tap_token(card_button(coord, "D-2026-000001").token)
    assert "101동 1203호 세대 안" in coord.text  # the unit, only inside the opened report
    assert coord.labels[:4] == ["확인", "보류", "반려", "댓글 쓰기"]
    stale_reject = coord.button("반려").token
    for step, label, word in ((1, "확인", "확인"), (2, "처리중", "처리중"), (3, "완료", "완료")):
        await coord.tap(label)
        assert f"'{word}' 단계로 바꾸고 세대에 알렸어요" in coord.text
        assert f"상태: {word}" in coord.text
        keys = await outbox_kinds(services, (await member_of(services, "kim")).resident_id)
        assert len([k for k in keys if k.startswith(f"defect:{report_id}:event:")]) == step
    assert "확인" not in coord.labels and coord.labels[0] == "댓글 쓰기"  # 완료: nothing more
    await kim.say("처음으로")
    assert "새 알림 3건" in kim.text
    await coord.tap_token(stale_reject)  # a button from before: 완료 cannot be 반려
    assert "지금 '완료' 단계라서 '반려' 단계로 바꿀 수 없어요" in coord.text
    assert "done" not in coord.text and "rejected" not in coord.text


async def test_hold_asks_a_date_and_reject_asks_a_reason(engine, services, demo, people):
    kim, _ = people
    await file(services, "kim")
    await file(services, "kim", category="other", description="놀이터 그네 소리")
    coord = await open_queue(engine, demo)
    await coord.tap_token(card_button(coord, "D-2026-000001").token)
    await coord.tap("보류")
    assert "언제까지 보류할까요" in coord.text and coord.labels[0].startswith("내일")
    await coord.say("11월 31일")
    assert "12/3 이나 2026-12-03 처럼" in coord.text
    await coord.say("2026-11-20")  # already past
    assert "오늘 이후의 날짜" in coord.text
    await coord.say("12/3")
    assert "12월 3일까지 보류하고 세대에 알렸어요" in coord.text and "상태: 보류" in coord.text
    await coord.tap("이전")
    await coord.tap_token(card_button(coord, "D-2026-000002").token)
    await coord.tap("반려")
    await coord.say("가" * 501)
    assert "500자까지 쓸 수 있어요" in coord.text
    await coord.say("세대 안 물건이라 관리 대상이 아니에요")
    assert "반려하고 세대에 사유를 알렸어요" in coord.text
    assert "사유: 세대 안 물건이라" in coord.text
    await coord.tap("댓글 쓰기")
    await coord.say("필요하시면 수리 업체를 안내해 드릴게요")
    assert "댓글: 필요하시면" in coord.text
    await kim.say("처음으로")
    assert "새 알림 3건" in kim.text


async def test_nobody_else_gets_into_the_coordinator_view(engine, services, demo, people):
    kim, _ = people
    report_id = await file(services, "kim")
    coord = await open_queue(engine, demo)
    copied = card_button(coord, "D-2026-000001").token
    await kim.tap_token(copied)  # a coordinator's token is bound to the coordinator
    assert "이 버튼은 더 이상 사용할 수 없어요" in kim.text and "1203호 세대 안" not in kim.text
    for action in (OpenDefect(report_id), ChangeStatus(report_id, Status.ACKNOWLEDGED)):
        await kim.tap_token(await _token_for(services, "kim", action))  # forged server-side
        assert "이 기능은 사용할 수 없어요" in kim.text
    await coord.tap_token(await _token_for(services, "coord", OpenDefect(9999)))
    assert "찾을 수 없어요" in coord.text
    async with services.uow() as uow:
        assert (await uow.defects.get(report_id)).status == Status.RECEIVED


async def test_another_complexs_report_looks_missing(engine, services, demo, people):
    from core.identity.admin import add_complex, issue_invite

    async with services.uow() as uow:
        await add_complex(uow, "OTHER", "다른아파트")
        issued = await issue_invite(
            uow, services.clock, services.invite_key, complex_code="OTHER", building="9", unit="1"
        )
        await uow.commit()
    await verified(engine, {"x": issued.display}, "x", "park")
    report_id = await file(services, "park")
    coord = await open_queue(engine, demo)
    assert coord.screen.cards == ()
    await coord.tap_token(await _token_for(services, "coord", OpenDefect(report_id)))
    assert "찾을 수 없어요" in coord.text
    action = ChangeStatus(report_id, Status.ACKNOWLEDGED)
    await coord.tap_token(await _token_for(services, "coord", action))
    assert "찾을 수 없어요" in coord.text
    async with services.uow() as uow:
        assert (await uow.defects.get(report_id)).status == Status.RECEIVED


async def _token_for(services, user: str, action) -> str:
    """A token row as if the engine had shown `user` this button (for forged-id tests)."""
    from bot.engine.present import Tokenizer
    from bot.screens import Button

    member = await member_of(services, user)
    now = services.clock.now()
    tokenizer = Tokenizer(services.token_key, member.resident_id, now, 1)
    button = tokenizer.button(Button("x", action.dump()))
    async with services.uow() as uow:
        await uow.tokens.add_many(list(tokenizer.rows.values()))
        await uow.commit()
    return button.token
