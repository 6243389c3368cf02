"""The coordinator's screens of defect reports that the handlers and the small dialogs both
end on: one report (where exactly, to visit it; photos, history and the workflow buttons
allowed from its status) and the queue (the 동 only, never the unit). A leaf: it imports no
handler module."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.engine.actions import Action
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.defects.actions import (
    COMMENT,
    HOLD,
    REJECT,
    AskMore,
    ChangeStatus,
    OpenDefect,
    OpenDefectQueue,
    PickFilter,
)
from bot.handlers.defects.words import STATUS_ORDER, age, category_word, place_masked, status_word
from bot.screens import Card, Screen
from core.defects.filing import AckPolicy
from core.defects.handling import PAGE, QueuePage, is_overdue, queue
from core.defects.model import TRANSITIONS, DefectEvent, DefectReport, Status, Where
from core.defects.reading import HandledDetails, handled_details
from core.ids import saved

HISTORY_LINES = 8
ASKS = {Status.ON_HOLD: HOLD, Status.REJECTED: REJECT}  # targets that ask one more thing


def ack_policy(ctx: Ctx) -> AckPolicy:
    cfg = ctx.services.config.defects
    return AckPolicy(hours=cfg.ack_hours, urgent_hours=cfg.urgent_ack_hours)


def _event_line(ctx: Ctx, event: DefectEvent) -> str:
    when = ctx.t.short_day_time(event.at)
    if event.kind == "comment":
        what = ctx._("댓글: {text}", text=event.text)
    elif event.kind == "reopened":
        what = ctx._("다시 접수: {text}", text=event.text)
    elif event.kind == "rated":
        what = ctx._("평가 {stars}점", stars=event.text)
    elif event.kind == "supported":
        what = ctx._("이웃 세대가 공감")
    elif event.kind == "filed":
        what = ctx._("접수")
    else:
        what = status_word(ctx.t, event.status)
        if event.text:
            what = ctx._("{status} ({reason})", status=what, reason=event.text)
    return f"· {when} {what}"


def _details(ctx: Ctx, found: HandledDetails) -> list[str]:
    report = found.report
    unit = ctx._("{building}동 {unit}호", building=found.building, unit=found.unit)
    if report.where == Where.COMMON:
        where = ctx._("함께 쓰는 곳: {place} (신고한 세대 {unit})", place=report.place, unit=unit)
    else:
        where = ctx._("{unit} 세대 안", unit=unit)
    now = ctx.clock.now()
    state = status_word(ctx.t, report.status)
    if is_overdue(report, now, ack_policy(ctx)):
        state = ctx._("{status} · 늦음 (확인이 늦었어요)", status=state)
    kind = category_word(ctx.t, report.category)
    lines = [
        ctx._("[고장 신고] {number}", number=report.number),
        ctx._("종류: {kind}", kind=kind) + (ctx._(" · 급함") if report.urgent else ""),
        ctx._("상태: {status}", status=state),
        ctx._("위치: {where}", where=where),
        ctx._(
            "접수: {when} ({age})",
            when=ctx.t.datetime(report.created_at),
            age=age(ctx.t, report.created_at, now),
        ),
    ]
    if report.description:
        lines.append(ctx._("내용: {text}", text=report.description))
    if report.supporters:
        lines.append(ctx._("같은 문제로 공감한 세대: {n}", n=report.supporters))
    if report.hold_until:
        lines.append(ctx._("보류: {day}까지", day=ctx.t.day(report.hold_until)))
    if report.reason:
        lines.append(ctx._("사유: {reason}", reason=report.reason))
    if report.reopen_count:
        lines.append(ctx._("다시 접수된 횟수: {n}", n=report.reopen_count))
    if report.rating is not None:
        lines.append(
            ctx._("평가: {stars}점 {comment}", stars=report.rating, comment=report.rating_comment)
        )
    return lines


async def report_screen(ctx: Ctx, report_id: int, note: str = "") -> Screen:
    """The opened report with the buttons allowed from its status."""
    found = await handled_details(ctx.uow, ctx.membership, report_id)
    report = found.report
    lines = _details(ctx, found)
    lines += ["", ctx._("지난 기록")]
    lines += [_event_line(ctx, e) for e in found.events[-HISTORY_LINES:]]
    buttons = []
    for target in STATUS_ORDER:
        if target in TRANSITIONS[Status(report.status)]:
            label = status_word(ctx.t, target)
            if target in ASKS:
                action: Action = AskMore(saved(report.id), ASKS[target])
            else:
                action = ChangeStatus(saved(report.id), target)
            buttons.append(ctx.button(label, action))
    buttons.append(ctx.button(ctx._("댓글 쓰기"), AskMore(saved(report.id), COMMENT)))
    photos = tuple(
        ctx.card(ctx._("사진 {n}", n=i), image_url=ctx.services.media.url(media_id))
        for i, media_id in enumerate(report.photos, 1)
    )
    screen = ctx.screen("\n".join(lines), *buttons, cards=photos, back=OpenDefectQueue())
    return screen.with_notices(note) if note else screen


def _card(ctx: Ctx, page: QueuePage, report: DefectReport, now: datetime) -> Card:
    flags = [ctx._("급함")] if report.urgent else []
    if is_overdue(report, now, ack_policy(ctx)):
        flags.append(ctx._("늦음"))
    when = age(ctx.t, report.created_at, now)
    state = status_word(ctx.t, report.status)
    return ctx.card(
        f"{report.number} · {category_word(ctx.t, report.category)}",
        place_masked(ctx.t, report, page.building_of(report)),
        " · ".join([state, when, *flags]),
        buttons=(ctx.button(ctx._("열기"), OpenDefect(saved(report.id))),),
    )


def _describe(ctx: Ctx, f: OpenDefectQueue) -> str:
    parts = [status_word(ctx.t, f.status) if f.status else ctx._("처리할 신고")]
    if f.category:
        parts.append(category_word(ctx.t, f.category))
    if f.building:
        parts.append(ctx._("{building}동", building=f.building))
    return " · ".join(parts)


async def queue_screen(ctx: Ctx, f: OpenDefectQueue) -> Screen:
    """코디네이터 → 하자 처리: the open reports, urgent first, then oldest, five at a time."""
    page = await queue(
        ctx.uow,
        ctx.membership,
        status=f.status or None,
        category=f.category or None,
        building=f.building or None,
        offset=f.offset,
    )
    now = ctx.clock.now()
    cards = [_card(ctx, page, report, now) for report in page.reports]
    if page.total == 0:
        text = ctx._("[고장 처리] {what}: 없어요.", what=_describe(ctx, f))
    else:
        what, total = _describe(ctx, f), page.total
        text = ctx._(
            "[고장 처리] {what}: {total}건 (급한 것, 오래된 것 먼저)", what=what, total=total
        )
        if page.total > PAGE:
            first, last = f.offset + 1, f.offset + len(page.reports)
            text += "\n" + ctx._("{first}–{last}번째", first=first, last=last)
    buttons = [
        ctx.button(ctx._("상태 고르기"), PickFilter("status", replace(f, offset=0))),
        ctx.button(ctx._("종류 고르기"), PickFilter("category", replace(f, offset=0))),
        ctx.button(ctx._("동 고르기"), PickFilter("building", replace(f, offset=0))),
    ]
    if f.status or f.category or f.building:
        buttons.append(ctx.button(ctx._("조건 없애기"), OpenDefectQueue()))
    if f.offset + PAGE < page.total:
        buttons.append(ctx.button(ctx._("더보기"), replace(f, offset=f.offset + PAGE), nav=True))
    return ctx.screen(text, *buttons, cards=tuple(cards), back=OpenCoordinator())
