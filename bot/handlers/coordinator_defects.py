"""코디네이터 → 하자 처리: the complex's open reports, urgent first, then oldest, five at a
time (더보기), filtered by status, category or 동. Lists show the 동 only, never the unit;
opening a report (coordinator_defect_report) shows where exactly, to visit it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator
from bot.handlers.coordinator_defect_report import OpenDefect, ack_policy
from bot.handlers.coordinator_defect_summary import AskSummaryMonth
from bot.handlers.coordinator_defect_words import (
    CATEGORY_WORDS,
    STATUS_ORDER,
    age,
    category_word,
    place_masked,
    status_word,
)
from bot.i18n import N_
from bot.screens import Card, Screen
from core.defects.handling import PAGE, is_overdue, open_buildings, queue

router = Router()


@dataclass(frozen=True)
class OpenDefectQueue(Action, kind="coord.defects"):
    status: str = ""  # "" = every open status
    category: str = ""
    building: str = ""
    offset: int = 0


@dataclass(frozen=True)
class PickFilter(Action, kind="coord.defects.pick"):
    what: str  # status | category | building
    current: OpenDefectQueue | None = None


@dataclass(frozen=True)
class TypeBuilding(Action, kind="coord.defects.building"):
    status: str = ""
    category: str = ""


# The coordinator menu's entry points of this feature.
COORDINATOR_ENTRIES += [
    (N_("하자 처리"), OpenDefectQueue),
    (N_("월간 하자 통계"), AskSummaryMonth),
]


def _filters(action: OpenDefectQueue | dict | None) -> OpenDefectQueue:
    """Filters come back from storage as a dict inside PickFilter."""
    if isinstance(action, dict):
        return OpenDefectQueue(**{k: v for k, v in action.items() if k != "k"})
    return action or OpenDefectQueue()


async def _card(ctx: Ctx, report, now) -> Card:
    household = await ctx.uow.households.get(report.household_id)
    flags = [ctx._("급함")] if report.urgent else []
    if is_overdue(report, now, ack_policy(ctx)):
        flags.append(ctx._("늦음"))
    when = age(ctx.t, report.created_at, now)
    state = status_word(ctx.t, report.status)
    return ctx.card(
        f"{report.number} · {category_word(ctx.t, report.category)}",
        place_masked(ctx.t, report, household.building),
        " · ".join([state, when, *flags]),
        buttons=(ctx.button(ctx._("열기"), OpenDefect(report.id)),),
    )


def _describe(ctx: Ctx, f: OpenDefectQueue) -> str:
    parts = [status_word(ctx.t, f.status) if f.status else ctx._("처리할 신고")]
    if f.category:
        parts.append(category_word(ctx.t, f.category))
    if f.building:
        parts.append(ctx._("{building}동", building=f.building))
    return " · ".join(parts)


@router.on(OpenDefectQueue)
async def show_queue(ctx: Ctx, f: OpenDefectQueue) -> Screen:
    page = await queue(
        ctx.uow,
        ctx.membership,
        status=f.status or None,
        category=f.category or None,
        building=f.building or None,
        offset=f.offset,
    )
    now = ctx.clock.now()
    cards = [await _card(ctx, report, now) for report in page.reports]
    if page.total == 0:
        text = ctx._("[하자 처리] {what}: 없어요.", what=_describe(ctx, f))
    else:
        what, total = _describe(ctx, f), page.total
        text = ctx._(
            "[하자 처리] {what}: {total}건 (급한 것, 오래된 것 먼저)", what=what, total=total
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


@router.on(PickFilter)
async def pick_filter(ctx: Ctx, action: PickFilter) -> Screen:
    f = _filters(action.current)
    back = replace(f)
    if action.what == "status":
        options = [(ctx._("처리할 신고 전체"), replace(f, status=""))]
        options += [(status_word(ctx.t, s), replace(f, status=s)) for s in STATUS_ORDER]
        text = ctx._("어떤 상태의 신고를 볼까요?")
    elif action.what == "category":
        options = [(ctx._("모든 종류"), replace(f, category=""))]
        options += [(ctx._(word), replace(f, category=c)) for c, word in CATEGORY_WORDS.items()]
        text = ctx._("어떤 종류의 신고를 볼까요?")
    else:
        buildings = await open_buildings(ctx.uow, ctx.membership)
        options = [(ctx._("모든 동"), replace(f, building=""))]
        options += [(ctx._("{building}동", building=b), replace(f, building=b)) for b in buildings]
        options.append((ctx._("동 번호 적기"), TypeBuilding(f.status, f.category)))
        text = ctx._("몇 동의 신고를 볼까요? 열린 신고가 있는 동이에요.")
    buttons = [ctx.button(label, target) for label, target in options]
    return ctx.screen(text, *buttons, back=back)


@router.on(TypeBuilding)
async def type_building(ctx: Ctx, action: TypeBuilding) -> Screen:
    from bot.handlers.coordinator import require_coordinator

    require_coordinator(ctx)
    return await ctx.start_dialog(
        "defect.building", status=action.status, category=action.category
    )
