"""How the shop's lists look, shared by its handlers and dialogs: product cards (commerce cards
on KakaoTalk), a resident's order card, and the vendor's two order lists (주문 관리 and
주문 내역), which differ only in wording, their cards and their 더보기."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.actions import Action
from bot.engine.context import Ctx
from bot.handlers.shop.actions import (
    AskRefund,
    CancelOrder,
    CancelWithReason,
    ConfirmPaid,
    MoveOrder,
    RefundOrder,
    StartOrder,
    VendorHistory,
    VendorMenu,
    VendorOrders,
)
from bot.handlers.shop.words import NEXT_STEP, payment_word, status_word
from bot.screens import Button, Card, Screen
from core.ids import saved
from core.shop.model import RESIDENT_CANCELLABLE, Order, OrderStatus, Payment, Product
from core.shop.reading import OrderItem, OrderPage, ProductItem

PAGE = 5  # orders and products a page


def product_card(
    ctx: Ctx,
    product: Product,
    shop_name: str,
    *,
    buy: bool = True,
    sale: int | None = None,
    exhibition_id: int = 0,
) -> Card:
    """`sale`: a 기획전's sale price, shown after the price; `exhibition_id`: 주문하기 orders
    from that 기획전 (core prices it)."""
    price = ctx.t.won(product.price)
    if sale is not None:
        price = ctx._("정가 {price} → 특별 판매가 {sale}", price=price, sale=ctx.t.won(sale))
    lines = [f"{shop_name} · {price} / {product.unit}"]
    lines.append(ctx._("남은 수량 {n}", n=product.stock) if product.stock else ctx._("품절이에요"))
    if product.description:
        lines.append(product.description[:60])
    buttons: tuple[Button, ...] = ()
    if buy and product.stock:
        order = StartOrder(saved(product.id), exhibition_id)
        buttons = (ctx.button(ctx._("주문하기"), order),)
    image = ctx.services.media.url(product.photo) if product.photo else None
    shown = product.price if sale is None else sale
    return ctx.card(product.name, *lines, buttons=buttons, price=shown, image_url=image)


def product_cards(
    ctx: Ctx, items: list[ProductItem], sales: dict[int, int] | None = None, exhibition_id: int = 0
) -> tuple[Card, ...]:
    """Product cards; in a 기획전 (`exhibition_id`) with its sale prices (`sales`)."""
    sales = sales or {}
    return tuple(
        product_card(
            ctx,
            item.product,
            item.shop_name,
            sale=sales.get(saved(item.product.id)),
            exhibition_id=exhibition_id,
        )
        for item in items
    )


def resident_order_card(ctx: Ctx, item: OrderItem) -> Card:
    """An order in 내 주문, with 주문 취소 while the resident may still cancel it and 환불 요청
    once it was picked up; a 계좌이체 still to be paid shows where to send the money."""
    order = item.order
    lines = [
        ctx._("{n}개 · {total}", n=order.quantity, total=ctx.t.won(order.total)),
        ctx._("상태: {status}", status=status_word(ctx.t, order.status)),
        ctx._("받는 곳: {pickup}", pickup=order.pickup),
        payment_word(ctx.t, order.payment)
        + (ctx._(" · 포인트 {n}점", n=order.points_used) if order.points_used else ""),
    ]
    if item.pay_to is not None:
        lines.append(
            ctx._(
                "입금하실 곳: {bank} {number} (예금주 {holder}) · {won}",
                bank=item.pay_to.bank,
                number=item.pay_to.number,
                holder=item.pay_to.holder,
                won=ctx.t.won(order.money),
            )
        )
    buttons: tuple[Button, ...] = ()
    if order.status in RESIDENT_CANCELLABLE and order.group_buy_id is None:
        buttons = (ctx.button(ctx._("주문 취소"), CancelOrder(saved(order.id))),)
    elif order.status == OrderStatus.PICKED_UP:
        buttons = (ctx.button(ctx._("환불 요청"), AskRefund(saved(order.id))),)
    return ctx.card(f"{order.number} · {item.product_name}", *lines, buttons=buttons)


def order_lines(ctx: Ctx, order: Order, where: str = "") -> list[str]:
    """An order's quantity, total, status, pickup, payment and points used (for vendors);
    `where`: the complex of an order placed in another complex the shop serves."""
    paid = ""
    if order.payment == Payment.TRANSFER and order.money:
        paid = ctx._(" (입금 확인)") if order.paid else ctx._(" (입금 전)")
    lines = [
        ctx._("{n}개 · {total}", n=order.quantity, total=ctx.t.won(order.total)),
        ctx._("상태: {status}", status=status_word(ctx.t, order.status)),
        ctx._("받는 곳: {pickup}", pickup=order.pickup),
        payment_word(ctx.t, order.payment) + paid,
    ]
    if where:
        lines.insert(2, ctx._("단지: {complex}", complex=where))
    if order.points_used:
        lines.append(ctx._("포인트 {n}점 사용", n=order.points_used))
    return lines


def open_order_card(ctx: Ctx, item: OrderItem) -> Card:
    """An order in 주문 관리: its next step, 입금 확인 and 주문 취소."""
    order = item.order
    order_id = saved(order.id)
    buttons = []
    if order.status in NEXT_STEP:
        target, label = NEXT_STEP[OrderStatus(order.status)]
        buttons.append(ctx.button(ctx._(label), MoveOrder(order_id, target.value)))
    if order.payment == Payment.TRANSFER and not order.paid and order.money:
        buttons.append(ctx.button(ctx._("입금 확인"), ConfirmPaid(order_id)))
    buttons.append(ctx.button(ctx._("주문 취소"), CancelWithReason(order_id)))
    title = f"{order.number} · {item.product_name}"
    lines = order_lines(ctx, order, item.complex_name)
    return ctx.card(title, *lines, buttons=tuple(buttons[:3]))


def history_card(ctx: Ctx, item: OrderItem) -> Card:
    """An order in 주문 내역: its day, and 환불 once it was picked up."""
    order = item.order
    buttons: tuple[Button, ...] = ()
    if order.status == OrderStatus.PICKED_UP:
        buttons = (ctx.button(ctx._("환불"), RefundOrder(saved(order.id))),)
    lines = (ctx.t.short_day(order.created_at), *order_lines(ctx, order, item.complex_name))
    return ctx.card(f"{order.number} · {item.product_name}", *lines, buttons=buttons)


def _vendor_list(
    ctx: Ctx,
    page: OrderPage,
    note: str,
    *,
    empty: str,
    heading: str,
    more: Button | None,
    card: Callable[[Ctx, OrderItem], Card],
) -> Screen:
    if not page.total:
        return ctx.screen(f"{note}\n{empty}".strip(), back=VendorMenu())
    cards = tuple(card(ctx, item) for item in page.items)
    buttons = [more] if more is not None else []
    return ctx.screen(f"{note}\n{heading}".strip(), *buttons, back=VendorMenu(), cards=cards)


def _more(ctx: Ctx, page: OrderPage, offset: int, label: str, action: Action) -> Button | None:
    return ctx.button(label, action) if offset + PAGE < page.total else None


def open_orders_screen(ctx: Ctx, page: OrderPage, offset: int = 0, note: str = "") -> Screen:
    """주문 관리: the vendor's open orders, oldest first."""
    return _vendor_list(
        ctx,
        page,
        note,
        empty=ctx._("처리할 주문이 없어요."),
        heading=ctx._(
            "[주문 관리] 처리할 주문 {n}건이에요. 오래된 것부터 보여 드려요.", n=page.total
        ),
        more=_more(ctx, page, offset, ctx._("주문 더보기"), VendorOrders(offset + PAGE)),
        card=open_order_card,
    )


def history_screen(ctx: Ctx, page: OrderPage, offset: int = 0, note: str = "") -> Screen:
    """주문 내역: every order of the vendor's shop, newest first, with 환불."""
    return _vendor_list(
        ctx,
        page,
        note,
        empty=ctx._("아직 주문 내역이 없어요."),
        heading=ctx._("[주문 내역] 모두 {n}건이에요. 최근 것부터 보여 드려요.", n=page.total),
        more=_more(ctx, page, offset, ctx._("내역 더보기"), VendorHistory(offset + PAGE)),
        card=history_card,
    )
