"""The vendor refunds an order already picked up (환불): why, then the settlement and a
confirmation whose button works once. The settlement is the one the buyer sees too: the cash
to give back (lowered by reward points already spent), the points paid that come back, the
reward taken back. When balances moved in between, nothing changes and the vendor looks again.

```mermaid
flowchart TD
    H[주문 내역 → 환불] --> R[까닭 적기] --> C[정산 보기 → 환불하기 (한 번만) / 그만두기]
    C -->|환불하기| M[refund → 포인트 정산, 주문하신 분께 알림 → 주문 내역]
    M -->|그사이 포인트가 바뀜| N[정산이 달라졌어요 → 주문 내역 → 환불 다시]
    R & C -->|이전 / 처음으로| X[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.handlers.shop.actions import REFUND_DIALOG
from bot.handlers.shop.render import history_screen
from bot.handlers.shop.words import settlement_lines
from bot.screens import Expect, Screen
from core.points.refunds import RefundPlan
from core.shop import reading, refunds
from core.shop.model import MAX_REASON


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[환불 확인] {number} · {total}", number=a["_number"], total=ctx.t.won(a["_total"])),
        ctx._("까닭: {reason}", reason=a["reason"]),
        *settlement_lines(ctx.t, RefundPlan(**a["_plan"])),
        ctx._("주문하신 분께도 이 내용을 알려 드려요. 환불할까요?"),
    ]
    return "\n".join(lines)


async def _history(ctx: Ctx, note: str) -> Screen:
    """주문 내역 again, with what happened on top."""
    page = await reading.order_history(ctx.uow, ctx.membership)
    return history_screen(ctx, page, note=note)


async def _refunded(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return await _history(ctx, ctx._("환불을 그만뒀어요."))
    shown = RefundPlan(**a["_plan"])
    _, now = await refunds.preview_refund(ctx.uow, ctx.membership, a["_order_id"])
    if now != shown:  # balances moved since the vendor saw the settlement: change nothing
        note = ctx._(
            "그사이 포인트가 바뀌어 {number}의 정산이 달라졌어요. 아무것도 바꾸지 않았어요. "
            "'환불'을 다시 눌러 새 정산을 확인해 주세요.",
            number=a["_number"],
        )
        return await _history(ctx, note)
    # A race lost after this point raises; the engine then undoes everything and asks again.
    order, plan = await refunds.refund(
        ctx.uow, ctx.clock, ctx.membership, a["_order_id"], reason=a["reason"], shown=shown
    )
    note = ctx._(
        "{number}을(를) 환불했어요. {cash}을(를) 돌려주세요. 주문하신 분께 알려 드렸어요.",
        number=order.number,
        cash=ctx.t.won(plan.cash),
    )
    return await _history(ctx, note)


refund_dialog = Dialog(
    REFUND_DIALOG,
    [
        Step(
            "reason",
            lambda ctx, a: ctx._(
                "{number}을(를) 환불하는 까닭을 적어 주세요.", number=a["_number"]
            ),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("상품에 문제가 있었어요"), "상품 문제")],
            parse=text_of(MAX_REASON),
        ),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("환불하기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_refunded,
)

DIALOGS = (refund_dialog,)
