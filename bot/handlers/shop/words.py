"""How the shop reads: shop kinds, order statuses and payments in words, product cards
(commerce cards on KakaoTalk), a group buy's progress ("32/50개, 내일 18:00 마감") and the
pickup slots of a complex from `[shop] pickup`, and a refund's settlement."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import N_, Translator
from core.points.refunds import RefundPlan
from core.shop.model import GroupBuy, OrderStatus, Payment, ShopKind

KIND_WORDS: dict[str, str] = {
    ShopKind.LOCAL_FOOD: N_("로컬푸드"),
    ShopKind.SOCIAL: N_("사회적기업"),
    ShopKind.SME: N_("중소기업"),
    ShopKind.PARTNER: N_("제휴상가"),
}
STATUS_WORDS: dict[str, str] = {
    OrderStatus.PLACED: N_("주문접수"),
    OrderStatus.CONFIRMED: N_("확인"),
    OrderStatus.READY: N_("준비완료"),
    OrderStatus.PICKED_UP: N_("수령완료"),
    OrderStatus.CANCELLED: N_("취소"),
    OrderStatus.REFUNDED: N_("환불"),
}
PAYMENT_WORDS: dict[str, str] = {
    Payment.ON_SITE: N_("만나서 내기"),
    Payment.TRANSFER: N_("통장 입금"),
}
# The vendor's next step for an order, as its button label.
NEXT_STEP = {
    OrderStatus.PLACED: (OrderStatus.CONFIRMED, N_("확인")),
    OrderStatus.CONFIRMED: (OrderStatus.READY, N_("준비완료")),
    OrderStatus.READY: (OrderStatus.PICKED_UP, N_("수령완료")),
}


def kind_word(t: Translator, kind: str) -> str:
    return t._(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def status_word(t: Translator, status: str) -> str:
    return t._(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def payment_word(t: Translator, payment: str) -> str:
    return t._(PAYMENT_WORDS[payment]) if payment in PAYMENT_WORDS else payment


def pickups(config, complex_code: str) -> tuple[str, ...]:
    """The complex's pickup slots: entries "CODE=slot" for it, and entries without a code."""
    found = []
    for entry in config.shop.pickup:
        code, sep, slot = entry.partition("=")
        if not sep:
            found.append(entry.strip())
        elif code.strip().upper() == complex_code.upper():
            found.append(slot.strip())
    return tuple(s for s in found if s)


def deadline_words(t: Translator, deadline: datetime, now: datetime) -> str:
    """ "내일 18:00 마감" (오늘, 내일, or in n days; never "D-1")."""
    days = (deadline.astimezone(t.tz).date() - now.astimezone(t.tz).date()).days
    time = t.clock(deadline)
    if days <= 0:
        return t._("오늘 {time} 마감", time=time)
    if days == 1:
        return t._("내일 {time} 마감", time=time)
    return t._("{n}일 뒤 {time} 마감", n=days, time=time)


def progress(t: Translator, item: GroupBuy, now: datetime) -> str:
    """ "32/50개, 내일 18:00 마감"."""
    text = t._("{joined}/{minimum}개", joined=item.joined, minimum=item.minimum)
    if item.maximum:
        text += t._(" (최대 {maximum}개)", maximum=item.maximum)
    return f"{text}, {deadline_words(t, item.deadline, now)}"


def settlement_lines(t: Translator, plan: RefundPlan) -> list[str]:
    """A refund's settlement as both sides read it: the cash, what of the reward was already
    spent (and so kept back), the points paid that come back, the reward taken back."""
    lines = [t._("돌려줄 돈: {cash} (낸 돈 {paid})", cash=t.won(plan.cash), paid=t.won(plan.paid))]
    if plan.absorbed:
        lines.append(
            t._(
                "이 주문으로 쌓인 포인트 중 이미 쓴 {n}점은 돌려줄 돈에서 빼요.",
                n=t.number(plan.absorbed),
            )
        )
    if plan.points_back:
        lines.append(
            t._("주문에 쓴 포인트 {n}점은 주문하신 분께 돌아가요.", n=t.number(plan.points_back))
        )
    if plan.personal or plan.common:
        lines.append(
            t._(
                "적립 취소: 주문하신 분 {personal}점, 단지 공용 {common}점",
                personal=t.number(plan.personal),
                common=t.number(plan.common),
            )
        )
    return lines
