"""우리 가게 혜택: a partner shop's vendor sees its offers (coupons given and used), publishes
a new one, stops one early, and redeems a coupon by the code a resident shows. Shown on home
to vendors of a 제휴상가; core checks the shop is the vendor's own and a partner shop."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.partners.actions import (
    CODE_DIALOG,
    OFFER_DIALOG,
    CloseOffer,
    NewOffer,
    PartnerMenu,
    RedeemCoupon,
)
from bot.handlers.partners.render import partner_menu_screen
from bot.screens import Screen
from core.partners import offers
from core.partners.offers import partner_shop

router = Router()


@router.on(PartnerMenu)
async def partner_menu(ctx: Ctx, action: PartnerMenu) -> Screen:
    return await partner_menu_screen(ctx)


@router.on(NewOffer)
async def new_offer(ctx: Ctx, action: NewOffer) -> Screen:
    await partner_shop(ctx.uow, ctx.membership)
    return await ctx.start_dialog(OFFER_DIALOG)


@router.on(CloseOffer)
async def close_offer(ctx: Ctx, action: CloseOffer) -> Screen:
    offer = await offers.close_offer(ctx.uow, ctx.membership, action.offer_id)
    note = ctx._(
        "'{title}' 쿠폰을 그만 받아요. 이미 받은 쿠폰은 기간 안에 쓸 수 있어요.", title=offer.title
    )
    return await partner_menu_screen(ctx, note)


@router.on(RedeemCoupon)
async def redeem_coupon(ctx: Ctx, action: RedeemCoupon) -> Screen:
    await partner_shop(ctx.uow, ctx.membership)
    return await ctx.start_dialog(CODE_DIALOG)
