"""The buyer asks the shop for a refund of a picked-up order (환불 요청): the settlement as it
stands (the same one the vendor will confirm), why, then a confirmation whose button works
once. Nothing moves until the vendor refunds; the shop's vendors are told.

```mermaid
flowchart TD
    O[내 주문 → 환불 요청] --> R[정산 보기 + 까닭 적기] --> C[환불 요청하기 (한 번만) / 그만두기]
    C -->|환불 요청하기| A[ask_refund → 가게에 알림 → 내 주문으로]
    R & C -->|이전 / 처음으로| X[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.handlers.shop.actions import ASK_REFUND_DIALOG, MyOrders, back_to_shop
from bot.handlers.shop.words import settlement_lines
from bot.screens import Expect, Screen
from core.points.refunds import RefundPlan
from core.shop import refunds
from core.shop.model import MAX_REASON


def _reason_prompt(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[환불 요청] {number}", number=a["_number"]),
        ctx._("가게에서 지금 환불하면 이렇게 정산돼요."),
        *settlement_lines(ctx.t, RefundPlan(**a["_plan"])),
        ctx._("환불을 바라는 까닭을 적어 주세요."),
    ]
    return "\n".join(lines)


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[환불 요청 확인] {number}", number=a["_number"]),
        ctx._("까닭: {reason}", reason=a["reason"]),
        ctx._("가게에 환불을 요청할까요? 가게에서 환불하면 알려 드려요."),
    ]
    return "\n".join(lines)


async def _asked(ctx: Ctx, a: dict) -> Screen:
    mine = ctx.button(ctx._("내 주문"), MyOrders())
    if a["confirm"] != "go":
        return ctx.screen(ctx._("환불 요청을 그만뒀어요."), mine, back=back_to_shop())
    await refunds.ask_refund(ctx.uow, ctx.clock, ctx.membership, a["_order_id"], a["reason"])
    text = ctx._(
        "{number} 환불을 가게에 요청했어요. 가게에서 환불하면 알려 드릴게요.", number=a["_number"]
    )
    return ctx.screen(text, mine, back=back_to_shop())


ask_refund_dialog = Dialog(
    ASK_REFUND_DIALOG,
    [
        Step(
            "reason",
            _reason_prompt,
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("상품에 문제가 있었어요"), "상품 문제")],
            parse=text_of(MAX_REASON),
        ),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("환불 요청하기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_asked,
)

DIALOGS = (ask_refund_dialog,)
