"""동네 가게 혜택 for residents: the complex's open partner-shop offers as cards with 쿠폰 받기,
the coupon just claimed (its code and QR to show at the counter), and 내 쿠폰. Scope is
checked in core: another complex's offer, or one that ended, reads as "찾을 수 없어요"."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.identity.actions import OpenSection
from bot.handlers.partners.actions import (
    ClaimCoupon,
    MyCoupons,
    PartnerOffers,
    ShowCoupon,
    ToggleDigest,
)
from bot.handlers.partners.render import SHOWN, coupon_screen
from bot.handlers.partners.words import discount_text, offer_card
from bot.screens import Screen
from core.ids import saved
from core.partners import coupons, digest, reading
from core.partners.coupons import display_code

router = Router()


@router.on(PartnerOffers)
async def partner_offers(ctx: Ctx, action: PartnerOffers) -> Screen:
    return await _offers(ctx)


async def _offers(ctx: Ctx, note: str = "") -> Screen:
    items = await reading.open_offers(ctx.uow, ctx.clock, ctx.membership)
    mine = ctx.button(ctx._("내 쿠폰"), MyCoupons())
    if await digest.is_subscribed(ctx.uow, ctx.membership):
        weekly = ctx.button(ctx._("매주 소식 그만 받기"), ToggleDigest(on=False))
    else:
        weekly = ctx.button(ctx._("매주 소식 받기"), ToggleDigest(on=True))
    if not items:
        text = "\n".join(x for x in (note, ctx._("지금 열린 동네 가게 혜택이 없어요.")) if x)
        return ctx.screen(text, mine, weekly, back=OpenSection("shop"))
    cards = []
    for item in items[:SHOWN]:
        claim = ctx.button(ctx._("쿠폰 받기"), ClaimCoupon(saved(item.offer.id)))
        cards.append(offer_card(ctx, item.offer, item.shop_name, (claim,)))
    text = ctx._("[동네 가게 혜택] {n}곳이에요. 쿠폰을 받아 가게에서 보여 주세요.", n=len(items))
    text = f"{note}\n{text}" if note else text
    return ctx.screen(text, mine, weekly, back=OpenSection("shop"), cards=tuple(cards))


@router.on(ToggleDigest)
async def toggle_digest(ctx: Ctx, action: ToggleDigest) -> Screen:
    await digest.set_digest(ctx.uow, ctx.clock, ctx.membership, action.on)
    if action.on:
        return await _offers(ctx, ctx._("매주 월요일 아침에 동네 가게 혜택을 알려 드릴게요."))
    return await _offers(ctx, ctx._("매주 혜택 소식을 그만 보내 드려요."))


@router.on(ClaimCoupon)
async def claim_coupon(ctx: Ctx, action: ClaimCoupon) -> Screen:
    coupon = await coupons.claim_coupon(ctx.uow, ctx.clock, ctx.membership, action.offer_id)
    item = await coupons.own_coupon(ctx.uow, ctx.membership, saved(coupon.id))
    return await coupon_screen(ctx, item, ctx._("쿠폰을 받았어요!"))


@router.on(ShowCoupon)
async def show_coupon(ctx: Ctx, action: ShowCoupon) -> Screen:
    item = await coupons.own_coupon(ctx.uow, ctx.membership, action.coupon_id)
    return await coupon_screen(ctx, item)


@router.on(MyCoupons)
async def my_coupons(ctx: Ctx, action: MyCoupons) -> Screen:
    items = await coupons.my_coupons(ctx.uow, ctx.clock, ctx.membership)
    if not items:
        text = ctx._("아직 받은 쿠폰이 없어요.")
        return ctx.screen(text, ctx.button(ctx._("동네 가게 혜택"), PartnerOffers()))
    cards = []
    for item in items[:SHOWN]:
        state = ctx._("쓸 수 있어요") if item.usable else ctx._("사용했거나 끝났어요")
        lines = (
            discount_text(ctx.t, item.offer.discount_kind, item.offer.discount),
            ctx._("쿠폰 번호: {code}", code=display_code(item.coupon.code)),
            state,
        )
        show = (ctx.button(ctx._("쿠폰 보기"), ShowCoupon(saved(item.coupon.id))),)
        title = f"{item.shop_name} · {item.offer.title}"
        cards.append(ctx.card(title, *lines, buttons=show if item.usable else ()))
    text = ctx._("[내 쿠폰] {n}장이에요.", n=len(items))
    return ctx.screen(text, back=PartnerOffers(), cards=tuple(cards))
