"""How the shop feature plugs in: `register(app)` adds its routers, dialogs, menu entries,
notification kinds and job kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.shop import ask_refund, bank, exhibition, order, product, refund, serve
from bot.dialogs.shop import groupbuy as group_buy_dialogs
from bot.dialogs.shop import vendor as vendor_dialogs  # not `vendor`: the handlers' module
from bot.engine.assembly import FeatureApp
from bot.engine.context import Ctx
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.shop import bank as bank_handlers
from bot.handlers.shop import (
    browse,
    coordinator,
    exhibit,
    groupbuy,
    history,
    notices,
    picks,
    serving,
    vendor,
)
from bot.handlers.shop.actions import (
    CoordinatorGroupBuy,
    Exhibitions,
    GroupBuys,
    MyOrders,
    Picks,
    ServeRequests,
    ShopKinds,
    VendorMenu,
)
from bot.i18n import N_
from core.identity.model import Role


async def is_vendor(ctx: Ctx) -> bool:
    return ctx.membership.has(Role.VENDOR, ctx.membership.complex_id)


def register(app: FeatureApp) -> None:
    app.routers(browse.router, groupbuy.router, vendor.router, history.router)
    app.routers(coordinator.router, serving.router, picks.router, bank_handlers.router)
    app.routers(exhibit.router)
    app.add_dialogs(*order.DIALOGS, *product.DIALOGS, *vendor_dialogs.DIALOGS, *refund.DIALOGS)
    app.add_dialogs(*group_buy_dialogs.DIALOGS, *ask_refund.DIALOGS, *serve.DIALOGS)
    app.add_dialogs(*bank.DIALOGS, *exhibition.DIALOGS)
    notices.register(app.services)
    serving.register_notices(app.services)
    app.menu("home", MenuEntry(N_("내 가게"), VendorMenu, rank=20, shown=is_vendor))
    app.menu(
        "shop",
        MenuEntry(N_("가게별 상품"), ShopKinds, rank=10),
        MenuEntry(N_("특별 판매"), Exhibitions, rank=20),
        MenuEntry(N_("공동구매"), GroupBuys, rank=30),
        MenuEntry(N_("우체국쇼핑·바깥 상품"), Picks, rank=35),
        MenuEntry(N_("내 주문"), MyOrders, rank=40),
    )
    app.menu(
        "coordinator",
        MenuEntry(N_("공동구매 열기"), CoordinatorGroupBuy, rank=80),
        MenuEntry(N_("입점 신청"), ServeRequests, rank=87),
    )
    app.intent(
        Intent("shop.browse", N_("가게별 상품"), lambda slot: ShopKinds()),
        Intent("shop.exhibitions", N_("특별 판매"), lambda slot: Exhibitions()),
        Intent("shop.groupbuy", N_("공동구매"), lambda slot: GroupBuys()),
        Intent("shop.orders", N_("내 주문"), lambda slot: MyOrders()),
        Intent("shop.picks", N_("우체국쇼핑·바깥 상품"), lambda slot: Picks()),
    )
