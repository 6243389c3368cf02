"""코디네이터 menu: the tools of a complex's coordinators. Only shown to, and only usable by,
residents holding the coordinator role for their complex (checked again in core)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.i18n import N_
from bot.screens import Screen
from core.errors import Forbidden

router = Router()


@dataclass(frozen=True)
class OpenCoordinator(Action, kind="coord.menu"):
    pass


@dataclass(frozen=True)
class StartInvite(Action, kind="coord.invite"):
    pass


@dataclass(frozen=True)
class InviteVendor(Action, kind="coord.vendor"):
    pass


# Coordinator tools: features add their entry points here.
COORDINATOR_ENTRIES: list[tuple[str, type[Action]]] = [
    (N_("초대코드 만들기"), StartInvite),
    (N_("입점 업체 초대"), InviteVendor),
]


def require_coordinator(ctx: Ctx) -> None:
    if not ctx.membership.is_coordinator:
        raise Forbidden()


@router.on(OpenCoordinator)
async def open_menu(ctx: Ctx, action: OpenCoordinator) -> Screen:
    require_coordinator(ctx)
    complex_ = await ctx.uow.complexes.get(ctx.resident.complex_id)
    verified = await ctx.uow.residents.count_verified(complex_.id)
    text = ctx._(
        "[코디네이터] {complex}\n인증한 주민: {count}명\n무엇을 할까요?",
        complex=complex_.name,
        count=ctx.t.number(verified),
    )
    buttons = [ctx.button(ctx._(label), factory()) for label, factory in COORDINATOR_ENTRIES]
    return ctx.screen(text, *buttons)


@router.on(StartInvite)
async def start_invite(ctx: Ctx, action: StartInvite) -> Screen:
    require_coordinator(ctx)
    return await ctx.start_dialog("coordinator.invite")


@router.on(InviteVendor)
async def invite_vendor(ctx: Ctx, action: InviteVendor) -> Screen:
    require_coordinator(ctx)
    return await ctx.start_dialog("shop.invite_vendor")
