"""One defect report as its complex's coordinator sees it (bot.handlers.defects.render), and
the workflow steps allowed from its status. 보류, 반려 and 댓글 ask one more thing in small
dialogs (bot/dialogs/defects/status.py)."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.defects.actions import COMMENT, AskMore, ChangeStatus, OpenDefect
from bot.handlers.defects.render import ASKS, report_screen
from bot.handlers.defects.words import status_word
from bot.screens import Screen
from core.defects.handling import change_status, handled_report
from core.errors import DomainError

router = Router()


@router.on(OpenDefect)
async def open_report(ctx: Ctx, action: OpenDefect) -> Screen:
    return await report_screen(ctx, action.report_id)


@router.on(ChangeStatus)
async def move(ctx: Ctx, action: ChangeStatus) -> Screen:
    report = await change_status(
        ctx.uow, ctx.clock, ctx.membership, action.report_id, action.target
    )
    note = ctx._(
        "'{status}' 단계로 바꾸고 세대에 알렸어요.", status=status_word(ctx.t, report.status)
    )
    return await report_screen(ctx, action.report_id, note)


@router.on(AskMore)
async def ask_more(ctx: Ctx, action: AskMore) -> Screen:
    report = await handled_report(ctx.uow, ctx.membership, action.report_id)
    targets = {name: target for target, name in ASKS.items()}
    if action.dialog in targets and not report.can_move_to(targets[action.dialog]):
        target = targets[action.dialog]
        raise DomainError("defect.bad_transition", current=report.status, target=target)
    if action.dialog not in (*targets, COMMENT):
        return await report_screen(ctx, action.report_id)
    return await ctx.start_dialog(action.dialog, report_id=report.id)
