"""The vendor's other questions: why an order is cancelled, and the coordinator's vendor
invite (shop name → kind). Opening a group buy is bot/dialogs/shop/groupbuy.py, a 기획전
bot/dialogs/shop/exhibition.py.

```mermaid
flowchart TD
    O[주문 관리 → 주문 취소] --> R[까닭 적기] --> X[move_order 취소 → 주문 관리]
    I[코디네이터 → 입점 업체 초대] --> N[가게 이름] --> K[종류] --> V[invite_vendor → 코드]
    R & N & K -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.shop.actions import (
    CANCEL_DIALOG,
    INVITE_VENDOR_DIALOG,
)
from bot.handlers.shop.render import open_orders_screen
from bot.handlers.shop.words import KIND_WORDS
from bot.screens import Expect, Screen
from core.shop import reading
from core.shop.invites import invite_vendor
from core.shop.model import MAX_NAME, MAX_REASON, OrderStatus
from core.shop.orders import move_order


async def _cancelled(ctx: Ctx, a: dict) -> Screen:
    order = await move_order(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        a["_order_id"],
        OrderStatus.CANCELLED,
        reason=a["reason"],
    )
    note = ctx._("{number}을(를) 취소했어요. 주문하신 분께 알려 드렸어요.", number=order.number)
    page = await reading.open_orders(ctx.uow, ctx.membership)
    return open_orders_screen(ctx, page, note=note)


cancel_dialog = Dialog(
    CANCEL_DIALOG,
    [
        Step(
            "reason",
            lambda ctx, a: ctx._(
                "{number}을(를) 취소하는 까닭을 적어 주세요.", number=a["_number"]
            ),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("재고가 떨어졌어요"), "재고 부족")],
            parse=text_of(MAX_REASON),
        )
    ],
    on_done=_cancelled,
)


async def _invited(ctx: Ctx, a: dict) -> Screen:
    issued = await invite_vendor(
        ctx.uow,
        ctx.clock,
        ctx.services.invite_key,
        ctx.membership,
        shop=a["shop"],
        kind=a["kind"],
    )
    text = ctx._(
        "'{shop}' 업체 초대코드예요: {code}\n업체에 전해 주세요. 이 코드를 넣으면 "
        "'내 가게' 메뉴가 열려요.",
        shop=a["shop"],
        code=issued.display,
    )
    return ctx.screen(text, back=OpenCoordinator())


invite_dialog = Dialog(
    INVITE_VENDOR_DIALOG,
    [
        Step(
            "shop",
            lambda ctx, a: ctx._("입점할 가게 이름을 적어 주세요."),
            Expect.TEXT,
            parse=text_of(MAX_NAME),
            placeholder=lambda ctx: ctx._("예: 행복농원"),
        ),
        Step(
            "kind",
            lambda ctx, a: ctx._("어떤 종류의 가게인가요?"),
            choices=lambda ctx, a: [Choice(ctx._(w), str(k)) for k, w in KIND_WORDS.items()],
        ),
    ],
    on_done=_invited,
)

DIALOGS = (cancel_dialog, invite_dialog)
