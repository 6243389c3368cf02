"""코디네이터 → 공동구매 열기: a coordinator opens a group buy for a product of any shop of the
complex, through the vendor's group-buy dialog ("vendor.groupbuy"); core checks that the
member coordinates the complex and that the product is of it."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.shop.actions import GROUP_BUY_DIALOG, CoordinatorGroupBuy
from bot.handlers.shop.words import pickups
from bot.screens import Screen
from core.shop import reading

router = Router()


@router.on(CoordinatorGroupBuy)
async def start_group_buy(ctx: Ctx, action: CoordinatorGroupBuy) -> Screen:
    choices = await reading.coordinator_group_buy_choices(ctx.uow, ctx.membership)
    if not choices.products:
        text = ctx._("우리 단지 가게에 올라온 상품이 아직 없어요. 입점 업체를 먼저 초대해 주세요.")
        return ctx.screen(text, back=OpenCoordinator())
    return await ctx.start_dialog(
        GROUP_BUY_DIALOG,
        _products=[
            [i.product.id, f"{i.product.name} ({i.shop_name})", i.product.price]
            for i in choices.products
        ],
        _pickups=list(pickups(ctx.services.config, choices.complex_code)),
        _coordinator=True,
    )
