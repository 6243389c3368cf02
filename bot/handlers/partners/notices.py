"""What 제휴상가 혜택 sends on its own: "쿠폰을 사용했어요" with the points it earned, to the
resident whose coupon a shop redeemed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.handlers.partners.actions import MyCoupons
from bot.i18n import N_, Translator
from bot.screens import Button, Screen
from core.notifications import Notification
from core.partners.events import CouponUsed


def coupon_used(t: Translator, p: CouponUsed) -> Screen:
    text = t._(
        "[쿠폰 사용] {shop} · {title}\n{amount} 중 {discount} 할인받았어요.",
        shop=p.shop,
        title=p.title,
        amount=t.won(p.amount),
        discount=t.won(p.discount),
    )
    if p.points:
        text += "\n" + t._("포인트 {n}점이 쌓였어요.", n=p.points)
    return Screen(text, buttons=(Button(t._("내 쿠폰"), MyCoupons().dump()),))


RENDERERS: dict[type[Notification], Callable[[Translator, Any], Screen]] = {
    CouponUsed: coupon_used,
}
# How the inbox digest names several waiting notifications of a kind.
LABELS: dict[type[Notification], str] = {
    CouponUsed: N_("쿠폰 사용"),
}


def register(services) -> None:
    """Notification kinds (building the engine twice registers once)."""
    for kind, renderer in RENDERERS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer, LABELS[kind])
