"""How 제휴상가 혜택 plugs in: `register(app)` adds its routers, dialogs, menu entries and
notification kinds (what the feature is: see the package docstring)."""

from __future__ import annotations

from bot.dialogs.partners import offer, redeem
from bot.engine.assembly import FeatureApp
from bot.engine.context import Ctx
from bot.engine.intents import Intent
from bot.engine.menus import MenuEntry
from bot.handlers.partners import browse, notices, shop, slot
from bot.handlers.partners.actions import OpenSlot, PartnerMenu, PartnerOffers, SlotChoices
from bot.i18n import N_
from core.partners.offers import runs_partner_shop
from core.partners.slots import current_slot


async def is_partner(ctx: Ctx) -> bool:
    return await runs_partner_shop(ctx.uow, ctx.membership)


async def has_slot(ctx: Ctx) -> bool:
    return await current_slot(ctx.uow, ctx.clock, ctx.membership) is not None


def register(app: FeatureApp) -> None:
    app.routers(browse.router, shop.router, slot.router)
    app.add_dialogs(*offer.DIALOGS, *redeem.DIALOGS)
    notices.register(app.services)
    app.menu("home", MenuEntry(N_("우리 가게 혜택"), PartnerMenu, rank=21, shown=is_partner))
    app.menu(
        "shop",
        MenuEntry(N_("오늘의 추천"), OpenSlot, rank=3, shown=has_slot),
        MenuEntry(N_("동네 가게 혜택"), PartnerOffers, rank=25),
    )
    app.menu("coordinator", MenuEntry(N_("알뜰쇼핑 추천 자리"), SlotChoices, rank=82))
    app.intent(Intent("partners.offers", N_("동네 가게 혜택"), lambda slot: PartnerOffers()))
