"""고장 신고 for residents: start the filing dialog, 내 신고 내역 (the household's reports,
newest first, 5 a page), one report with its history and photos, and after 완료 the way to
rate the fix or to report it again. Scope is checked in core (core.defects.reading): a
report of another household or complex reads as "찾을 수 없어요"."""

from __future__ import annotations

from typing import Any

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.defects.actions import (
    FILE,
    RATE,
    REOPEN,
    MyReports,
    OpenReport,
    RateReport,
    RateStars,
    ReopenReport,
    StartFiling,
    back_to_complex,
)
from bot.handlers.defects.words import (
    STARS,
    category_word,
    clip,
    place_words,
    report_status,
    star_label,
    status_words,
)
from bot.screens import Card, Screen
from core.defects.filing import get_own_or_handled
from core.defects.model import Category, DefectEvent, DefectReport, Status
from core.defects.reading import (
    PAGE,
    household_reports,
    open_common_count,
    report_history,
    reporting_building,
)
from core.ids import saved

router = Router()
HISTORY = 8  # the latest events shown with a report


@router.on(StartFiling)
async def start_filing(ctx: Ctx, action: StartFiling) -> Screen:
    answers: dict[str, Any] = {"_open_common": await open_common_count(ctx.uow, ctx.membership)}
    answers["_building"] = await reporting_building(ctx.uow, ctx.membership)  # 우리 동
    if action.category and action.where:
        answers |= {"category": action.category, "where": action.where}
        answers["_keep"] = ["category", "where"]
    elif action.category in set(Category):
        answers |= {"category": action.category, "_keep": ["category"]}
    return await ctx.start_dialog(FILE, **answers)


def _card(ctx: Ctx, report: DefectReport) -> Card:
    return ctx.card(
        f"{report.number} · {category_word(ctx.t, report.category)}",
        place_words(ctx.t, report.where, report.place),
        ctx._("상태: {status}", status=report_status(ctx.t, report)),
        ctx._("신고: {when}", when=ctx.t.day(report.created_at)),
        buttons=(ctx.button(ctx._("자세히 보기"), OpenReport(saved(report.id))),),
    )


@router.on(MyReports)
async def my_reports(ctx: Ctx, action: MyReports) -> Screen:
    page = await household_reports(ctx.uow, ctx.membership, action.offset)
    new = ctx.button(ctx._("고장 신고"), StartFiling())
    if not page.total:
        return ctx.screen(ctx._("아직 신고한 것이 없어요."), new, back=back_to_complex())
    text = ctx._("[내 신고 내역] 모두 {n}건이에요. 최근 것부터 보여 드려요.", n=page.total)
    buttons = [new]
    if page.offset + PAGE < page.total:
        buttons.insert(0, ctx.button(ctx._("신고 더보기"), MyReports(page.offset + PAGE)))
    cards = tuple(_card(ctx, r) for r in page.reports)
    return ctx.screen(text, *buttons, back=back_to_complex(), cards=cards)


def _event_line(ctx: Ctx, event: DefectEvent) -> str:
    when = ctx.t.day_time(event.at)
    if event.kind == "comment":
        what = ctx._('관리사무소: "{text}"', text=clip(event.text, 80))
    elif event.kind == "reopened":
        what = ctx._("다시 신고 ({reason})", reason=clip(event.text, 60))
    elif event.kind == "rated":
        what = ctx._("평가 {stars}점", stars=event.text)
    elif event.kind == "supported":
        what = ctx._("이웃 세대도 같은 문제라고 했어요")
    else:
        status = event.status or Status.RECEIVED
        reason = event.text if status == Status.REJECTED else ""
        what = status_words(ctx.t, status, reason=reason)
    return f"· {when} {what}"


@router.on(OpenReport)
async def open_report(ctx: Ctx, action: OpenReport) -> Screen:
    found = await report_history(ctx.uow, ctx.clock, ctx.membership, action.report_id)
    report = found.report
    lines = [
        ctx._("[고장 신고 {number}]", number=report.number),
        ctx._("종류: {kind}", kind=category_word(ctx.t, report.category))
        + (ctx._(" · 급함") if report.urgent else ""),
        ctx._("장소: {where}", where=place_words(ctx.t, report.where, report.place)),
        ctx._("상태: {status}", status=report_status(ctx.t, report)),
    ]
    easy = ctx.resident.easy_mode  # 쉬운 모드: one bubble of ≤ 150 characters
    if report.description:
        lines.append(ctx._("내용: {text}", text=clip(report.description, 40 if easy else 150)))
    shown = found.events[-1:] if easy else found.events[-HISTORY:]
    lines += ["", ctx._("지난 기록"), *(_event_line(ctx, e) for e in shown)]
    buttons = []
    if found.can_rate:
        buttons.append(ctx.button(ctx._("평가하기"), RateReport(saved(report.id))))
    if found.can_reopen:
        buttons.append(ctx.button(ctx._("다시 신고"), ReopenReport(saved(report.id))))
    cards = tuple(
        ctx.card(ctx._("사진 {n}", n=i), image_url=ctx.services.media.url(media_id))
        for i, media_id in enumerate(report.photos, 1)
    )
    back = MyReports() if found.own else back_to_complex()
    return ctx.screen("\n".join(lines), *buttons, back=back, cards=cards)


@router.on(RateReport)
async def rate_report(ctx: Ctx, action: RateReport) -> Screen:
    report = await get_own_or_handled(ctx.uow, ctx.membership, action.report_id)
    text = ctx._("{number} 수리가 어땠나요? 점수를 눌러 주세요.", number=report.number)
    stars = [ctx.button(star_label(ctx.t, n), RateStars(saved(report.id), n)) for n in STARS]
    return ctx.screen(text, *stars, back=OpenReport(saved(report.id)))


@router.on(RateStars)
async def rate_stars(ctx: Ctx, action: RateStars) -> Screen:
    await get_own_or_handled(ctx.uow, ctx.membership, action.report_id)
    return await ctx.start_dialog(RATE, report_id=action.report_id, stars=action.stars)


@router.on(ReopenReport)
async def reopen(ctx: Ctx, action: ReopenReport) -> Screen:
    await get_own_or_handled(ctx.uow, ctx.membership, action.report_id)
    return await ctx.start_dialog(REOPEN, report_id=action.report_id)
