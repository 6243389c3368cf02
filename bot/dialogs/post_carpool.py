"""카풀 올리기: 출발지, 도착지, 날짜, 시각, 인원, 비용 — buttons first, typing understood.

"내일 오전 8시" or "12/3 18:30" typed at the date question answers the time too. Only future
times are offered as buttons; a typed past time, zero or seven seats, a place over 50
characters or a paid ride outside weekday 07–09 / 18–20 is explained and asked again.

```mermaid
flowchart TD
    S[공유마켓 → 카풀 → 글 올리기] --> A[해드려요: 태워 드려요 / 구해요: 태워 주세요]
    A --> O[출발지: 단지 정문 동탄역 … 또는 적기] --> D[도착지]
    D --> W[날짜: 오늘 내일 요일 또는 "내일 오전 8시"]
    W -->|시각까지 적음| N
    W --> H[시: 미래의 시각만] --> M[분: 00 10 … 50]
    M --> N[인원 1–6]
    N --> C[비용: 무료 / 실비 분담 + 법 안내]
    C -->|실비 분담| P[금액, 평일 07–09·18–20만; 아니면 같은 질문 다시]
    C -->|무료| RP[평일마다 반복할까요? 한 번만 / 평일마다 반복]
    P --> RP --> T[덧붙일 말 / 건너뛰기] --> K[확인: 올리기 한 번만 / 취소]
    K -->|올리기| R[post_carpool → 30분 전 알림, 출발 때 마감 예약]
    R -->|반복| NX[마감 작업이 다음 평일 카풀을 올림, 마감·삭제하면 멈춤]
    W & H & M & N & C & P & RP & T & K -->|이전 / 처음으로| X[앞 질문 / 처음 메뉴]
```
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Dialog, Invalid, Step
from bot.handlers.share_words import LEGAL_NOTE
from bot.screens import Expect, Screen
from core.share.carpool import NewRide, paid_ride_allowed, post_carpool
from core.share.model import MAX_PLACE, MAX_RIDE_PRICE, MAX_SEATS, MAX_TEXT, Side
from core.share.when import parse_when

NAME = "share.carpool"
MINUTES = (0, 10, 20, 30, 40, 50)
HOURS = range(5, 24)


def text_limit(limit: int):
    def parse(ctx: Ctx, text: str, a: dict) -> str:
        if not text:
            raise Invalid(ctx._("내용을 적어 주세요."))
        if len(text) > limit:
            raise Invalid(
                ctx._("{limit}자까지 적을 수 있어요. 조금 줄여서 다시 적어 주세요.", limit=limit)
            )
        return text

    return parse


def today(ctx: Ctx) -> date:
    return ctx.clock.now().astimezone(ctx.t.tz).date()


def _at(ctx: Ctx, day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ctx.t.tz)


def departure(ctx: Ctx, a: dict) -> datetime:
    day = date.fromisoformat(a["day"]["date"])
    if a["day"].get("time"):
        hour, minute = map(int, a["day"]["time"].split(":"))
    else:
        hour = a["hour"]["h"]
        minute = a["hour"]["m"] if a["hour"].get("m") is not None else a["minute"]
    return _at(ctx, day, hour, minute)


def _past(ctx: Ctx) -> Invalid:
    return Invalid(ctx._("이미 지난 시간이에요. 앞으로의 날짜와 시간을 골라 주세요."))


def _parse_day(ctx: Ctx, text: str, a: dict) -> dict:
    when = parse_when(text, today(ctx))
    day = when.day or (today(ctx) if when.at else None)
    if day is None:
        raise Invalid(
            ctx._(
                "날짜를 알아듣지 못했어요. "
                "버튼을 누르거나 '내일 오전 8시', '12/3'처럼 적어 주세요."
            )
        )
    if day < today(ctx):
        raise _past(ctx)
    if day > today(ctx) + timedelta(days=60):
        raise Invalid(ctx._("60일 안의 날짜만 올릴 수 있어요."))
    at = when.at.strftime("%H:%M") if when.at else None
    if when.at and _at(ctx, day, when.at.hour, when.at.minute) <= ctx.clock.now():
        raise _past(ctx)
    return {"date": day.isoformat(), "time": at}


def _day_choices(ctx: Ctx, a: dict) -> list[Choice]:
    first = today(ctx)
    choices = [
        Choice(ctx._("오늘"), {"date": first.isoformat(), "time": None}),
        Choice(ctx._("내일"), {"date": (first + timedelta(days=1)).isoformat(), "time": None}),
    ]
    for n in range(2, 7):
        day = first + timedelta(days=n)
        weekday = ctx.t.datetime(_at(ctx, day, 12, 0), "EEEE")
        label = ctx._("{weekday} ({month}/{day})", weekday=weekday, month=day.month, day=day.day)
        choices.append(Choice(label, {"date": day.isoformat(), "time": None}))
    return choices


def hour_label(ctx: Ctx, hour: int) -> str:
    if hour < 12:
        return ctx._("오전 {h}시", h=hour)
    return ctx._("오후 {h}시", h=hour - 12 if hour > 12 else 12)


def _open_minutes(ctx: Ctx, day: date, hour: int) -> list[int]:
    now = ctx.clock.now()
    return [m for m in MINUTES if _at(ctx, day, hour, m) > now]


def _hour_choices(ctx: Ctx, a: dict) -> list[Choice]:
    day = date.fromisoformat(a["day"]["date"])
    return [
        Choice(hour_label(ctx, h), {"h": h, "m": None})
        for h in HOURS
        if _open_minutes(ctx, day, h)
    ]


def _parse_hour(ctx: Ctx, text: str, a: dict) -> dict:
    typed = text if any(w in text for w in ("시", ":")) else f"{text}시"
    at = parse_when(typed, today(ctx)).at
    if at is None:
        raise Invalid(
            ctx._("시각을 알아듣지 못했어요. 버튼을 누르거나 '오전 8시'처럼 적어 주세요.")
        )
    day = date.fromisoformat(a["day"]["date"])
    minute = at.minute if (":" in text or "분" in text or "반" in text) else None
    if _at(ctx, day, at.hour, minute or 0) <= ctx.clock.now() and minute is not None:
        raise _past(ctx)
    if minute is None and not _open_minutes(ctx, day, at.hour):
        raise _past(ctx)
    return {"h": at.hour, "m": minute}


def _minute_choices(ctx: Ctx, a: dict) -> list[Choice]:
    day, hour = date.fromisoformat(a["day"]["date"]), a["hour"]["h"]
    label = hour_label(ctx, hour)
    return [
        Choice(ctx._("{hour} {minute}분", hour=label, minute=f"{m:02d}"), m)
        for m in _open_minutes(ctx, day, hour)
    ]


def _parse_minute(ctx: Ctx, text: str, a: dict) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 0 <= int(digits) <= 59:
        raise Invalid(ctx._("분은 0부터 59까지 숫자로 적어 주세요."))
    minute = int(digits)
    day, hour = date.fromisoformat(a["day"]["date"]), a["hour"]["h"]
    if _at(ctx, day, hour, minute) <= ctx.clock.now():
        raise _past(ctx)
    return minute


def _parse_seats(ctx: Ctx, text: str, a: dict) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 1 <= int(digits) <= MAX_SEATS:
        raise Invalid(ctx._("인원은 1명부터 {max}명까지예요. 숫자로 골라 주세요.", max=MAX_SEATS))
    return int(digits)


def won_amount(ctx: Ctx, text: str, limit: int) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 1 <= int(digits) <= limit:
        raise Invalid(
            ctx._(
                "금액은 1원부터 {limit}까지 숫자로 적어 주세요. (예: 3000)", limit=ctx.t.won(limit)
            )
        )
    return int(digits)


def _parse_amount(ctx: Ctx, text: str, a: dict) -> int:
    amount = won_amount(ctx, text, MAX_RIDE_PRICE)
    if not paid_ride_allowed(departure(ctx, a)):
        raise Invalid(
            ctx._("이 시간에는 유료 카풀을 올릴 수 없어요.") + "\n" + ctx._(LEGAL_NOTE)
            + "\n" + ctx._("'무료로 할게요'를 누르거나 '이전'으로 시간을 바꿔 주세요.")
        )  # fmt: skip
    return amount


def _summary(ctx: Ctx, a: dict) -> str:
    side = ctx._("태워 드려요") if a["side"] == Side.OFFER else ctx._("태워 주세요")
    price = (
        ctx._("무료")
        if not a.get("amount")
        else ctx._("실비 분담 {amount}", amount=ctx.t.won(a["amount"]))
    )
    lines = [
        ctx._("[카풀 확인] {side}", side=side),
        ctx._("{origin} → {destination}", origin=a["origin"], destination=a["destination"]),
        ctx._("출발: {when}", when=ctx.t.datetime(departure(ctx, a))),
        ctx._("인원: {n}명", n=a["seats"]),
        ctx._("비용: {price}", price=price),
    ]
    if a.get("repeat"):
        lines.append(ctx._("반복: 평일마다 (월~금)"))
    if a.get("note"):
        lines.append(ctx._("덧붙인 말: {text}", text=a["note"]))
    lines.append(ctx._("이대로 올릴까요?"))
    return "\n".join(lines)


def _place_choices(ctx: Ctx, a: dict) -> list[Choice]:
    return [Choice(place, place) for place in ctx.services.config.share.places]


async def _done(ctx: Ctx, a: dict) -> Screen:
    from bot.handlers.home import home
    from bot.handlers.share import OpenCarpool, OpenListing

    if a["confirm"] == "cancel":
        return (await home(ctx)).with_notices(ctx._("카풀 올리기를 취소했어요."))
    new = NewRide(
        side=a["side"],
        origin=a["origin"],
        destination=a["destination"],
        departs_at=departure(ctx, a),
        seats=a["seats"],
        price=a.get("amount") or 0,
        details=a.get("note", ""),
        repeat=bool(a.get("repeat")),
    )
    listing = await post_carpool(ctx.uow, ctx.clock, ctx.membership, new)
    text = ctx._("카풀을 올렸어요. 출발 30분 전에 알려 드릴게요.")
    if listing.side == Side.OFFER:
        text += "\n" + ctx._("탑승 신청이 오면 바로 알려 드릴게요.")
    return ctx.screen(
        text,
        ctx.button(ctx._("글 보기"), OpenListing(listing.id)),
        ctx.button(ctx._("카풀 목록"), OpenCarpool()),
    )


def _skip_time(ctx: Ctx, a: dict) -> bool:
    return bool(a.get("day", {}).get("time"))


dialog = Dialog(
    NAME,
    [
        Step(
            "side",
            prompt=lambda ctx, a: ctx._("운전해서 태워 드리나요, 타고 갈 차를 구하나요?"),
            choices=lambda ctx, a: [
                Choice(ctx._("태워 드려요 (해드려요)"), Side.OFFER.value),
                Choice(ctx._("태워 주세요 (구해요)"), Side.REQUEST.value),
            ],
        ),
        Step(
            "origin",
            prompt=lambda ctx, a: ctx._("어디에서 출발하나요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=_place_choices,
            parse=text_limit(MAX_PLACE),
            placeholder=lambda ctx: ctx._("예: 102동 앞"),
        ),
        Step(
            "destination",
            prompt=lambda ctx, a: ctx._("어디로 가나요? 버튼을 누르거나 짧게 적어 주세요."),
            expect=Expect.TEXT,
            choices=_place_choices,
            parse=text_limit(MAX_PLACE),
            placeholder=lambda ctx: ctx._("예: 동탄역"),
        ),
        Step(
            "day",
            prompt=lambda ctx, a: ctx._(
                "언제 출발하나요? 날짜를 누르거나 '내일 오전 8시'처럼 적어 주세요."
            ),
            expect=Expect.TEXT,
            choices=_day_choices,
            parse=_parse_day,
            placeholder=lambda ctx: ctx._("예: 내일 오전 8시"),
        ),
        Step(
            "hour",
            prompt=lambda ctx, a: ctx._("몇 시에 출발하나요?"),
            expect=Expect.TEXT,
            choices=_hour_choices,
            parse=_parse_hour,
            skip=_skip_time,
        ),
        Step(
            "minute",
            prompt=lambda ctx, a: ctx._("몇 분에 출발하나요?"),
            expect=Expect.TEXT,
            choices=_minute_choices,
            parse=_parse_minute,
            skip=lambda ctx, a: _skip_time(ctx, a) or a.get("hour", {}).get("m") is not None,
        ),
        Step(
            "seats",
            prompt=lambda ctx, a: (
                ctx._("몇 명 태울 수 있나요?")
                if a.get("side") == Side.OFFER
                else ctx._("몇 명이 타나요?")
            ),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [
                Choice(ctx._("{n}명", n=n), n) for n in range(1, MAX_SEATS + 1)
            ],
            parse=_parse_seats,
        ),
        Step(
            "cost",
            prompt=lambda ctx, a: ctx._("비용은 어떻게 할까요?") + "\n" + ctx._(LEGAL_NOTE),
            choices=lambda ctx, a: [
                Choice(ctx._("무료"), "free"),
                Choice(ctx._("실비 분담"), "paid"),
            ],
        ),
        Step(
            "amount",
            prompt=lambda ctx, a: ctx._("한 사람이 낼 실비를 원 단위 숫자로 적어 주세요."),
            expect=Expect.NUMBER,
            choices=lambda ctx, a: [Choice(ctx._("무료로 할게요"), 0)],
            parse=_parse_amount,
            skip=lambda ctx, a: a.get("cost") != "paid",
            placeholder=lambda ctx: ctx._("예: 3000"),
        ),
        Step(
            "repeat",
            prompt=lambda ctx, a: ctx._(
                "평일마다 반복할까요? 반복하면 차가 떠날 때 다음 평일 같은 시각의 카풀이 새로 "
                "올라가요. 마감하거나 지우면 멈춰요."
            ),
            choices=lambda ctx, a: [
                Choice(ctx._("한 번만"), False),
                Choice(ctx._("평일마다 반복"), True),
            ],
        ),
        Step(
            "note",
            prompt=lambda ctx, a: ctx._(
                "덧붙일 말이 있으면 적어 주세요. (예: 트렁크에 짐 하나 실을 수 있어요) "
                "없으면 '건너뛰기'를 눌러 주세요."
            ),
            expect=Expect.TEXT,
            choices=lambda ctx, a: [Choice(ctx._("건너뛰기"), "")],
            parse=text_limit(MAX_TEXT),
        ),
        Step(
            "confirm",
            prompt=_summary,
            choices=lambda ctx, a: [
                Choice(ctx._("올리기"), "submit", once=True),
                Choice(ctx._("취소"), "cancel"),
            ],
        ),
    ],
    on_done=_done,
)
