"""주문 내역: the vendor's order history, newest first, completed orders included, with 환불
on orders already picked up (수령완료). The refund asks a reason and a confirmation (the
confirming button works once); core takes the reward back and returns any points used, or
refuses when the buyer has already spent the reward."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import Action, Router
from bot.engine.context import Ctx
from bot.handlers.shop_vendor import PAGE, VendorMenu, order_lines
from bot.screens import Screen
from core.shop import orders
from core.shop.model import OrderStatus

router = Router()


@dataclass(frozen=True)
class VendorHistory(Action, kind="vendor.history"):
    offset: int = 0


@dataclass(frozen=True)
class RefundOrder(Action, kind="vendor.refund", single_use=True):
    order_id: int


@router.on(VendorHistory)
async def vendor_history(ctx: Ctx, action: VendorHistory, note: str = "") -> Screen:
    found, total = await orders.shop_history(ctx.uow, ctx.membership, offset=action.offset)
    if not total:
        text = ctx._("아직 주문 내역이 없어요.")
        return ctx.screen(f"{note}\n{text}".strip(), back=VendorMenu())
    cards = []
    for order in found:
        product = await ctx.uow.shop.get_product(order.product_id)
        buttons = ()
        if order.status == OrderStatus.PICKED_UP:
            buttons = (ctx.button(ctx._("환불"), RefundOrder(order.id)),)
        title = f"{order.number} · {product.name}"
        lines = (ctx.t.datetime(order.created_at, "M/d"), *order_lines(ctx, order))
        cards.append(ctx.card(title, *lines, buttons=buttons))
    more = []
    if action.offset + PAGE < total:
        more.append(ctx.button(ctx._("내역 더보기"), VendorHistory(action.offset + PAGE)))
    text = ctx._("[주문 내역] 모두 {n}건이에요. 최근 것부터 보여 드려요.", n=total)
    return ctx.screen(f"{note}\n{text}".strip(), *more, back=VendorMenu(), cards=tuple(cards))


@router.on(RefundOrder)
async def refund_order(ctx: Ctx, action: RefundOrder) -> Screen:
    order = await orders.shop_order(ctx.uow, ctx.membership, action.order_id)
    if order.status != OrderStatus.PICKED_UP:
        return await vendor_history(
            ctx, VendorHistory(), ctx._("수령완료된 주문만 환불할 수 있어요.")
        )
    return await ctx.start_dialog(
        "vendor.refund", _order_id=order.id, _number=order.number, _total=order.total,
        _points=order.points_used,
    )  # fmt: skip
