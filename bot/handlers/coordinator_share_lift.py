"""코디네이터 → 글쓰기 정지 풀기: the residents of the complex whose posting in 공유마켓 is
suspended (named "102동 이웃" only, with the date and the reason), each with 정지 풀기 (acts
once). Core checks the coordinator and the complex, writes the audit log and tells the
resident."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator
from bot.handlers.share_words import neighbour
from bot.i18n import N_
from bot.screens import Screen
from core.share import moderation

router = Router()


@dataclass(frozen=True)
class OpenSuspended(Action, kind="coord.share.suspended"):
    pass


@dataclass(frozen=True)
class LiftSuspension(Action, kind="coord.share.lift", single_use=True):
    resident_id: int


COORDINATOR_ENTRIES += [(N_("글쓰기 정지 풀기"), OpenSuspended)]


async def _building(ctx: Ctx, resident_id: int) -> str:
    resident = await ctx.uow.residents.get(resident_id)
    household = await ctx.uow.households.get(resident.household_id)
    return household.building


@router.on(OpenSuspended)
async def open_suspended(ctx: Ctx, action: OpenSuspended, note: str = "") -> Screen:
    standings = await moderation.suspended_posters(ctx.uow, ctx.membership)
    if not standings:
        text = ctx._("글쓰기가 정지된 이웃이 없어요.")
        return ctx.screen(f"{note}\n{text}".strip(), back=OpenCoordinator())
    cards = []
    for standing in standings[:5]:
        cards.append(
            ctx.card(
                neighbour(ctx.t, await _building(ctx, standing.resident_id)),
                ctx._("정지한 날: {when}", when=ctx.t.datetime(standing.suspended_at, "M/d")),
                ctx._("까닭: {reason}", reason=standing.suspended_reason),
                buttons=(ctx.button(ctx._("정지 풀기"), LiftSuspension(standing.resident_id)),),
            )
        )
    text = ctx._("[글쓰기 정지] {n}명이에요. 풀면 그 이웃에게 알려 드려요.", n=len(standings))
    return ctx.screen(f"{note}\n{text}".strip(), back=OpenCoordinator(), cards=tuple(cards))


@router.on(LiftSuspension)
async def lift(ctx: Ctx, action: LiftSuspension) -> Screen:
    await moderation.lift_suspension(ctx.uow, ctx.clock, ctx.membership, action.resident_id)
    building = await _building(ctx, action.resident_id)
    note = ctx._("{who}의 글쓰기 정지를 풀었어요. 그 이웃에게 알려 드렸어요.",
                 who=neighbour(ctx.t, building))  # fmt: skip
    return await open_suspended(ctx, OpenSuspended(), note)
