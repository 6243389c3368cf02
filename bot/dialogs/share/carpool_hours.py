"""The carpool time question's follow-ups after 다른 시간 and a day: the part of the day, the
hour and the minute — each a short list of buttons, so nobody pages through 19 hours with
더보기 (and a typed "오후 6시" or "18:30" answers at once).

```mermaid
flowchart LR
    other_day[날짜] --> band{시간대}
    band -- 오후 5~8시 --> hour[시]
    band -- typed 오후 6시 --> minute[분]
    hour --> minute
    minute --> seats[몇 명]
```

The part-of-day question is asked only when more hours are still open that day than fit on
one screen; the minutes are 00, 15, 30 and 45 (any other is typed)."""

from __future__ import annotations

from datetime import date, datetime, time

from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Invalid, Step
from bot.i18n import N_
from bot.screens import Expect
from core.share.when import parse_when

MINUTES = (0, 15, 30, 45)
HOURS = range(5, 24)
# (label, first hour, last hour): at most four hours each, one screen even in 쉬운 모드
BANDS = (
    (N_("아침 5~8시"), 5, 8),
    (N_("오전 9~12시"), 9, 12),
    (N_("오후 1~4시"), 13, 16),
    (N_("오후 5~8시"), 17, 20),
    (N_("밤 9~11시"), 21, 23),
)
BAND_FROM = 5  # more open hours than this: ask the part of the day first


def today(ctx: Ctx) -> date:
    return ctx.clock.now().astimezone(ctx.t.tz).date()


def at(ctx: Ctx, day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ctx.t.tz)


def when_of(a: dict) -> dict:
    """The chosen day {"date", "time" or None}: the time screen's, or 다른 시간's 날짜."""
    day = a.get("day") or {}
    return (a.get("other_day") or {}) if day.get("other") else day


def chosen_hour(a: dict) -> dict:
    """{"h", "m" or None}: typed at the part-of-day question, or tapped at the hour's."""
    band = a.get("band") or {}
    return band if "h" in band else a.get("hour") or {}


def past(ctx: Ctx) -> Invalid:
    return Invalid(ctx._("이미 지난 시간이에요. 앞으로의 날짜와 시간을 골라 주세요."))


def hour_label(ctx: Ctx, hour: int) -> str:
    if hour < 12:
        return ctx._("오전 {h}시", h=hour)
    return ctx._("오후 {h}시", h=hour - 12 if hour > 12 else 12)


def _day(a: dict) -> date:
    return date.fromisoformat(when_of(a)["date"])


def _open_minutes(ctx: Ctx, day: date, hour: int) -> list[int]:
    now = ctx.clock.now()
    return [m for m in MINUTES if at(ctx, day, hour, m) > now]


def _open_hours(ctx: Ctx, a: dict) -> list[int]:
    return [h for h in HOURS if _open_minutes(ctx, _day(a), h)]


def _timed(a: dict) -> bool:
    return bool(when_of(a).get("time"))


def _band_choices(ctx: Ctx, a: dict) -> list[Choice]:
    hours = _open_hours(ctx, a)
    return [
        Choice(ctx._(label), {"from": first, "to": last})
        for label, first, last in BANDS
        if any(first <= h <= last for h in hours)
    ]


def _skip_band(ctx: Ctx, a: dict) -> bool:
    if _timed(a) or "date" not in when_of(a):  # (asked, if at all, after the day)
        return True
    return len(_open_hours(ctx, a)) <= BAND_FROM


def _hour_choices(ctx: Ctx, a: dict) -> list[Choice]:
    band = a.get("band") or {}
    first, last = (band["from"], band["to"]) if "from" in band else (HOURS[0], HOURS[-1])
    return [
        Choice(hour_label(ctx, h), {"h": h, "m": None})
        for h in _open_hours(ctx, a)
        if first <= h <= last
    ]


def _parse_hour(ctx: Ctx, text: str, a: dict) -> dict:
    typed = text if any(w in text for w in ("시", ":")) else f"{text}시"
    found = parse_when(typed, today(ctx)).at
    if found is None:
        raise Invalid(
            ctx._("시각을 알아듣지 못했어요. 버튼을 누르거나 '오전 8시'처럼 적어 주세요.")
        )
    minute = found.minute if (":" in text or "분" in text or "반" in text) else None
    if at(ctx, _day(a), found.hour, minute or 0) <= ctx.clock.now() and minute is not None:
        raise past(ctx)
    if minute is None and not _open_minutes(ctx, _day(a), found.hour):
        raise past(ctx)
    return {"h": found.hour, "m": minute}


def _minute_choices(ctx: Ctx, a: dict) -> list[Choice]:
    hour = chosen_hour(a)["h"]
    label = hour_label(ctx, hour)
    return [
        Choice(ctx._("{hour} {minute}분", hour=label, minute=format(m, "02d")), m)
        for m in _open_minutes(ctx, _day(a), hour)
    ]


def _parse_minute(ctx: Ctx, text: str, a: dict) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or not 0 <= int(digits) <= 59:
        raise Invalid(ctx._("분은 0부터 59까지 숫자로 적어 주세요."))
    minute = int(digits)
    if at(ctx, _day(a), chosen_hour(a)["h"], minute) <= ctx.clock.now():
        raise past(ctx)
    return minute


HOUR_STEPS = [
    Step(
        "band",
        prompt=lambda ctx, a: ctx._("몇 시쯤 출발하나요?"),
        expect=Expect.TEXT,
        choices=_band_choices,
        parse=_parse_hour,
        skip=_skip_band,
        follow_up=True,
    ),
    Step(
        "hour",
        prompt=lambda ctx, a: ctx._("몇 시에 출발하나요?"),
        expect=Expect.TEXT,
        choices=_hour_choices,
        parse=_parse_hour,
        skip=lambda ctx, a: _timed(a) or "h" in (a.get("band") or {}),
        follow_up=True,
    ),
    Step(
        "minute",
        prompt=lambda ctx, a: ctx._("몇 분에 출발하나요?"),
        expect=Expect.TEXT,
        choices=_minute_choices,
        parse=_parse_minute,
        skip=lambda ctx, a: _timed(a) or chosen_hour(a).get("m") is not None,
        follow_up=True,
    ),
]
