"""How partner offers read: the discount ("10% 할인", "3,000원 할인"), its conditions, and an
offer card for residents and for the shop."""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.i18n import Translator
from bot.screens import Button, Card
from core.partners.model import DiscountKind, Offer


def discount_text(t: Translator, kind: str, discount: int) -> str:
    if kind == DiscountKind.PERCENT:
        return t._("{n}% 할인", n=discount)
    return t._("{amount} 할인", amount=t.won(discount))


def offer_lines(t: Translator, offer: Offer) -> list[str]:
    lines = [discount_text(t, offer.discount_kind, offer.discount)]
    if offer.min_spend:
        lines[0] += t._(" ({amount} 이상 살 때)", amount=t.won(offer.min_spend))
    lines.append(t._("가게 위치: {place}", place=offer.place))
    lines.append(t._("영업시간: {hours}", hours=offer.hours))
    lines.append(t._("{day}까지", day=t.short_day(offer.ends_at)))
    if offer.left is not None:
        lines.append(t._("남은 쿠폰 {n}장", n=offer.left))
    return lines


def offer_card(ctx: Ctx, offer: Offer, shop_name: str, buttons: tuple[Button, ...] = ()) -> Card:
    title = f"{shop_name} · {offer.title}"
    return ctx.card(title, *offer_lines(ctx.t, offer), buttons=buttons)
