"""오늘의 추천, the promotion slot on 알뜰쇼핑: residents open what the coordinator put there
(a partner offer with 쿠폰 받기, or a 기획전's products); a coordinator picks an open offer or
a 기획전 on now for the next 7 days (코디네이터 → 알뜰쇼핑 추천 자리)."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.identity.actions import OpenSection
from bot.handlers.partners.actions import AssignSlot, ClaimCoupon, OpenSlot, SlotChoices
from bot.handlers.partners.words import offer_card
from bot.handlers.shop.actions import ShopProducts
from bot.screens import Screen
from core.ids import saved
from core.partners import slots

router = Router()
SLOT_DAYS = 7


@router.on(OpenSlot)
async def open_slot(ctx: Ctx, action: OpenSlot) -> Screen:
    slot = await slots.current_slot(ctx.uow, ctx.clock, ctx.membership)
    if slot is not None and slot.offer is not None:
        claim = ctx.button(ctx._("쿠폰 받기"), ClaimCoupon(saved(slot.offer.id)))
        card = offer_card(ctx, slot.offer, slot.shop_name, (claim,))
        return ctx.screen(ctx._("[오늘의 추천]"), back=OpenSection("shop"), cards=(card,))
    if slot is not None and slot.exhibition is not None:
        see = ctx.button(
            slot.exhibition.title, ShopProducts(exhibition_id=saved(slot.exhibition.id))
        )
        return ctx.screen(ctx._("[오늘의 추천]"), see, back=OpenSection("shop"))
    return ctx.screen(ctx._("지금은 추천이 없어요."), back=OpenSection("shop"))


@router.on(SlotChoices)
async def slot_choices(ctx: Ctx, action: SlotChoices) -> Screen:
    offers, exhibitions = await slots.choices(ctx.uow, ctx.clock, ctx.membership)
    buttons = [
        ctx.button(f"{i.shop_name} · {i.offer.title}", AssignSlot(offer_id=saved(i.offer.id)))
        for i in offers[:6]
    ]
    buttons += [
        ctx.button(
            ctx._("특별 판매: {title}", title=e.title), AssignSlot(exhibition_id=saved(e.id))
        )
        for e in exhibitions[:4]
    ]
    if not buttons:
        return ctx.screen(ctx._("추천할 혜택이나 특별 판매가 없어요."))
    text = ctx._("알뜰쇼핑 첫 자리에 {n}일 동안 무엇을 보여 줄까요?", n=SLOT_DAYS)
    return ctx.screen(text, *buttons)


@router.on(AssignSlot)
async def assign_slot(ctx: Ctx, action: AssignSlot) -> Screen:
    await slots.assign_slot(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        offer_id=action.offer_id or None,
        exhibition_id=action.exhibition_id or None,
        days=SLOT_DAYS,
    )
    text = ctx._("알뜰쇼핑 '오늘의 추천'에 {n}일 동안 보여 드려요.", n=SLOT_DAYS)
    return ctx.screen(text)
