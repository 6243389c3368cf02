"""공용 포인트 쓰기 (coordinators): record that the complex spent common points, how much and on
what. Every resident then sees it in 공용 포인트 보기; an audit-log line keeps who did it.

```mermaid
flowchart TD
    S[공용 포인트 보기 / 코디네이터 → 공용 포인트 쓰기] -->|0점| N[공용 포인트가 없어요]
    S --> A[얼마: 숫자 적기]
    A -->|0 이하, 숫자 아님, 잔액보다 많음| A
    A --> P[어디에: 적기, 100자까지]
    P --> C[확인: 기록하기 / 고치기]
    C -->|기록하기, 한 번만| R[spend_common → 기록했어요]
    C -->|고치기| A
    A & P & C -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.points.pay_rent import parse_points
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.points.actions import SPEND_COMMON_DIALOG, CommonPoints
from bot.handlers.points.words import points
from bot.screens import Expect, Screen
from core.points.model import MAX_PURPOSE
from core.points.reading import common_to_spend
from core.points.use_cases import spend_common

NAME = SPEND_COMMON_DIALOG


def _purpose(ctx: Ctx, text: str, a: dict) -> str:
    text = " ".join(text.split())
    if not text or len(text) > MAX_PURPOSE:
        raise Invalid(ctx._("어디에 쓰는지 {limit}자 안으로 적어 주세요.", limit=MAX_PURPOSE))
    return text


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "fix":
        have = await common_to_spend(ctx.uow, ctx.membership)
        return await ctx.start_dialog(NAME, _balance=have)
    spent = await spend_common(ctx.uow, ctx.clock, ctx.membership, a["amount"], a["purpose"])
    left = await common_to_spend(ctx.uow, ctx.membership)
    text = ctx._(
        "공용 포인트 {amount}점을 '{purpose}'에 쓴 것으로 기록했어요.\n남은 공용 포인트: {left}\n"
        "주민 누구나 '공용 포인트 보기'에서 볼 수 있어요.",
        amount=ctx.t.number(spent.amount),
        purpose=spent.purpose,
        left=points(ctx.t, left),
    )
    return ctx.screen(text, ctx.button(ctx._("공용 포인트 보기"), CommonPoints()))


dialog = Dialog(
    NAME,
    [
        Step(
            "amount",
            prompt=lambda ctx, a: ctx._(
                "공용 포인트를 얼마 쓸까요? 지금 {points}점이 있어요. 숫자로 적어 주세요.",
                points=ctx.t.number(a["_balance"]),
            ),
            expect=Expect.NUMBER,
            parse=lambda ctx, text, a: parse_points(ctx, text, a["_balance"]),
            placeholder=lambda ctx: ctx._("예: 30000"),
        ),
        Step(
            "purpose",
            prompt=lambda ctx, a: ctx._("어디에 쓰나요? 주민들이 볼 수 있게 적어 주세요."),
            expect=Expect.TEXT,
            parse=_purpose,
            placeholder=lambda ctx: ctx._("예: 놀이방 장난감"),
        ),
        Step(
            "confirm",
            prompt=lambda ctx, a: ctx._(
                "[확인]\n공용 포인트 {amount}점을 '{purpose}'에 써요.\n이대로 기록할까요?",
                amount=ctx.t.number(a["amount"]),
                purpose=a["purpose"],
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("기록하기"), "yes", once=True),
                Choice(ctx._("고치기"), "fix"),
            ],
        ),
    ],
    on_done=_done,
)
