"""우리 단지 공용부 신고: the complex's open common-area reports, without who reported them,
so a neighbour can say "같은 문제예요" (공감하기, `support_report`) instead of filing the same
problem again. Reached from 우리단지 and from the filing dialog when 공용부 is chosen."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.defects.actions import (
    CommonReports,
    StartFiling,
    SupportReport,
    back_to_complex,
)
from bot.handlers.defects.words import category_word, clip, report_status
from bot.screens import Button, Card, Screen
from core.defects.filing import support_report
from core.defects.model import DefectReport, Where
from core.defects.reading import PAGE, common_reports
from core.ids import saved

router = Router()


def _card(ctx: Ctx, report: DefectReport) -> Card:
    lines = [
        clip(report.description, 40) if report.description else ctx._("사진으로 신고됨"),
        ctx._(
            "{status} · {when}",
            status=report_status(ctx.t, report),
            when=ctx.t.day(report.created_at),
        ),
    ]
    if report.supporters:
        lines.append(ctx._("같은 문제 {n}세대", n=report.supporters))
    buttons: tuple[Button, ...] = ()
    if report.household_id == ctx.membership.household_id:
        lines.append(ctx._("우리 집에서 신고했어요"))
    else:
        buttons = (ctx.button(ctx._("같은 문제예요"), SupportReport(saved(report.id))),)
    title = f"{report.place} · {category_word(ctx.t, report.category)}"
    return ctx.card(title, *lines, buttons=buttons)


@router.on(CommonReports)
async def common_reports_screen(ctx: Ctx, action: CommonReports) -> Screen:
    page = await common_reports(ctx.uow, ctx.membership, action.offset)
    if action.category:
        new = StartFiling(category=action.category, where=Where.COMMON.value)
        buttons = [ctx.button(ctx._("새로 신고하기"), new)]
    else:
        buttons = [ctx.button(ctx._("고장 신고"), StartFiling())]
    if not page.total:
        text = ctx._("지금 처리 중인 함께 쓰는 곳 신고는 없어요.")
        return ctx.screen(text, *buttons, back=back_to_complex())
    text = ctx._(
        "[함께 쓰는 곳 고장] 처리 중인 신고가 {n}건 있어요.\n"
        "같은 문제라면 '같은 문제예요'(공감하기)를 눌러 주세요. 따로 신고하지 않아도 돼요.",
        n=page.total,
    )
    if page.offset + PAGE < page.total:
        more = CommonReports(page.offset + PAGE, action.category)
        buttons.insert(0, ctx.button(ctx._("신고 더보기"), more))
    cards = tuple(_card(ctx, r) for r in page.reports)
    return ctx.screen(text, *buttons, back=back_to_complex(), cards=cards)


@router.on(SupportReport)
async def support(ctx: Ctx, action: SupportReport) -> Screen:
    report = await support_report(ctx.uow, ctx.clock, ctx.membership, action.report_id)
    text = ctx._(
        "같은 문제라고 관리사무소에 알렸어요. 지금까지 {n}세대가 공감했어요.",
        n=report.supporters,
    )
    again = ctx.button(ctx._("목록 보기"), CommonReports())
    return ctx.screen(text, again, back=back_to_complex())
