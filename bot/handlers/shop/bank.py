"""내 가게 → 입금 계좌: the shop's account for 계좌이체, number masked (the vendor's own menu
needs no more), with 계좌 바꾸기; before one is set, straight to the dialog
(bot/dialogs/shop/bank.py). Residents see it in full only on their own unpaid orders."""

from __future__ import annotations

from bot.engine.actions import Router
from bot.engine.context import Ctx
from bot.handlers.shop.actions import BANK_DIALOG, VendorAccount, VendorMenu
from bot.screens import Screen
from core.shop import payments

router = Router()


@router.on(VendorAccount)
async def vendor_account(ctx: Ctx, action: VendorAccount) -> Screen:
    account = await payments.own_account(ctx.uow, ctx.membership)
    if account is None or action.change:
        return await ctx.start_dialog(BANK_DIALOG)
    text = ctx._(
        "[입금 계좌] {bank} {number} (예금주 {holder})\n"
        "통장 입금 주문에서 주문하신 분께만 보여 드려요.",
        bank=account.bank,
        number=account.masked,
        holder=account.holder,
    )
    change = ctx.button(ctx._("계좌 바꾸기"), VendorAccount(change=True))
    return ctx.screen(text, change, back=VendorMenu())
