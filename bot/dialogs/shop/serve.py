"""The vendor asks to sell in another complex: 내 가게 → 다른 단지 판매 → 판매 신청 → the
complex's code → the pickup place there (or 건너뛰기) → asked; that complex's coordinators are
told and approve or refuse in chat (코디네이터 → 입점 신청). Core checks the code, that the
shop is the vendor's own, and that the complex is not already served.

```mermaid
flowchart TD
    V[내 가게 → 다른 단지 판매 → 판매 신청] --> C[단지 코드] --> P[받는 곳 / 건너뛰기]
    P --> A[ask_to_serve → 승인 기다리는 중]
    A -.->|코디네이터 → 입점 신청 → 승인| S[그 단지 주민이 상품을 봐요]
    C & P -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Step
from bot.handlers.shop.actions import SERVE_DIALOG, VendorComplexes, VendorMenu
from bot.screens import Expect, Screen
from core.ids import saved
from core.shop import serving
from core.shop.model import MAX_NAME
from core.shop.vendors import own_shop

CODE_LIMIT = 20


async def _asked(ctx: Ctx, a: dict) -> Screen:
    shop = await own_shop(ctx.uow, ctx.membership)
    found = await serving.ask_to_serve(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        shop_id=saved(shop.id),
        complex_code=a["code"],
        pickup=a.get("place") or "",
    )
    (request,) = await serving.described(ctx.uow, [found])
    text = ctx._(
        "{complex}에 판매를 신청했어요. 그 단지 코디네이터가 승인하면 알려 드릴게요.",
        complex=request.complex_name,
    )
    more = ctx.button(ctx._("다른 단지 판매"), VendorComplexes())
    return ctx.screen(text, more, back=VendorMenu())


serve_dialog = Dialog(
    SERVE_DIALOG,
    [
        Step(
            "code",
            lambda ctx, a: ctx._("어느 단지에 팔까요? 단지 코드를 적어 주세요."),
            Expect.TEXT,
            parse=text_of(CODE_LIMIT),
            placeholder=lambda ctx: ctx._("예: NEAR"),
        ),
        Step(
            "place",
            lambda ctx, a: ctx._(
                "그 단지에서 물건을 건네줄 곳을 적어 주세요. 없으면 '건너뛰기'를 눌러 주세요."
            ),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=text_of(MAX_NAME),
            placeholder=lambda ctx: ctx._("예: 201동 앞"),
        ),
    ],
    on_done=_asked,
)

DIALOGS = (serve_dialog,)
