"""코디네이터 → 글쓰기 정지 풀기: the residents of the complex whose posting in 공유마켓 is
suspended (named "102동 이웃" only, with the date and the reason), each with 정지 풀기 (acts
once). Core checks the coordinator and the complex, writes the audit log and tells the
resident."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.share.actions import LiftSuspension, OpenSuspended
from bot.handlers.share.words import neighbour
from bot.screens import Screen
from core.share import moderation, reading

router = Router()


@router.on(OpenSuspended)
async def open_suspended(ctx: Ctx, action: OpenSuspended) -> Screen:
    return await suspended_screen(ctx)


async def suspended_screen(ctx: Ctx, note: str = "") -> Screen:
    """The suspended neighbours, after `note` (what was just done) when there is one."""
    suspended = await reading.suspended_neighbours(ctx.uow, ctx.membership)
    if not suspended:
        text = ctx._("글쓰기가 정지된 이웃이 없어요.")
        return ctx.screen(f"{note}\n{text}".strip(), back=OpenCoordinator())
    cards = tuple(
        ctx.card(
            neighbour(ctx.t, who.building),
            ctx._("정지한 날: {when}", when=ctx.t.short_day(who.suspended_at)),
            ctx._("까닭: {reason}", reason=who.reason),
            buttons=(ctx.button(ctx._("정지 풀기"), LiftSuspension(who.resident_id)),),
        )
        for who in suspended[:5]
    )
    text = ctx._("[글쓰기 정지] {n}명이에요. 풀면 그 이웃에게 알려 드려요.", n=len(suspended))
    return ctx.screen(f"{note}\n{text}".strip(), back=OpenCoordinator(), cards=cards)


@router.on(LiftSuspension)
async def lift(ctx: Ctx, action: LiftSuspension) -> Screen:
    await moderation.lift_suspension(ctx.uow, ctx.clock, ctx.membership, action.resident_id)
    building = await reading.neighbour_building(ctx.uow, ctx.membership, action.resident_id)
    who = neighbour(ctx.t, building)
    note = ctx._("{who}의 글쓰기 정지를 풀었어요. 그 이웃에게 알려 드렸어요.", who=who)
    return await suspended_screen(ctx, note)
