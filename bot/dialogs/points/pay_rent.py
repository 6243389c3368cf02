"""임대료로 내기: pay part of the household's rent with personal points.

```mermaid
flowchart TD
    S[포인트 → 임대료로 내기] -->|포인트 0점| N[낼 포인트가 없어요 → 포인트 모으는 법]
    S --> M[몇 월분: 이번 달 / 다음 달]
    M --> A[얼마: 전부 버튼 또는 숫자 적기]
    A -->|0 이하, 숫자 아님, 가진 것보다 많음| A
    A --> C[확인: 네, 맞아요 / 고치기]
    C -->|네, 맞아요, 한 번만| R[pay_rent → 납부 확인증]
    C -->|고치기| M
    C -->|그사이 포인트가 줄었음| C
    M & A & C -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

import re

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.points.actions import RENT_DIALOG, MyPoints, back_to_points
from bot.handlers.points.words import month_word, points
from bot.screens import Expect, Screen
from core.points.reading import rent_balance
from core.points.use_cases import pay_rent, rent_months

NAME = RENT_DIALOG
QUICK = (1_000, 5_000, 10_000, 30_000)


def parse_points(ctx: Ctx, text: str, limit: int) -> int:
    """Whole points typed as "5000", "5,000", "5000점" or "5000원", from 1 up to `limit`."""
    cleaned = re.sub(r"[,\s]|점$|원$", "", text)
    if not cleaned.isdigit():
        raise Invalid(ctx._("숫자로 적어 주세요. (예: 5000)"))
    value = int(cleaned)
    if value < 1:
        raise Invalid(ctx._("1점 이상으로 적어 주세요."))
    if value > limit:
        raise Invalid(
            ctx._(
                "지금 있는 포인트는 {points}점이에요. 그보다 적게 적어 주세요.",
                points=ctx.t.number(limit),
            )
        )
    return value


def _months(ctx: Ctx, a: dict) -> list[Choice]:
    this, following = rent_months(ctx.clock)
    return [
        Choice(ctx._("{month} (이번 달)", month=month_word(ctx.t, this)), this),
        Choice(ctx._("{month} (다음 달)", month=month_word(ctx.t, following)), following),
    ]


def _amounts(ctx: Ctx, a: dict) -> list[Choice]:
    have = a["_balance"]
    quick = [Choice(points(ctx.t, n), n) for n in QUICK if n < have]
    return [Choice(ctx._("전부 ({points})", points=points(ctx.t, have)), have), *quick]


def _summary(ctx: Ctx, a: dict) -> str:
    return ctx._(
        "[확인]\n{month} 임대료로 {amount}점을 내요.\n낸 뒤 남는 포인트: {left}\n맞나요?",
        month=month_word(ctx.t, a["month"]),
        amount=ctx.t.number(a["amount"]),
        left=points(ctx.t, a["_balance"] - a["amount"]),
    )


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "fix":
        return await ctx.start_dialog(NAME, _balance=await rent_balance(ctx.uow, ctx.membership))
    paid = await pay_rent(ctx.uow, ctx.clock, ctx.membership, a["month"], a["amount"])
    left = await rent_balance(ctx.uow, ctx.membership)
    text = ctx._(
        "[임대료 납부 확인증]\n{month} 임대료로 {amount}점을 냈어요.\n"
        "확인 번호: R-{number}\n남은 포인트: {left}\n"
        "관리사무소가 정산해서 임대료에서 빼 드려요.",
        month=month_word(ctx.t, paid.month),
        amount=ctx.t.number(paid.amount),
        number=format(paid.id, "06d"),
        left=points(ctx.t, left),
    )
    return ctx.screen(text, ctx.button(ctx._("내 포인트"), MyPoints()), back=back_to_points())


dialog = Dialog(
    NAME,
    [
        Step(
            "month",
            prompt=lambda ctx, a: ctx._("몇 월분 임대료로 낼까요?"),
            choices=_months,
        ),
        Step(
            "amount",
            prompt=lambda ctx, a: ctx._(
                "얼마를 낼까요? 지금 {points}점이 있어요. 버튼을 누르거나 숫자로 적어 주세요.",
                points=ctx.t.number(a["_balance"]),
            ),
            expect=Expect.NUMBER,
            choices=_amounts,
            parse=lambda ctx, text, a: parse_points(ctx, text, a["_balance"]),
            placeholder=lambda ctx: ctx._("예: 5000"),
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("네, 맞아요"), "yes", once=True),
                Choice(ctx._("고치기"), "fix"),
            ],
        ),
    ],
    on_done=_done,
)
