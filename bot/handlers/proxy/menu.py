"""대신 하기: start it (coordinators only), the household's task menu, and 끝내기 (back to
the coordinator menu). Every rule is checked again in core on each message."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.engine.proxy import EndProxy, acting, stop
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.coordinator.menu import open_menu
from bot.handlers.proxy.actions import START_DIALOG, ProxyHome, StartProxy
from bot.handlers.proxy.render import proxy_home
from bot.screens import Screen
from core.identity.onboarding import membership_of
from core.identity.roles import require_coordinator

router = Router()


@router.on(StartProxy)
async def start(ctx: Ctx, action: StartProxy) -> Screen:
    require_coordinator(ctx.membership)  # (acting for a household already: refused)
    return await ctx.start_dialog(START_DIALOG)


@router.on(ProxyHome)
async def home(ctx: Ctx, action: ProxyHome) -> Screen:
    if ctx.membership.proxy is None:
        return await ctx.home()
    return await proxy_home(ctx)


@router.on(EndProxy)
async def end(ctx: Ctx, action: EndProxy) -> Screen:
    was_acting = acting(ctx.conversation) is not None
    stop(ctx.conversation)
    ctx.membership = await membership_of(ctx.uow, ctx.resident)  # the coordinator again
    screen = await open_menu(ctx, OpenCoordinator()) if ctx.membership.is_coordinator else None
    screen = screen or await ctx.home()
    return screen.with_notices(ctx._("대신 하기를 끝냈어요.")) if was_acting else screen
