"""What the shop sends on its own: a new or cancelled order or a 환불 요청 to the shop's
vendors, an order's status, confirmed payment or refund to its buyer, and the group buy's
reminders and result; plus the scheduled jobs that send the reminders and decide a group buy
at its deadline, exactly once (core claims 모집중 → 마감중 with one conditional update)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.handlers.shop.actions import MyOrders, OpenGroupBuy, VendorHistory, VendorOrders
from bot.handlers.shop.words import settlement_lines, status_word
from bot.i18n import N_, Translator
from bot.scheduler import JobContext
from bot.screens import Button, Screen
from core.notifications import Notification
from core.points.refunds import RefundPlan
from core.shop import groupbuys
from core.shop.events import (
    GroupBuyClosing,
    GroupBuyEve,
    GroupBuyFacts,
    GroupBuyFailed,
    GroupBuyPickup,
    GroupBuySucceeded,
    OrderCancelled,
    OrderPaid,
    OrderPlaced,
    OrderRefunded,
    OrderStatusChanged,
    RefundAsked,
    RefundEvent,
)


def _mine(t: Translator) -> tuple[Button, ...]:
    return (Button(t._("내 주문"), MyOrders().dump()),)


def _orders(t: Translator) -> tuple[Button, ...]:
    return (Button(t._("주문 관리"), VendorOrders().dump()),)


def _group_buy(t: Translator, p: GroupBuyFacts) -> tuple[Button, ...]:
    return (Button(t._("공동구매 보기"), OpenGroupBuy(p.group_buy_id).dump()),)


def new_order(t: Translator, p: OrderPlaced) -> Screen:
    """The complex is named in the first line (kept when notices are listed together) when
    the order comes from a complex the shop serves besides its own."""
    if p.complex_name:
        text = t._(
            "[새 주문 {number} · {complex}]\n{product} {n}개를 주문받았어요. "
            "'주문 관리'에서 확인해 주세요.",
            number=p.number,
            complex=p.complex_name,
            product=p.product,
            n=p.quantity,
        )
    else:
        text = t._(
            "[새 주문 {number}]\n{product} {n}개를 주문받았어요. '주문 관리'에서 확인해 주세요.",
            number=p.number,
            product=p.product,
            n=p.quantity,
        )
    return Screen(text, buttons=_orders(t))


def cancelled_order(t: Translator, p: OrderCancelled) -> Screen:
    text = t._("[주문 취소 {number}]\n주문하신 분이 주문을 취소했어요.", number=p.number)
    return Screen(text, buttons=_orders(t))


def order_status(t: Translator, p: OrderStatusChanged) -> Screen:
    text = t._(
        "[주문 {number}]\n주문이 '{status}' 상태가 되었어요.",
        number=p.number,
        status=status_word(t, p.status),
    )
    if p.reason:
        text += "\n" + t._("까닭: {reason}", reason=p.reason)
    if p.status == "ready":
        text += "\n" + t._("받는 곳에서 찾아가 주세요.")
    return Screen(text, buttons=_mine(t))


def order_paid(t: Translator, p: OrderPaid) -> Screen:
    text = t._("[주문 {number}]\n가게에서 입금을 확인했어요.", number=p.number)
    return Screen(text, buttons=_mine(t))


def _settlement(t: Translator, p: RefundEvent) -> str:
    plan = RefundPlan(p.paid, p.points_back, p.personal, p.common, p.absorbed, p.cash)
    lines = [t._("까닭: {reason}", reason=p.reason), *settlement_lines(t, plan)]
    return "\n".join(lines)


def refund_asked(t: Translator, p: RefundAsked) -> Screen:
    text = t._(
        "[환불 요청 {number}]\n주문하신 분이 환불을 요청했어요. '주문 내역'에서 '환불'을 "
        "눌러 주세요. 지금 환불하면 이렇게 정산돼요.",
        number=p.number,
    )
    buttons = (Button(t._("주문 내역"), VendorHistory().dump()),)
    return Screen(text + "\n" + _settlement(t, p), buttons=buttons)


def order_refunded(t: Translator, p: OrderRefunded) -> Screen:
    text = t._("[환불 {number}]\n가게에서 주문을 환불했어요.", number=p.number)
    return Screen(text + "\n" + _settlement(t, p), buttons=_mine(t))


def _when(t: Translator, when: datetime) -> str:
    return t.datetime(when)


def gb_succeeded(t: Translator, p: GroupBuySucceeded) -> Screen:
    text = t._(
        "[공동구매 성사] {title}\n{joined}개가 모여 성사되었어요! 참여하신 {n}개를 "
        "{when}에 {place}에서 받아 가세요.",
        title=p.title,
        joined=p.joined,
        n=p.quantity,
        when=_when(t, p.pickup_at),
        place=p.place,
    )
    return Screen(text, buttons=_mine(t))


def gb_failed(t: Translator, p: GroupBuyFailed) -> Screen:
    text = t._(
        "[공동구매 무산] {title}\n마감까지 {joined}/{minimum}개가 모여 공동구매가 "
        "무산되었어요. 참여는 취소되었고, 쓰신 포인트는 돌려 드렸어요.",
        title=p.title,
        joined=p.joined,
        minimum=p.minimum,
    )
    return Screen(text, buttons=_mine(t))


def gb_eve(t: Translator, p: GroupBuyEve) -> Screen:
    text = t._(
        "[공동구매 마감 하루 전] {title}\n{when}에 마감해요. 지금 {joined}/{minimum}개예요. "
        "수량을 바꾸거나 취소하려면 마감 전에 해 주세요.",
        title=p.title,
        when=_when(t, p.deadline),
        joined=p.joined,
        minimum=p.minimum,
    )
    return Screen(text, buttons=_group_buy(t, p))


def gb_closing(t: Translator, p: GroupBuyClosing) -> Screen:
    text = t._(
        "[마감 임박] 공동구매 {title}\n{when}에 마감해요. 지금 {joined}/{minimum}개라 "
        "조금만 더 모이면 성사돼요.",
        title=p.title,
        when=_when(t, p.deadline),
        joined=p.joined,
        minimum=p.minimum,
    )
    return Screen(text, buttons=_group_buy(t, p))


def gb_pickup(t: Translator, p: GroupBuyPickup) -> Screen:
    text = t._(
        "[공동구매 받는 날] {title}\n오늘 {when}에 {place}에서 받아 가세요.",
        title=p.title,
        when=_when(t, p.pickup_at),
        place=p.place,
    )
    return Screen(text, buttons=_mine(t))


RENDERERS: dict[type[Notification], Callable[[Translator, Any], Screen]] = {
    OrderPlaced: new_order,
    OrderCancelled: cancelled_order,
    OrderStatusChanged: order_status,
    OrderPaid: order_paid,
    RefundAsked: refund_asked,
    OrderRefunded: order_refunded,
    GroupBuySucceeded: gb_succeeded,
    GroupBuyFailed: gb_failed,
    GroupBuyEve: gb_eve,
    GroupBuyClosing: gb_closing,
    GroupBuyPickup: gb_pickup,
}


async def close_group_buy(job: JobContext) -> None:
    """ "shop.gb.deadline": decide the group buy. Late or repeated, it still decides once."""
    await groupbuys.close_at_deadline(
        job.uow, job.services.clock, int(job.payload["group_buy_id"])
    )


async def remind_group_buy(job: JobContext) -> None:
    """ "shop.gb.remind": core skips a reminder whose moment has passed."""
    p = job.payload
    await groupbuys.remind(
        job.uow, job.services.clock, int(p["group_buy_id"]), str(p["what"]), job.late
    )


# How the inbox digest names several waiting notifications of a kind ("주문 3건").
LABELS: dict[type[Notification], str] = {
    OrderPlaced: N_("새 주문"),
    OrderCancelled: N_("주문 취소"),
    OrderStatusChanged: N_("주문 소식"),
    OrderPaid: N_("결제 완료"),
    RefundAsked: N_("환불 요청"),
    OrderRefunded: N_("환불"),
    GroupBuySucceeded: N_("공동구매 성사"),
    GroupBuyFailed: N_("공동구매 무산"),
    GroupBuyEve: N_("공동구매 마감 전날"),
    GroupBuyClosing: N_("공동구매 마감 임박"),
    GroupBuyPickup: N_("공동구매 수령"),
}


def register(services) -> None:
    """Notification kinds and job kinds (building the engine twice registers once)."""
    for kind, renderer in RENDERERS.items():
        if kind not in services.notifications:
            services.notifications.register(kind, renderer, LABELS[kind])
    services.jobs.register(groupbuys.DEADLINE_JOB, close_group_buy)
    services.jobs.register(groupbuys.REMIND_JOB, remind_group_buy)
