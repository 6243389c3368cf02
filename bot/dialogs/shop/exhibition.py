"""특별 판매 열기 (기획전), after the products were ticked (bot/handlers/shop/exhibit.py): a
title, a sale price for each chosen product (a number below its price, or 할인 없음), how long,
where (only for a shop selling in several complexes: all of them, or one) and one
confirmation. core.shop.exhibitions checks every rule again.

```mermaid
flowchart TD
    V[내 가게 → 특별 판매 열기] --> P[상품 고르기: 눌러서 ✓, 다음 상품 / 앞 상품]
    P -->|하나도 안 고름| P
    P -->|다 골랐어요| T[제목]
    T --> S[상품마다 특별 판매가: 숫자 또는 할인 없음]
    S -->|정가 이상, 0 이하, 숫자 아님| S
    S --> D[기간: 3일 7일 14일]
    D -->|여러 단지에서 파는 가게| W[어느 단지: 모든 단지 / 한 단지]
    D --> C[확인: 열기 한 번만 / 그만두기]
    W --> C
    C -->|열기| O[open_exhibition → 열었어요]
    T & S & D & W & C -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.dialogs.shop.product import text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Answers, Choice, Dialog, Invalid, Step
from bot.handlers.shop.actions import EXHIBITION_DIALOG, VendorMenu
from bot.screens import Expect, Screen
from core.shop.exhibitions import MAX_PRODUCTS, open_exhibition
from core.shop.model import MAX_TITLE

ALL = 0  # where: every complex the shop sells in


def _product(a: Answers, i: int) -> tuple[int, str, int]:
    product_id, name, price = a["_products"][i]
    return int(product_id), str(name), int(price)


def _sale_prompt(i: int) -> Callable[[Ctx, Answers], str]:
    def prompt(ctx: Ctx, a: Answers) -> str:
        _, name, price = _product(a, i)
        return ctx._(
            "'{name}'의 특별 판매 가격을 적어 주세요. 지금 가격은 {price}(이)에요.\n"
            "할인하지 않으면 '할인 없음'을 눌러 주세요.",
            name=name,
            price=ctx.t.won(price),
        )

    return prompt


def _sale_parser(i: int) -> Callable[[Ctx, str, Answers], int]:
    def parse(ctx: Ctx, text: str, a: Answers) -> int:
        _, _, price = _product(a, i)
        cleaned = text.replace(",", "").replace("원", "").replace("₩", "").strip()
        if not cleaned.isdigit() or not 1 <= int(cleaned) < price:
            raise Invalid(
                ctx._(
                    "특별 판매 가격은 1원부터 지금 가격({price})보다 낮게, 숫자로 적어 주세요.",
                    price=ctx.t.won(price),
                )
            )
        return int(cleaned)

    return parse


def _sale_step(i: int) -> Step:
    return Step(
        f"sale{i}",
        prompt=_sale_prompt(i),
        expect=Expect.NUMBER,
        choices=lambda ctx, a: [Choice(ctx._("할인 없음"), 0)],
        parse=_sale_parser(i),
        skip=lambda ctx, a: i >= len(a["_products"]),
        placeholder=lambda ctx: ctx._("예: 9900"),
    )


def _sales(a: Answers) -> dict[int, int | None]:
    return {_product(a, i)[0]: (a.get(f"sale{i}") or None) for i in range(len(a["_products"]))}


def _where_choices(ctx: Ctx, a: Answers) -> list[Choice]:
    most = 3 if ctx.resident.easy_mode else 7
    return [Choice(ctx._("모든 단지"), ALL)] + [Choice(name, cid) for cid, name in a["_places"]][
        :most
    ]


def _where(ctx: Ctx, text: str, a: Answers) -> int:
    """A complex typed by name (a shop may sell in more complexes than there are buttons)."""
    for complex_id, name in a["_places"]:
        if text.replace(" ", "") == str(name).replace(" ", ""):
            return int(complex_id)
    raise Invalid(ctx._("단지 이름을 그대로 적거나 버튼을 눌러 주세요."))


def _place_name(a: Answers) -> str:
    return next((str(n) for cid, n in a["_places"] if cid == a.get("where")), "")


def _summary(ctx: Ctx, a: Answers) -> str:
    lines = [ctx._("[특별 판매 확인] {title}", title=a["title"])]
    for i in range(len(a["_products"])):
        _, name, price = _product(a, i)
        sale = a.get(f"sale{i}")
        shown = ctx.t.won(price)
        if sale:
            shown = ctx._("{price} → {sale}", price=ctx.t.won(price), sale=ctx.t.won(sale))
        lines.append(f"· {name[:20]} {shown}")
    lines.append(ctx._("기간: 오늘부터 {days}일", days=a["days"]))
    if a["_places"]:
        where = _place_name(a) if a.get("where") else ctx._("모든 단지")
        lines.append(ctx._("단지: {where}", where=where))
    lines.append(ctx._("이대로 열까요?"))
    return "\n".join(lines)


async def _done(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return ctx.screen(ctx._("특별 판매를 열지 않았어요."), back=VendorMenu())
    now = ctx.clock.now()
    item = await open_exhibition(
        ctx.uow,
        ctx.clock,
        ctx.membership,
        title=a["title"],
        starts_at=now,
        ends_at=now + timedelta(days=int(a["days"])),
        product_ids=[int(x) for x in a["_ids"]],
        sale_prices=_sales(a),
        only_complex_id=int(a["where"]) if a.get("where") else None,
    )
    text = ctx._(
        "특별 판매 '{title}'을(를) 열었어요. 상품 {n}개가 들어 있어요.",
        title=item.title,
        n=len(item.product_ids),
    )
    return ctx.screen(text, back=VendorMenu())


exhibition_dialog = Dialog(
    EXHIBITION_DIALOG,
    [
        Step(
            "title",
            lambda ctx, a: ctx._(
                "특별 판매 제목을 적어 주세요. 고른 상품 {n}개가 들어가요.",
                n=len(a["_products"]),
            ),
            Expect.TEXT,
            parse=text_of(MAX_TITLE),
            placeholder=lambda ctx: ctx._("예: 겨울 김장 특별 판매"),
        ),
        *[_sale_step(i) for i in range(MAX_PRODUCTS)],
        Step(
            "days",
            lambda ctx, a: ctx._("며칠 동안 열까요?"),
            choices=lambda ctx, a: [Choice(ctx._("{n}일", n=n), n) for n in (3, 7, 14)],
        ),
        Step(
            "where",
            lambda ctx, a: ctx._(
                "어느 단지에서 열까요? 한 단지만 고르거나, 목록에 없으면 단지 이름을 적어 주세요."
            ),
            Expect.TEXT,
            choices=_where_choices,
            parse=_where,
            skip=lambda ctx, a: not a["_places"],
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("열기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_done,
)

DIALOGS = (exhibition_dialog,)
