"""코디네이터 → 공동구매 열기: a coordinator opens a group buy for a product of any shop of the
complex, through the vendor's group-buy dialog ("vendor.groupbuy"); core checks that the
product is of the coordinator's complex."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.coordinator import COORDINATOR_ENTRIES, OpenCoordinator, require_coordinator
from bot.handlers.shop_words import pickups
from bot.i18n import N_
from bot.screens import Screen

router = Router()
CHOICES = 8  # products offered as buttons


@dataclass(frozen=True)
class CoordinatorGroupBuy(Action, kind="coord.groupbuy"):
    pass


COORDINATOR_ENTRIES += [(N_("공동구매 열기"), CoordinatorGroupBuy)]


@router.on(CoordinatorGroupBuy)
async def start_group_buy(ctx: Ctx, action: CoordinatorGroupBuy) -> Screen:
    require_coordinator(ctx)
    complex_ = await ctx.uow.complexes.get(ctx.membership.complex_id)
    products, _ = await ctx.uow.shop.products(complex_.id, limit=CHOICES)
    if not products:
        text = ctx._("우리 단지 가게에 올라온 상품이 아직 없어요. 입점 업체를 먼저 초대해 주세요.")
        return ctx.screen(text, back=OpenCoordinator())
    shops = {}
    for product in products:
        if product.shop_id not in shops:
            shops[product.shop_id] = (await ctx.uow.shop.get_shop(product.shop_id)).name
    return await ctx.start_dialog(
        "vendor.groupbuy",
        _products=[[p.id, f"{p.name} ({shops[p.shop_id]})", p.price] for p in products],
        _pickups=list(pickups(ctx.services.config, complex_.code)),
        _coordinator=True,
    )
