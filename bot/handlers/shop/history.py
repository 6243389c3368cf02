"""주문 내역: the vendor's order history, newest first, completed orders included, with 환불
on orders already picked up (수령완료). The refund asks a reason, then shows the settlement
(core.shop.refunds) and a confirmation whose button works once."""

from __future__ import annotations

from dataclasses import asdict

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import REFUND_DIALOG, RefundOrder, VendorHistory
from bot.handlers.shop.render import history_screen
from bot.screens import Screen
from core.errors import DomainError
from core.shop import reading, refunds

router = Router()


async def _history(ctx: Ctx, note: str = "", offset: int = 0) -> Screen:
    page = await reading.order_history(ctx.uow, ctx.membership, offset)
    return history_screen(ctx, page, offset, note)


@router.on(VendorHistory)
async def vendor_history(ctx: Ctx, action: VendorHistory) -> Screen:
    return await _history(ctx, offset=action.offset)


@router.on(RefundOrder)
async def refund_order(ctx: Ctx, action: RefundOrder) -> Screen:
    try:
        order, plan = await refunds.preview_refund(ctx.uow, ctx.membership, action.order_id)
    except DomainError as exc:
        if exc.code != "shop.not_refundable":
            raise
        return await _history(ctx, ctx._("수령완료된 주문만 환불할 수 있어요."))
    return await ctx.start_dialog(
        REFUND_DIALOG,
        _order_id=order.id,
        _number=order.number,
        _total=order.total,
        _plan=asdict(plan),
    )
