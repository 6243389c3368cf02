"""How 제휴상가 혜택 screens look, shared by handlers and dialogs: a coupon with its code and
QR (to show at the counter) and the vendor's 우리 가게 혜택 menu. The QR image holds only the
QR modules — no text, so no font — and the media store is content-addressed, so showing the
same coupon again stores nothing new."""

from __future__ import annotations

import io

from bot.engine.context import Ctx
from bot.handlers.partners.actions import (
    CloseOffer,
    MyCoupons,
    NewOffer,
    PartnerOffers,
    RedeemCoupon,
)
from bot.handlers.partners.words import discount_text, offer_lines
from bot.households.letters import qr_image
from bot.screens import Button, Screen
from core.ids import saved
from core.partners import offers
from core.partners.coupons import MyCoupon, display_code

SHOWN = 8  # cards a screen (KakaoTalk carousels hold 10)


def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    qr_image(data).save(buffer, format="PNG")
    return buffer.getvalue()


async def qr_url(ctx: Ctx, data: str) -> str:
    media_id = await ctx.services.media.put(qr_png(data), "image/png")
    return ctx.services.media.url(media_id)


async def coupon_screen(ctx: Ctx, item: MyCoupon, note: str = "") -> Screen:
    """One coupon: its code and its QR, to show at the counter."""
    code = display_code(item.coupon.code)
    lines = [
        note,
        ctx._("[{shop}] {title}", shop=item.shop_name, title=item.offer.title),
        discount_text(ctx.t, item.offer.discount_kind, item.offer.discount),
        ctx._("쿠폰 번호: {code}", code=code),
    ]
    if not item.usable:
        lines.append(ctx._("이미 사용했거나 기간이 끝난 쿠폰이에요."))
        return ctx.screen("\n".join(x for x in lines if x), back=MyCoupons())
    lines.append(ctx._("가게 위치: {place}", place=item.offer.place))
    lines.append(ctx._("영업시간: {hours}", hours=item.offer.hours))
    lines.append(ctx._("{day}까지 쓸 수 있어요.", day=ctx.t.short_day(item.offer.ends_at)))
    lines.append(ctx._("계산할 때 이 화면을 보여 주세요."))
    return ctx.screen(
        "\n".join(x for x in lines if x),
        ctx.button(ctx._("내 쿠폰"), MyCoupons()),
        back=PartnerOffers(),
        image_url=await qr_url(ctx, code),
        image_alt=ctx._("쿠폰 번호 {code}의 QR 코드", code=code),
    )


async def partner_menu_screen(ctx: Ctx, note: str = "") -> Screen:
    """우리 가게 혜택: the shop's offers (coupons given and used), 쿠폰 사용 처리, 혜택 올리기."""
    mine = await offers.shop_offers(ctx.uow, ctx.membership)
    now = ctx.clock.now()
    cards = []
    for offer in mine.offers[:SHOWN]:
        lines = offer_lines(ctx.t, offer)
        used = mine.used.get(saved(offer.id), 0)
        lines.append(ctx._("쿠폰 {given}장 나감 · {used}장 사용", given=offer.claimed, used=used))
        buttons: tuple[Button, ...] = ()
        if offer.is_open(now):
            buttons = (ctx.button(ctx._("그만 받기"), CloseOffer(saved(offer.id))),)
        else:
            lines.append(ctx._("쿠폰 받기 끝남"))
        cards.append(ctx.card(offer.title, *lines, buttons=buttons))
    text = ctx._("[우리 가게 혜택] {name}\n무엇을 할까요?", name=mine.shop.name)
    if note:
        text = f"{note}\n{text}"
    return ctx.screen(
        text,
        ctx.button(ctx._("쿠폰 사용 처리"), RedeemCoupon()),
        ctx.button(ctx._("혜택 올리기"), NewOffer()),
        cards=tuple(cards),
    )
