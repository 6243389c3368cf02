"""공동구매 열기, by a vendor (내 가게) or a coordinator (코디네이터 → 공동구매 열기): product →
price → minimum → maximum → deadline day and hour → pickup day → place → 열기.

```mermaid
flowchart TD
    G[내 가게 / 코디네이터 → 공동구매 열기] --> P[상품] --> W[가격] --> MN[최소 수량]
    MN --> MX[최대 수량 / 제한 없음]
    MX --> DD[마감 날: 내일 모레 다음 주 / 12/3] --> DH[마감 시각: 12시 18시 21시 / 18:00]
    DH --> PD[받는 날: 마감 다음 날 / 이틀 뒤 / 12/5] --> PL[받는 곳]
    PL --> C[열기 (한 번만)] --> Y[open_group_buy]
    P & W & MN & MX & DD & DH & PD & PL & C -->|이전 / 처음으로| H[처음 메뉴]
```
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.dialogs.defects.status import parse_day
from bot.dialogs.shop.product import number_in, text_of
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.coordinator.actions import OpenCoordinator
from bot.handlers.shop.actions import GROUP_BUY_DIALOG, VendorMenu
from bot.screens import Expect, Screen
from core.shop.groupbuys import GroupBuyPolicy, NewGroupBuy, open_group_buy
from core.shop.model import MAX_NAME, MAX_PRICE

HOUR = re.compile(r"^(\d{1,2})\s*(?::|시)\s*(\d{2})?\s*(?:분)?$")
PICKUP_HOUR = time(18)


def _today(ctx: Ctx) -> date:
    return ctx.clock.now().astimezone(ctx.t.tz).date()


def _day(ctx: Ctx, text: str, a: dict) -> str:
    day = parse_day(text.strip(), _today(ctx))
    if day is None:
        raise Invalid(ctx._("날짜는 12/3 이나 2026-12-03 처럼 적어 주세요."))
    return day.isoformat()


def _hour(ctx: Ctx, text: str, a: dict) -> str:
    match = HOUR.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise Invalid(ctx._("시각은 18:00 처럼 적어 주세요."))
    return f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"


def _at(ctx: Ctx, day: str, hour: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(hour), tzinfo=ctx.t.tz)


def _days_from(ctx: Ctx, base: date, *pairs) -> list[Choice]:
    return [
        Choice(
            f"{label} ({(base + timedelta(n)).month}/{(base + timedelta(n)).day})",
            (base + timedelta(n)).isoformat(),
        )
        for label, n in pairs
    ]


def _gb_summary(ctx: Ctx, a: dict) -> str:
    name = next(p[1] for p in a["_products"] if p[0] == a["product"])
    most = ctx._("제한 없음") if not a["maximum"] else ctx._("{n}개", n=a["maximum"])
    return "\n".join(
        [
            ctx._("[공동구매 확인] {name}", name=name),
            ctx._("가격: {price} / 1개", price=ctx.t.won(a["price"])),
            ctx._("최소 {low}개 · 최대 {high}", low=a["minimum"], high=most),
            ctx._(
                "마감: {when}",
                when=ctx.t.datetime(_at(ctx, a["deadline_day"], a["deadline_hour"])),
            ),
            ctx._("받는 날: {when}", when=ctx.t.datetime(_at(ctx, a["pickup_day"], "18:00"))),
            ctx._("받는 곳: {place}", place=a["place"]),
            ctx._("이대로 열까요?"),
        ]
    )


async def _opened(ctx: Ctx, a: dict) -> Screen:
    back = OpenCoordinator() if a.get("_coordinator") else VendorMenu()
    if a["confirm"] != "go":
        return ctx.screen(ctx._("공동구매 열기를 그만뒀어요."), back=back)
    cfg = ctx.services.config.shop
    name = next(p[1] for p in a["_products"] if p[0] == a["product"])
    new = NewGroupBuy(
        product_id=a["product"],
        price=a["price"],
        minimum=a["minimum"],
        maximum=a["maximum"] or None,
        deadline=_at(ctx, a["deadline_day"], a["deadline_hour"]),
        pickup_at=_at(ctx, a["pickup_day"], PICKUP_HOUR.isoformat("minutes")),
        pickup_place=a["place"],
        title=name,
        complex_id=a.get("_complex_id") or None,
    )
    policy = GroupBuyPolicy(cfg.eve_hours, cfg.closing_soon_hours, cfg.pickup_hours)
    item = await open_group_buy(ctx.uow, ctx.clock, ctx.membership, new, policy)
    return ctx.screen(
        ctx._(
            "공동구매 '{title}'을(를) 열었어요. 이웃들이 알뜰쇼핑 → 공동구매에서 볼 수 있어요.",
            title=item.title,
        ),
        back=back,
    )


def _price_choices(ctx: Ctx, a: dict) -> list[Choice]:
    price = next(p[2] for p in a["_products"] if p[0] == a["product"])
    return [Choice(ctx._("상품 가격 그대로 ({won})", won=ctx.t.won(price)), price)]


group_buy_dialog = Dialog(
    GROUP_BUY_DIALOG,
    [
        Step(
            "product",
            lambda ctx, a: ctx._("어떤 상품으로 공동구매를 열까요?"),
            choices=lambda ctx, a: [Choice(p[1], p[0]) for p in a["_products"]],
        ),
        Step(
            "price",
            lambda ctx, a: ctx._("공동구매 가격(1개)은 얼마인가요?"),
            Expect.NUMBER,
            choices=_price_choices,
            parse=number_in(1, MAX_PRICE),
        ),
        Step(
            "minimum",
            lambda ctx, a: ctx._("모두 몇 개가 모이면 성사될까요? (최소 수량)"),
            Expect.NUMBER,
            parse=number_in(1, 10_000),
        ),
        Step(
            "maximum",
            lambda ctx, a: ctx._("최대 몇 개까지 받을까요?"),
            Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("제한 없음"), 0)],
            parse=lambda ctx, text, a: number_in(a["minimum"], 100_000)(ctx, text, a),
        ),
        Step(
            "deadline_day",
            lambda ctx, a: ctx._("언제 마감할까요? 날짜를 고르거나 적어 주세요."),
            Expect.DATE,
            parse=_day,
            choices=lambda ctx, a: _days_from(
                ctx, _today(ctx), (ctx._("내일"), 1), (ctx._("모레"), 2), (ctx._("다음 주"), 7)
            ),
        ),
        Step(
            "deadline_hour",
            lambda ctx, a: ctx._("마감 시각을 골라 주세요."),
            Expect.TEXT,
            choices=lambda ctx, a: [Choice(h, h) for h in ("12:00", "18:00", "21:00")],
            parse=_hour,
        ),
        Step(
            "pickup_day",
            lambda ctx, a: ctx._("물건은 언제 받나요? (오후 6시)"),
            Expect.DATE,
            parse=_day,
            choices=lambda ctx, a: _days_from(
                ctx,
                date.fromisoformat(a["deadline_day"]),
                (ctx._("마감 다음 날"), 1),
                (ctx._("이틀 뒤"), 2),
            ),
        ),
        Step(
            "place",
            lambda ctx, a: ctx._("어디에서 나눠 드릴까요?"),
            Expect.TEXT,
            choices=lambda ctx, a: [
                Choice(p.split("·")[0].strip(), p.split("·")[0].strip()) for p in a["_pickups"]
            ],
            parse=text_of(MAX_NAME),
        ),
        Step(
            "confirm",
            _gb_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("열기"), "go", once=True),
                Choice(ctx._("그만두기"), "stop"),
            ],
        ),
    ],
    on_done=_opened,
)

DIALOGS = (group_buy_dialog,)
