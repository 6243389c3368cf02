"""One defect report as its complex's coordinator sees it: where exactly (the unit, to visit
it), what happened, photos, history, and buttons for the workflow steps allowed from its
status. 보류, 반려 and 댓글 ask one more thing in small dialogs (bot/dialogs/defect_status)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator_defect_words import STATUS_ORDER, age, category_word, status_word
from bot.screens import Screen
from core.defects.filing import AckPolicy
from core.defects.handling import change_status, handled_report, is_overdue
from core.defects.model import TRANSITIONS, DefectEvent, DefectReport, Status, Where
from core.errors import DomainError

router = Router()
HISTORY_LINES = 8


@dataclass(frozen=True)
class OpenDefect(Action, kind="coord.defect"):
    report_id: int


@dataclass(frozen=True)
class ChangeStatus(Action, kind="coord.defect.status", single_use=True):
    report_id: int
    target: str


@dataclass(frozen=True)
class AskMore(Action, kind="coord.defect.ask"):
    """보류 (a date), 반려 (a reason) or 댓글 (a text): start the small dialog for it."""

    report_id: int
    dialog: str  # defect.hold | defect.reject | defect.comment


ASKS = {Status.ON_HOLD: "defect.hold", Status.REJECTED: "defect.reject"}


def ack_policy(ctx: Ctx) -> AckPolicy:
    cfg = ctx.services.config.defects
    return AckPolicy(hours=cfg.ack_hours, urgent_hours=cfg.urgent_ack_hours)


def _event_line(ctx: Ctx, event: DefectEvent) -> str:
    when = ctx.t.datetime(event.at, "M/d a h:mm")
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


async def _details(ctx: Ctx, report: DefectReport) -> list[str]:
    household = await ctx.uow.households.get(report.household_id)
    unit = ctx._("{building}동 {unit}호", building=household.building, unit=household.unit)
    if report.where == Where.COMMON:
        where = ctx._("공용부: {place} (신고한 세대 {unit})", place=report.place, unit=unit)
    else:
        where = ctx._("{unit} 세대 안", unit=unit)
    now = ctx.clock.now()
    state = status_word(ctx.t, report.status)
    if is_overdue(report, now, ack_policy(ctx)):
        state = ctx._("{status} · 늦음 (확인이 늦었어요)", status=state)
    kind = category_word(ctx.t, report.category)
    lines = [
        ctx._("[하자 신고] {number}", number=report.number),
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
        lines.append(ctx._("보류: {day}까지", day=ctx.t.datetime(report.hold_until, "M월 d일")))
    if report.reason:
        lines.append(ctx._("사유: {reason}", reason=report.reason))
    if report.reopen_count:
        lines.append(ctx._("다시 접수된 횟수: {n}", n=report.reopen_count))
    if report.rating is not None:
        lines.append(
            ctx._("평가: {stars}점 {comment}", stars=report.rating, comment=report.rating_comment)
        )
    return lines


async def report_screen(ctx: Ctx, report: DefectReport, note: str = "") -> Screen:
    """The opened report with the buttons allowed from its status."""
    from bot.handlers.coordinator_defects import OpenDefectQueue

    lines = await _details(ctx, report)
    events = await ctx.uow.defects.events(report.id)
    lines += ["", ctx._("지난 기록")]
    lines += [_event_line(ctx, e) for e in events[-HISTORY_LINES:]]
    buttons = []
    for target in STATUS_ORDER:
        if target in TRANSITIONS[Status(report.status)]:
            label = status_word(ctx.t, target)
            if target in ASKS:
                action: Action = AskMore(report.id, ASKS[target])
            else:
                action = ChangeStatus(report.id, target)
            buttons.append(ctx.button(label, action))
    buttons.append(ctx.button(ctx._("댓글 쓰기"), AskMore(report.id, "defect.comment")))
    photos = tuple(
        ctx.card(ctx._("사진 {n}", n=i), image_url=ctx.services.media.url(media_id))
        for i, media_id in enumerate(report.photos, 1)
    )
    screen = ctx.screen("\n".join(lines), *buttons, cards=photos, back=OpenDefectQueue())
    return screen.with_notices(note) if note else screen


@router.on(OpenDefect)
async def open_report(ctx: Ctx, action: OpenDefect) -> Screen:
    report = await handled_report(ctx.uow, ctx.membership, action.report_id)
    return await report_screen(ctx, report)


@router.on(ChangeStatus)
async def move(ctx: Ctx, action: ChangeStatus) -> Screen:
    report = await change_status(
        ctx.uow, ctx.clock, ctx.membership, action.report_id, action.target
    )
    note = ctx._(
        "'{status}' 단계로 바꾸고 세대에 알렸어요.", status=status_word(ctx.t, report.status)
    )
    return await report_screen(ctx, report, note)


@router.on(AskMore)
async def ask_more(ctx: Ctx, action: AskMore) -> Screen:
    report = await handled_report(ctx.uow, ctx.membership, action.report_id)
    targets = {name: target for target, name in ASKS.items()}
    if action.dialog in targets and not report.can_move_to(targets[action.dialog]):
        target = targets[action.dialog]
        raise DomainError("defect.bad_transition", current=report.status, target=target)
    if action.dialog not in (*targets, "defect.comment"):
        return await report_screen(ctx, report)
    return await ctx.start_dialog(action.dialog, report_id=report.id)
