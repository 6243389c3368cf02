"""A partner shop's vendor publishes an offer: name → discount → minimum spend → days →
place → hours → how many coupons → per household → 올리기 (once).

```mermaid
flowchart TD
    A[우리 가게 혜택 → 혜택 올리기] --> T[혜택 이름] --> D[할인: 10% / 3000원 또는 적기]
    D -->|모양이 틀림, 범위 밖| D
    D --> M[최소 금액: 없어요 / 숫자] --> N[기간: 7 14 30일 / 숫자]
    N --> P[가게 위치] --> H[영업시간] --> C[쿠폰 수: 제한 없음 / 숫자]
    C --> E[한 집에 몇 장: 1 2 3] --> K[확인: 올리기 (한 번만) / 그만두기]
    K -->|올리기| R[publish_offer → 우리 가게 혜택]
    T & D & M & N & P & H & C & E & K -->|이전 / 처음으로| X[처음 메뉴]
```
"""

from __future__ import annotations

from bot.dialogs.shop.product import number_in, text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.partners.actions import OFFER_DIALOG
from bot.handlers.partners.render import partner_menu_screen
from bot.handlers.partners.words import discount_text
from bot.screens import Expect, Screen
from core.partners.model import (
    MAX_CAP,
    MAX_DAYS,
    MAX_HOURS,
    MAX_PERCENT,
    MAX_PLACE,
    MAX_SPEND,
    MAX_TITLE,
    MAX_WON,
    DiscountKind,
)
from core.partners.offers import NewOffer, publish_offer


def parse_discount(ctx: Ctx, text: str, a: dict) -> list:
    """ "10%" or "10 %" → percent; "3000원", "3,000" → won."""
    cleaned = text.replace(",", "").replace(" ", "")
    kind = DiscountKind.PERCENT if cleaned.endswith("%") else DiscountKind.WON
    digits = cleaned.rstrip("%").removesuffix("원")
    high = MAX_PERCENT if kind == DiscountKind.PERCENT else MAX_WON
    if not digits.isdigit() or not 1 <= int(digits) <= high:
        raise Invalid(ctx._("할인은 10%나 3000원처럼 적어 주세요 (1~90%)."))
    return [kind.value, int(digits)]


def _summary(ctx: Ctx, a: dict) -> str:
    kind, discount = a["discount"]
    lines = [
        ctx._("[혜택 확인] {title}", title=a["title"]),
        discount_text(ctx.t, kind, discount),
        ctx._("최소 금액: {amount}", amount=ctx.t.won(a["min_spend"])),
        ctx._("기간: 오늘부터 {n}일", n=a["days"]),
        ctx._("가게 위치: {place}", place=a["place"]),
        ctx._("영업시간: {hours}", hours=a["hours"]),
        ctx._("쿠폰: {n}장", n=a["cap"]) if a["cap"] else ctx._("쿠폰: 제한 없음"),
        ctx._("한 집에 {n}장", n=a["per_household"]),
        ctx._("이대로 올릴까요?"),
    ]
    return "\n".join(lines)


async def _published(ctx: Ctx, a: dict) -> Screen:
    if a["confirm"] != "go":
        return await partner_menu_screen(ctx, ctx._("혜택 올리기를 그만뒀어요."))
    kind, discount = a["discount"]
    new = NewOffer(
        title=a["title"],
        discount_kind=kind,
        discount=discount,
        min_spend=a["min_spend"],
        days=a["days"],
        place=a["place"],
        hours=a["hours"],
        cap=a["cap"] or None,
        per_household=a["per_household"],
    )
    offer = await publish_offer(ctx.uow, ctx.clock, ctx.membership, new)
    note = ctx._(
        "'{title}'을(를) 올렸어요. 이웃들이 동네 가게 혜택에서 볼 수 있어요.", title=offer.title
    )
    return await partner_menu_screen(ctx, note)


def _won(ctx: Ctx, n: int) -> Choice:
    return Choice(ctx.t.won(n), n)


offer_dialog = Dialog(
    OFFER_DIALOG,
    [
        Step(
            "title",
            lambda ctx, a: ctx._("혜택 이름을 적어 주세요."),
            Expect.TEXT,
            parse=text_of(MAX_TITLE),
            placeholder=lambda ctx: ctx._("예: 첫 방문 커트 할인"),
        ),
        Step(
            "discount",
            lambda ctx, a: ctx._("얼마나 할인해 주나요? 10%나 3000원처럼 적어 주세요."),
            Expect.TEXT,
            choices=lambda ctx, a: [
                Choice("10%", ["percent", 10]),
                Choice("20%", ["percent", 20]),
                Choice(ctx.t.won(1000), ["won", 1000]),
                Choice(ctx.t.won(3000), ["won", 3000]),
            ],
            parse=parse_discount,
        ),
        Step(
            "min_spend",
            lambda ctx, a: ctx._("얼마 이상 살 때 쓸 수 있나요? 숫자로 적어 주세요."),
            Expect.NUMBER,
            choices=lambda ctx, a: [
                Choice(ctx._("조건 없어요"), 0),
                _won(ctx, 10000),
                _won(ctx, 30000),
            ],
            parse=number_in(0, MAX_SPEND),
        ),
        Step(
            "days",
            lambda ctx, a: ctx._("오늘부터 며칠 동안 할까요?"),
            Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("{n}일", n=n), n) for n in (7, 14, 30)],
            parse=number_in(1, MAX_DAYS),
        ),
        Step(
            "place",
            lambda ctx, a: ctx._("가게 위치를 적어 주세요."),
            Expect.TEXT,
            parse=text_of(MAX_PLACE),
            placeholder=lambda ctx: ctx._("예: 정문 앞 상가 1층"),
        ),
        Step(
            "hours",
            lambda ctx, a: ctx._("영업시간을 적어 주세요."),
            Expect.TEXT,
            parse=text_of(MAX_HOURS),
            placeholder=lambda ctx: ctx._("예: 매일 10:00~20:00"),
        ),
        Step(
            "cap",
            lambda ctx, a: ctx._("쿠폰을 모두 몇 장 줄까요?"),
            Expect.NUMBER,
            choices=lambda ctx, a: [
                Choice(ctx._("제한 없음"), 0),
                Choice(ctx._("{n}장", n=30), 30),
                Choice(ctx._("{n}장", n=100), 100),
            ],
            parse=number_in(1, MAX_CAP),
        ),
        Step(
            "per_household",
            lambda ctx, a: ctx._("한 집에 몇 장까지 줄까요?"),
            choices=lambda ctx, a: [Choice(ctx._("{n}장", n=n), n) for n in (1, 2, 3)],
        ),
        Step(
            "confirm",
            _summary,
            choices=lambda ctx, a: [
                Choice(ctx._("올리기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_published,
)

DIALOGS = (offer_dialog,)
