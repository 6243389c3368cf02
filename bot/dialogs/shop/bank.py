"""입금 계좌: the vendor sets or changes the account 계좌이체 orders are paid to — which bank
(a fixed list, paged with 더보기), the account number, the holder, then one confirmation.
The rules are core's (core/shop/payments.py); a refused answer asks the same question again.

```mermaid
flowchart TD
    V[내 가게 → 입금 계좌 → 계좌 바꾸기] --> B[은행: 농협 국민 신한 … 더보기]
    B --> N[계좌번호: 숫자와 -]
    N -->|숫자 8~16자리가 아님| N
    N --> H[예금주]
    H -->|20자 넘음, 숫자뿐| H
    H --> C[확인: 저장하기 (한 번만) / 그만두기]
    C -->|저장하기| S[set_account → 입금 계좌 저장, 번호는 가려서 보여 줌]
    C -->|그만두기| X[처음 메뉴]
    B & N & H & C -->|이전 / 처음으로| X
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.shop.actions import BANK_DIALOG, VendorMenu
from bot.screens import Expect, Screen
from core.errors import DomainError
from core.shop.payments import BANKS, BankAccount, check_holder, check_number, set_account


def _checked(check):
    """A step's parse from a core check: its refusal, worded, asks again."""

    def parse(ctx: Ctx, text: str, a: dict) -> str:
        try:
            return check(text)
        except DomainError as exc:
            raise Invalid(ctx.pages.explain(ctx, exc)) from None

    return parse


def _summary(ctx: Ctx, a: dict) -> str:
    return "\n".join(
        [
            ctx._("[입금 계좌 확인]"),
            f"{a['bank']} {a['number']}",
            ctx._("예금주: {holder}", holder=a["holder"]),
            ctx._("통장 입금 주문에서 주문하신 분께만 보여 드려요. 저장할까요?"),
        ]
    )


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return (await ctx.home()).with_notices(ctx._("취소했어요."))
    account = BankAccount(a["bank"], a["number"], a["holder"])
    saved = await set_account(ctx.uow, ctx.clock, ctx.membership, account)
    text = ctx._(
        "입금 계좌를 저장했어요: {bank} {number} (예금주 {holder})",
        bank=saved.bank,
        number=saved.masked,
        holder=saved.holder,
    )
    return ctx.screen(text, back=VendorMenu())


bank_dialog = Dialog(
    BANK_DIALOG,
    [
        Step(
            "bank",
            lambda ctx, a: ctx._("어느 은행 계좌로 받으실까요?"),
            choices=lambda ctx, a: [Choice(b, b) for b in BANKS],
        ),
        Step(
            "number",
            lambda ctx, a: ctx._(
                "{bank} 계좌번호를 적어 주세요. 숫자와 - 만 써 주세요.", bank=a["bank"]
            ),
            Expect.TEXT,
            parse=_checked(check_number),
            placeholder=lambda ctx: ctx._("예: 123-45-678901"),
        ),
        Step(
            "holder",
            lambda ctx, a: ctx._("예금주 이름을 적어 주세요."),
            Expect.TEXT,
            parse=_checked(check_holder),
            placeholder=lambda ctx: ctx._("예: 홍길동"),
        ),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("저장하기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_done,
)

DIALOGS = (bank_dialog,)
