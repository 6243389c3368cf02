"""주문 내역: the vendor's order history, newest first, completed orders included, with 환불
on orders already picked up (수령완료). The refund asks a reason and a confirmation (the
confirming button works once); core takes the reward back and returns any points used, or
refuses when the buyer has already spent the reward."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import REFUND_DIALOG, RefundOrder, VendorHistory
from bot.handlers.shop.render import history_screen
from bot.screens import Screen
from core.shop import orders, reading
from core.shop.model import OrderStatus

router = Router()


async def _history(ctx: Ctx, note: str = "", offset: int = 0) -> Screen:
    page = await reading.order_history(ctx.uow, ctx.membership, offset)
    return history_screen(ctx, page, offset, note)


@router.on(VendorHistory)
async def vendor_history(ctx: Ctx, action: VendorHistory) -> Screen:
    return await _history(ctx, offset=action.offset)


@router.on(RefundOrder)
async def refund_order(ctx: Ctx, action: RefundOrder) -> Screen:
    order = await orders.shop_order(ctx.uow, ctx.membership, action.order_id)
    if order.status != OrderStatus.PICKED_UP:
        return await _history(ctx, ctx._("수령완료된 주문만 환불할 수 있어요."))
    return await ctx.start_dialog(
        REFUND_DIALOG,
        _order_id=order.id,
        _number=order.number,
        _total=order.total,
        _points=order.points_used,
    )
