"""코디네이터 → 월간 하자 통계: pick 이번 달 or 지난 달; the summary reads as text (counts by
category and status, median time to complete, urgent and reopened) and as a PNG bar chart."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, tzinfo

from bot.charts import bar_charts
from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.defects.actions import AskSummaryMonth, ShowSummary
from bot.handlers.defects.words import CATEGORY_WORDS, STATUS_ORDER, duration, status_word
from bot.screens import Screen
from core.defects.handling import may_handle
from core.defects.summary import Summary, monthly_summary

router = Router()


def month_bounds(today: date, months_back: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """[first day of the month, first day of the next month), at local midnight."""
    index = today.year * 12 + today.month - 1 - months_back
    start = date(index // 12, index % 12 + 1, 1)
    end = date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return (
        datetime.combine(start, datetime.min.time(), tzinfo=tz),
        datetime.combine(end, datetime.min.time(), tzinfo=tz),
    )


@router.on(AskSummaryMonth)
async def ask_month(ctx: Ctx, action: AskSummaryMonth) -> Screen:
    may_handle(ctx.membership)
    return ctx.screen(
        ctx._("어느 달의 고장 통계를 볼까요?"),
        ctx.button(ctx._("이번 달"), ShowSummary(0)),
        ctx.button(ctx._("지난 달"), ShowSummary(1)),
        back=OpenCoordinator(),
    )


def _text(ctx: Ctx, month: str, s: Summary) -> str:
    lines = [ctx._("[월간 고장 통계] {month} · 모두 {n}건", month=month, n=s.total), ""]
    lines.append(ctx._("종류별"))
    lines += [f"· {ctx._(w)} {s.by_category.get(c, 0)}" for c, w in CATEGORY_WORDS.items()]
    lines += ["", ctx._("상태별")]
    lines += [f"· {status_word(ctx.t, st)} {s.by_status.get(st, 0)}" for st in STATUS_ORDER]
    lines += [
        "",
        ctx._(
            "완료까지 걸린 시간 (가운데 값): {time}", time=duration(ctx.t, s.median_hours_to_done)
        ),
        ctx._("급함: {n}건 · 다시 접수된 신고: {m}건", n=s.urgent, m=s.reopened),
    ]
    return "\n".join(lines)


def _chart(ctx: Ctx, month: str, s: Summary):
    """The chart's title and bars, translated here (the drawing thread needs no ctx)."""
    by_category = [(ctx._(w), s.by_category.get(c, 0)) for c, w in CATEGORY_WORDS.items()]
    by_status = [(status_word(ctx.t, st), s.by_status.get(st, 0)) for st in STATUS_ORDER]
    title = ctx._("{month} 고장 신고 {n}건", month=month, n=s.total)
    return title, [(ctx._("종류별"), by_category), (ctx._("상태별"), by_status)]


@router.on(ShowSummary)
async def show_summary(ctx: Ctx, action: ShowSummary) -> Screen:
    may_handle(ctx.membership)  # before drawing anything (monthly_summary checks it too)
    months_back = 1 if action.months_back else 0
    today = ctx.clock.now().astimezone(ctx.t.tz).date()
    start, end = month_bounds(today, months_back, ctx.t.tz)
    summary = await monthly_summary(ctx.uow, ctx.membership, start, end)
    month = ctx.t.month(start)
    title, groups = _chart(ctx, month, summary)
    png = await asyncio.to_thread(bar_charts, title, groups)
    media_id = await ctx.services.media.put(png, "image/png")
    alt = ctx._(
        "{month} 고장 신고를 종류별, 상태별로 센 막대그래프 (모두 {n}건)",
        month=month,
        n=summary.total,
    )
    other = ShowSummary(0 if months_back else 1)
    other_label = ctx._("이번 달") if months_back else ctx._("지난 달")
    return ctx.screen(
        _text(ctx, month, summary),
        ctx.button(other_label, other),
        image_url=ctx.services.media.url(media_id),
        image_alt=alt,
        back=OpenCoordinator(),
    )
