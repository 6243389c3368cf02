"""코디네이터 → 하자 처리: the complex's open reports, urgent first, then oldest, five at a
time (더보기), filtered by status, category or 동 (the screen is in
bot.handlers.defects.render). Lists show the 동 only, never the unit; opening a report shows
where exactly, to visit it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.defects.actions import BUILDING, OpenDefectQueue, PickFilter, TypeBuilding
from bot.handlers.defects.render import queue_screen
from bot.handlers.defects.words import CATEGORY_WORDS, STATUS_ORDER, status_word
from bot.screens import Screen
from core.defects.handling import may_handle, open_buildings

router = Router()


def _filters(action: OpenDefectQueue | dict[str, Any] | None) -> OpenDefectQueue:
    """Filters come back from storage as a dict inside PickFilter."""
    if isinstance(action, dict):
        return OpenDefectQueue(**{k: v for k, v in action.items() if k != "k"})
    return action or OpenDefectQueue()


@router.on(OpenDefectQueue)
async def show_queue(ctx: Ctx, f: OpenDefectQueue) -> Screen:
    return await queue_screen(ctx, f)


@router.on(PickFilter)
async def pick_filter(ctx: Ctx, action: PickFilter) -> Screen:
    f = _filters(action.current)
    back = replace(f)
    options: list[tuple[str, Action]]
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
    may_handle(ctx.membership)
    return await ctx.start_dialog(BUILDING, status=action.status, category=action.category)
