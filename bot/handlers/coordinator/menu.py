"""코디네이터 menu: the tools of a complex's coordinators. Only shown to, and only usable by,
residents holding the coordinator role for their complex (checked again in core)."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import INVITE, InviteVendor, OpenCoordinator, StartInvite
from bot.handlers.shop.actions import INVITE_VENDOR_DIALOG
from bot.screens import Screen
from core.identity.reading import coordinator_overview
from core.identity.roles import require_coordinator

router = Router()


@router.on(OpenCoordinator)
async def open_menu(ctx: Ctx, action: OpenCoordinator) -> Screen:
    overview = await coordinator_overview(ctx.uow, ctx.membership)
    text = ctx._(
        "[코디네이터] {complex}\n확인된 주민: {count}명\n무엇을 할까요?",
        complex=overview.complex_name,
        count=ctx.t.number(overview.verified_residents),
    )
    buttons = await ctx.menus.buttons(ctx, "coordinator")  # declared by the features
    return ctx.screen(text, *buttons)


@router.on(StartInvite)
async def start_invite(ctx: Ctx, action: StartInvite) -> Screen:
    require_coordinator(ctx.membership)
    return await ctx.start_dialog(INVITE)


@router.on(InviteVendor)
async def invite_vendor(ctx: Ctx, action: InviteVendor) -> Screen:
    require_coordinator(ctx.membership)  # core's invite_vendor checks it again
    return await ctx.start_dialog(INVITE_VENDOR_DIALOG)
