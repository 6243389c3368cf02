"""What 제휴상가 혜택 sends on its own: "쿠폰을 사용했어요" with the points it earned, to the
resident whose coupon a shop redeemed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.handlers.partners.actions import MyCoupons, PartnerOffers, ToggleDigest
from bot.handlers.partners.words import discount_text
from bot.i18n import N_, Translator
from bot.scheduler import JobContext
from bot.screens import Button, Screen
from core.notifications import Notification
from core.partners import digest
from core.partners.events import CouponUsed, OffersDigest


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


def weekly_digest(t: Translator, p: OffersDigest) -> Screen:
    lines = [t._("[이번 주 동네 가게 혜택]")]
    for o in p.offers:
        lines.append(f"· {o.shop} — {o.title} ({discount_text(t, o.discount_kind, o.discount)})")
    buttons = (
        Button(t._("동네 가게 혜택"), PartnerOffers().dump()),
        Button(t._("매주 소식 그만 받기"), ToggleDigest(on=False).dump()),
    )
    return Screen("\n".join(lines), buttons=buttons)


async def run_digest(job: JobContext) -> None:
    """ "partners.digest": this week's digest of one complex (the outbox key makes it once)."""
    await digest.send_digest(job.uow, job.services.clock, int(job.payload["complex_id"]))


RENDERERS: dict[type[Notification], Callable[[Translator, Any], Screen]] = {
    CouponUsed: coupon_used,
    OffersDigest: weekly_digest,
}
# How the inbox digest names several waiting notifications of a kind.
LABELS: dict[type[Notification], str] = {
    CouponUsed: N_("쿠폰 사용"),
    OffersDigest: N_("동네 가게 혜택 소식"),
}


def register(services) -> None:
    """Notification kinds and the digest's job kind (building the engine twice registers
    once)."""
    for kind, renderer in RENDERERS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer, LABELS[kind])
    services.jobs.register(digest.DIGEST_JOB, run_digest)
