"""How the coordinator feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.coordinator import invite
from bot.engine.assembly import FeatureApp
from bot.engine.context import Ctx
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.coordinator import desk, menu
from bot.handlers.coordinator.actions import InviteVendor, OpenCoordinator, OpenDesk, StartInvite
from bot.i18n import N_


async def is_coordinator(ctx: Ctx) -> bool:
    return ctx.membership.is_coordinator


def register(app: FeatureApp) -> None:
    app.routers(menu.router, desk.router)
    app.add_dialogs(invite.dialog)
    app.menu("home", MenuEntry(N_("코디네이터"), OpenCoordinator, rank=10, shown=is_coordinator))
    app.intent(
        Intent(
            "coordinator.menu",
            N_("코디네이터"),
            lambda slot: OpenCoordinator(),
            shown=is_coordinator,
        )
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("초대코드 만들기"), StartInvite, rank=85),
        MenuEntry(N_("입점 업체 초대"), InviteVendor, rank=86),
        MenuEntry(N_("데스크 열기"), OpenDesk, rank=99),  # last: the chat's tools come first
    )
