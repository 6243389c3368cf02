"""How 대신 하기 plugs in: `register(app)` adds its router, the start dialog, the 코디네이터
menu entry, the household's task menu ("proxy": the entry points of the features' own
resident dialogs, which then run with the household as the subject) and the notice kind."""

from __future__ import annotations

from bot.dialogs.proxy import start
from bot.engine.assembly import FeatureApp
from bot.engine.context import Ctx
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.defects.actions import StartFiling
from bot.handlers.points.actions import PayRent
from bot.handlers.proxy import menu
from bot.handlers.proxy.actions import StartProxy
from bot.handlers.proxy.words import done_screen
from bot.handlers.share.actions import OpenCarpool
from bot.handlers.shop.actions import GroupBuys, ShopKinds
from bot.handlers.surveys.actions import SurveyList
from bot.handlers.votes.actions import VoteList
from bot.i18n import N_
from core.identity.proxy import ProxyDone


async def is_coordinator(ctx: Ctx) -> bool:
    return ctx.membership.is_coordinator


async def has_resident(ctx: Ctx) -> bool:
    """Resident tasks need a verified resident of the household (core refuses them too)."""
    return ctx.membership.proxy is not None and ctx.membership.proxy.subject is not None


def register(app: FeatureApp) -> None:
    app.routers(menu.router)
    app.add_dialogs(start.dialog)
    if ProxyDone not in app.services.notifications:
        app.services.notifications.register(ProxyDone, done_screen)
    app.menu("coordinator", MenuEntry(N_("대신 하기"), StartProxy, rank=6))
    app.intent(
        Intent("proxy.start", N_("대신 하기"), lambda slot: StartProxy(), shown=is_coordinator)
    )
    app.menu(
        "proxy",
        MenuEntry(N_("고장 신고"), StartFiling, rank=10),
        MenuEntry(N_("물건 주문"), ShopKinds, rank=20, shown=has_resident),
        MenuEntry(N_("공동구매"), GroupBuys, rank=30, shown=has_resident),
        MenuEntry(N_("임대료로 내기"), PayRent, rank=40, shown=has_resident),
        MenuEntry(N_("카풀 자리 신청"), OpenCarpool, rank=50, shown=has_resident),
        MenuEntry(N_("설문 답하기"), SurveyList, rank=60, shown=has_resident),
        MenuEntry(N_("주민투표"), VoteList, rank=70, shown=has_resident),
    )
