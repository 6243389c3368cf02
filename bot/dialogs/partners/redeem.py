"""A partner shop redeems a coupon at the counter: the code the resident shows (checked at
once: unknown, used, ended, another complex's or another shop's codes are refused politely
and asked again), then the purchase amount, then 사용 처리 (once). The purchase after the
discount earns the resident 1% points and the complex 2%.

```mermaid
flowchart TD
    A[우리 가게 혜택 → 쿠폰 사용 처리] --> C[쿠폰 번호 적기]
    C -->|모양이 틀림, 없음, 이미 사용, 기간 끝, 다른 단지·가게| C
    C --> M[산 금액: 숫자] -->|최소 금액 미만, 범위 밖| M
    M --> K[확인: 할인·받을 돈 → 사용 처리 (한 번만) / 그만두기]
    K -->|사용 처리| R[redeem_coupon → 포인트 적립 → 우리 가게 혜택]
    R -->|그사이 이미 사용됨| E[이미 사용한 쿠폰이에요 → 우리 가게 혜택]
    C & M & K -->|이전 / 처음으로| X[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import number_in
from bot.engine.context import Ctx
from bot.engine.dialog import AskAgain, Choice, Dialog, Invalid, Step
from bot.handlers.partners.actions import CODE_DIALOG, REDEEM_DIALOG
from bot.handlers.partners.render import partner_menu_screen
from bot.handlers.partners.words import discount_text
from bot.screens import Expect, Screen
from core.errors import DomainError
from core.partners.coupons import check_code, display_code, normalize_code, redeem_coupon
from core.partners.model import MAX_SPEND, discount_of


def _code(ctx: Ctx, text: str, a: dict) -> str:
    code = normalize_code(text)
    if code is None:
        raise Invalid(ctx.pages.explain(ctx, DomainError("partners.bad_code")))
    return code


async def _checked(ctx: Ctx, a: dict) -> Screen | AskAgain:
    try:
        found = await check_code(ctx.uow, ctx.clock, ctx.membership, a["code"])
    except DomainError as exc:
        return AskAgain(ctx.pages.explain(ctx, exc))
    offer = found.offer
    return await ctx.start_dialog(
        REDEEM_DIALOG,
        _code=a["code"],
        _title=offer.title,
        _kind=offer.discount_kind,
        _discount=offer.discount,
        _minimum=offer.min_spend,
    )


code_dialog = Dialog(
    CODE_DIALOG,
    [
        Step(
            "code",
            lambda ctx, a: ctx._("손님이 보여 준 쿠폰 번호 8글자를 적어 주세요."),
            Expect.TEXT,
            parse=_code,
            placeholder=lambda ctx: ctx._("예: K7XM-4QRT"),
        )
    ],
    on_done=_checked,
)


def _amount_prompt(ctx: Ctx, a: dict) -> str:
    text = ctx._(
        "[{title}] {discount}\n손님이 산 금액(할인 전)을 숫자로 적어 주세요.",
        title=a["_title"],
        discount=discount_text(ctx.t, a["_kind"], a["_discount"]),
    )
    if a["_minimum"]:
        text += "\n" + ctx._("{amount} 이상일 때 쓸 수 있어요.", amount=ctx.t.won(a["_minimum"]))
    return text


def _amount(ctx: Ctx, text: str, a: dict) -> int:
    n = number_in(1, MAX_SPEND)(ctx, text, a)
    if n < a["_minimum"]:
        raise Invalid(
            ctx.pages.explain(ctx, DomainError("partners.below_minimum", minimum=a["_minimum"]))
        )
    return n


def _summary(ctx: Ctx, a: dict) -> str:
    off = discount_of(a["_kind"], a["_discount"], a["amount"])
    return "\n".join(
        [
            ctx._("[쿠폰 사용 확인] {code}", code=display_code(a["_code"])),
            ctx._("산 금액: {amount}", amount=ctx.t.won(a["amount"])),
            ctx._("할인: {amount}", amount=ctx.t.won(off)),
            ctx._("받을 돈: {amount}", amount=ctx.t.won(a["amount"] - off)),
            ctx._("사용 처리할까요?"),
        ]
    )


async def _redeemed(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return await partner_menu_screen(ctx, ctx._("쿠폰 사용 처리를 그만뒀어요."))
    try:
        found = await redeem_coupon(ctx.uow, ctx.clock, ctx.membership, a["_code"], a["amount"])
    except DomainError as exc:
        return await partner_menu_screen(ctx, ctx.pages.explain(ctx, exc))
    coupon = found.coupon
    note = ctx._(
        "쿠폰 {code}을(를) 사용 처리했어요. 받을 돈: {amount}",
        code=display_code(coupon.code),
        amount=ctx.t.won(coupon.paid),
    )
    return await partner_menu_screen(ctx, note)


redeem_dialog = Dialog(
    REDEEM_DIALOG,
    [
        Step("amount", _amount_prompt, Expect.NUMBER, parse=_amount),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("사용 처리"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_redeemed,
    drafts=False,
)

DIALOGS = (code_dialog, redeem_dialog)
