"""The vendor refunds an order already picked up (환불): why, then a confirmation whose
button works once. When the buyer has already spent the points the order earned, the refund
is refused politely and nothing changes (settle it in person instead).

```mermaid
flowchart TD
    H[주문 내역 → 환불] --> R[까닭 적기] --> C[환불하기 (한 번만) / 그만두기]
    C -->|환불하기| M[move_order 환불 → 적립 취소, 사용 포인트 돌려줌 → 주문 내역]
    M -->|적립 포인트를 이미 씀| N[환불할 수 없어요 → 주문 내역]
    R & C -->|이전 / 처음으로| X[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.handlers.shop.actions import REFUND_DIALOG
from bot.handlers.shop.render import history_screen
from bot.screens import Expect, Screen
from core.errors import DomainError
from core.shop import reading
from core.shop.model import MAX_REASON, OrderStatus
from core.shop.orders import move_order


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[환불 확인] {number} · {total}", number=a["_number"], total=ctx.t.won(a["_total"])),
        ctx._("까닭: {reason}", reason=a["reason"]),
        ctx._("이 주문으로 적립된 포인트는 되돌려지고, 쓰신 포인트는 돌려 드려요."),
        ctx._("환불할까요?"),
    ]
    return "\n".join(lines)


async def _history(ctx: Ctx, note: str) -> Screen:
    """주문 내역 again, with what happened on top."""
    page = await reading.order_history(ctx.uow, ctx.membership)
    return history_screen(ctx, page, note=note)


async def _refunded(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return await _history(ctx, ctx._("환불을 그만뒀어요."))
    try:  # core changes nothing when it refuses (the reward is taken back first)
        order = await move_order(
            ctx.uow,
            ctx.clock,
            ctx.membership,
            a["_order_id"],
            OrderStatus.REFUNDED,
            reason=a["reason"],
        )
    except DomainError as exc:
        if exc.code != "shop.reward_spent":
            raise
        note = ctx._(
            "{number}은(는) 환불할 수 없어요. 주문하신 분이 이 주문으로 적립된 포인트를 이미 "
            "쓰셔서 되돌릴 수 없어요. 주문 상태는 그대로 두었어요. 환불은 주문하신 분과 "
            "직접 이야기해 정리해 주세요.",
            number=a["_number"],
        )
        return await _history(ctx, note)
    note = ctx._("{number}을(를) 환불했어요. 주문하신 분께 알려 드렸어요.", number=order.number)
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
