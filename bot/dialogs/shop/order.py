"""주문하기 and 공동구매 참여하기: how many (buttons 1–5 or a number), where to pick up (the
complex's slots; a group buy has its own place), how to pay, how many points to use (whole
points, up to the balance and the price), then one confirmation that works once.

```mermaid
flowchart TD
    P[상품 → 주문하기] --> Q[몇 개: 1 2 3 4 5 또는 숫자]
    G[공동구매 → 참여하기 / 수량 바꾸기] --> Q
    Q -->|0 이하, 99 넘음, 재고 넘음, 숫자 아님| Q
    Q -->|주문| K[받을 곳: 수령 장소·시간]
    Q -->|수량 바꾸기| C
    G1[공동구매 카드 → 1개 참여] -->|1개 · 현장결제 · 포인트 안 씀| C
    C -->|바꾸기| Q
    K --> M[결제: 현장결제 / 계좌이체 — 가게에 입금 계좌가 있을 때만]
    M --> T[포인트: 안 써요 / 모두 쓰기 / 숫자 — 잔액이 있을 때만]
    T -->|잔액·가격 넘음| T
    T --> C[확인: 주문하기·참여하기 (한 번만) / 취소]
    C -->|주문하기| O[place_order / join_group_buy → 주문 번호, 계좌이체면 입금하실 곳]
    C -->|취소| H[처음 메뉴]
    Q & K & M & T & C -->|이전 / 처음으로| H
```
"""

from __future__ import annotations

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.shop.actions import JOIN_DIALOG, ORDER_DIALOG, MyOrders, back_to_shop
from bot.handlers.shop.words import payment_word
from bot.screens import Expect, Screen
from core.shop.groupbuys import change_share, join_group_buy
from core.shop.model import MAX_QUANTITY, Payment
from core.shop.orders import NewOrder, place_order
from core.shop.payments import pay_to

ORDER, JOIN = ORDER_DIALOG, JOIN_DIALOG


def _whole(ctx: Ctx, text: str) -> int:
    cleaned = text.replace(",", "").replace("개", "").replace("점", "").strip()
    if not cleaned.lstrip("-").isdigit():
        raise Invalid(ctx._("숫자로 적어 주세요. 예: 3"))
    return int(cleaned)


def _quantity(ctx: Ctx, text: str, a: dict) -> int:
    n = _whole(ctx, text)
    most = min(MAX_QUANTITY, a.get("_stock", MAX_QUANTITY))
    if n < 1:
        raise Invalid(ctx._("1개 이상으로 적어 주세요."))
    if n > most:
        raise Invalid(ctx._("{n}개까지 주문할 수 있어요.", n=most))
    return n


def _quantity_choices(ctx: Ctx, a: dict) -> list[Choice]:
    most = min(5, a.get("_stock", 5))
    return [Choice(ctx._("{n}개", n=n), n) for n in range(1, most + 1)]


def _total(a: dict) -> int:
    return int(a.get("quantity", 0)) * int(a["_price"])


def _most_points(a: dict) -> int:
    return min(int(a.get("_balance", 0)), _total(a))


def _points(ctx: Ctx, text: str, a: dict) -> int:
    n = _whole(ctx, text)
    if n < 0 or n > _most_points(a):
        raise Invalid(ctx._("포인트는 0점부터 {n}점까지 쓸 수 있어요.", n=_most_points(a)))
    return n


def _summary(ctx: Ctx, a: dict) -> str:
    lines = [
        ctx._("[주문 확인]") if a.get("_group_buy_id") is None else ctx._("[참여 확인]"),
        ctx._("{name} {n}개", name=a["_name"], n=a["quantity"]),
        ctx._("금액: {total}", total=ctx.t.won(_total(a))),
        ctx._("받는 곳: {pickup}", pickup=a.get("pickup") or a.get("_place", "")),
    ]
    if a.get("payment"):
        lines.append(ctx._("결제: {how}", how=payment_word(ctx.t, a["payment"])))
    if a.get("points"):
        lines.append(ctx._("포인트 사용: {n}점", n=a["points"]))
        lines.append(ctx._("내실 돈: {won}", won=ctx.t.won(_total(a) - a["points"])))
    elif a.get("_quick") and _most_points(a) > 0:
        lines.append(ctx._("포인트는 쓰지 않아요. 쓰려면 '바꾸기'를 눌러 주세요."))
    lines.append(ctx._("이대로 할까요?"))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] == "edit":  # 1개 참여's 바꾸기: every question, from the quantity
        drop = ("_filled", "_quick")
        start = {k: v for k, v in a.items() if k.startswith("_") and k not in drop}
        return await ctx.start_dialog(JOIN, **start)
    if a["confirm"] != "go":
        return (await ctx.home()).with_notices(ctx._("취소했어요."))
    mine = ctx.button(ctx._("내 주문"), MyOrders())
    if a.get("_group_buy_id") is not None:
        if a.get("_change"):
            await change_share(
                ctx.uow, ctx.clock, ctx.membership, a["_group_buy_id"], a["quantity"]
            )
            return ctx.screen(ctx._("수량을 {n}개로 바꿨어요.", n=a["quantity"]), mine)
        await join_group_buy(
            ctx.uow,
            ctx.clock,
            ctx.membership,
            a["_group_buy_id"],
            a["quantity"],
            payment=a["payment"],
            points_used=a.get("points", 0),
        )
        text = ctx._("공동구매에 참여했어요. 마감 때 성사되면 받을 날과 곳을 알려 드릴게요.")
        if a["payment"] == Payment.TRANSFER:
            text += "\n" + ctx._("성사되면 '내 주문'에서 입금하실 곳을 볼 수 있어요.")
        return ctx.screen(text, mine, back=back_to_shop())
    new = NewOrder(
        a["_product_id"],
        a["quantity"],
        a["pickup"],
        a["payment"],
        a.get("points", 0),
        exhibition_id=a.get("_exhibition_id", 0),
    )
    order = await place_order(ctx.uow, ctx.clock, ctx.membership, new, tuple(a["_pickups"]))
    text = ctx._("주문했어요. 주문 번호는 {number}(이)에요.", number=order.number)
    account = await pay_to(ctx.uow, order, ctx.membership)
    if account is not None:  # the buyer's own chat: the number in full, to pay to
        text += "\n" + ctx._(
            "입금하실 곳: {bank} {number} (예금주 {holder})\n입금할 금액: {won}",
            bank=account.bank,
            number=account.number,
            holder=account.holder,
            won=ctx.t.won(order.money),
        )
        text += "\n" + ctx._("통장 입금은 가게에서 입금을 확인하면 알려 드려요.")
    else:
        text += "\n" + ctx._("가게에서 확인하면 알려 드릴게요.")
    return ctx.screen(text, mine, back=back_to_shop())


def _payments(ctx: Ctx, a: dict) -> list[Choice]:
    """통장 입금 only when the shop has an 입금 계좌 (core refuses it otherwise)."""
    offered = (Payment.ON_SITE, Payment.TRANSFER) if a.get("_transfer") else (Payment.ON_SITE,)
    return [Choice(payment_word(ctx.t, p), p.value) for p in offered]


def _payment_prompt(ctx: Ctx, a: dict) -> str:
    if a.get("_transfer"):
        return ctx._("어떻게 내실까요?")
    return ctx._("어떻게 내실까요? 이 가게는 만나서 내기만 받아요.")


def _steps(*, pickup: bool) -> list[Step]:
    steps = [
        Step(
            "quantity",
            prompt=lambda ctx, a: ctx._(
                "{name}, 몇 개 드릴까요? ({price} / {unit})\n버튼을 누르거나 숫자를 적어 주세요.",
                name=a["_name"],
                price=ctx.t.won(a["_price"]),
                unit=a["_unit"],
            ),
            expect=Expect.NUMBER,
            choices=_quantity_choices,
            parse=_quantity,
            placeholder=lambda ctx: ctx._("예: 3"),
        ),
    ]
    if pickup:
        steps.append(
            Step(
                "pickup",
                prompt=lambda ctx, a: ctx._("어디에서 받으실까요?"),
                choices=lambda ctx, a: [Choice(p, p) for p in a["_pickups"]],
            )
        )
    not_change = lambda ctx, a: bool(a.get("_change"))  # noqa: E731
    steps += [
        Step(
            "payment",
            prompt=_payment_prompt,
            choices=_payments,
            skip=not_change,
        ),
        Step(
            "points",
            prompt=lambda ctx, a: ctx._(
                "포인트가 {balance}점 있어요. 몇 점 쓸까요? {most}점까지 쓸 수 있어요.",
                balance=a["_balance"],
                most=_most_points(a),
            ),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [
                Choice(ctx._("안 써요"), 0),
                Choice(ctx._("{n}점 모두 쓰기", n=_most_points(a)), _most_points(a)),
            ],
            parse=_points,
            skip=lambda ctx, a: not_change(ctx, a) or _most_points(a) <= 0,
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("주문하기") if pickup else ctx._("참여하기"), "go", once=True),
                *([Choice(ctx._("바꾸기"), "edit")] if a.get("_quick") else []),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ]
    return steps


order_dialog = Dialog(ORDER, _steps(pickup=True), on_done=_done)
join_dialog = Dialog(JOIN, _steps(pickup=False), on_done=_done)
DIALOGS = (order_dialog, join_dialog)
