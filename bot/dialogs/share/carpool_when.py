"""The carpool dialog's time question, ONE screen: the common times as buttons (오늘 오후 6시,
내일 오전 8시, 내일 오후 6시 — only those still ahead) and 다른 시간 for the rest, or typed
Korean such as "내일 오전 8시" / "12/3 18:30". 다른 시간 (or a typed date without a time)
asks its follow-ups 날짜, 시 and 분 (only future times are offered), numbered with the time
question. Whether a paid ride may leave then (weekend, public holiday, commuting hours) is
core's rule (`paid_ride_refusal`). Typed text is read by core.share.when; every refusal asks
the same question again."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.dialogs.share.carpool_hours import HOUR_STEPS, chosen_hour, hour_label, today, when_of
from bot.dialogs.share.carpool_hours import at as _at
from bot.dialogs.share.carpool_hours import past as _past
from bot.engine.context import Ctx
from bot.engine.dialog import Choice, Invalid, Step
from bot.handlers.share.words import LEGAL_NOTE
from bot.screens import Expect
from core.share.ride_time import MAX_AHEAD, paid_ride_refusal
from core.share.when import parse_when

COMMON_TIMES = ((0, 18), (1, 8), (1, 18))  # (days from today, hour): 오늘 오후 6시, 내일 …
OTHER = {"other": True}  # 다른 시간: the day, hour and minute follow-ups


def departure(ctx: Ctx, a: dict) -> datetime:
    """The departure the answers so far name (the day step, or the day, hour and minute)."""
    when = when_of(a)
    day = date.fromisoformat(when["date"])
    if when.get("time"):
        hour, minute = map(int, when["time"].split(":"))
    else:
        chosen = chosen_hour(a)
        hour = chosen["h"]
        minute = chosen["m"] if chosen.get("m") is not None else a["minute"]
    return _at(ctx, day, hour, minute)


def paid_refusal(ctx: Ctx, a: dict) -> str | None:
    """Why a paid ride may not leave at the chosen time, in words (with the legal note and
    the way out), or None when it may."""
    code = paid_ride_refusal(departure(ctx, a), ctx.services.holidays)
    if code is None:
        return None
    reasons = {
        "share.paid_weekend": ctx._("주말에는 기름값을 받는 카풀을 할 수 없어요."),
        "share.paid_holiday": ctx._("공휴일에는 기름값을 받는 카풀을 할 수 없어요."),
    }
    reason = reasons.get(code) or ctx._("이 시간에는 유료 카풀을 올릴 수 없어요.")
    way_out = ctx._("'무료로 할게요'를 누르거나 '이전'으로 시간을 바꿔 주세요.")
    return "\n".join((reason, ctx._(LEGAL_NOTE), way_out))


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
    if day > today(ctx) + MAX_AHEAD:
        raise Invalid(ctx._("60일 안의 날짜만 올릴 수 있어요."))
    at = when.at.isoformat(timespec="minutes") if when.at else None
    if when.at and _at(ctx, day, when.at.hour, when.at.minute) <= ctx.clock.now():
        raise _past(ctx)
    return {"date": day.isoformat(), "time": at}


def when_label(ctx: Ctx, at: datetime) -> str:
    """오늘 오후 6시 / 내일 오전 8시 30분 / 토요일 오전 8시 (this week) / 12월 3일 오전 8시."""
    local = at.astimezone(ctx.t.tz)
    days = (local.date() - today(ctx)).days
    hour = hour_label(ctx, local.hour)
    if local.minute:
        hour = ctx._("{hour} {minute}분", hour=hour, minute=format(local.minute, "02d"))
    if days == 0:
        return ctx._("오늘 {hour}", hour=hour)
    if days == 1:
        return ctx._("내일 {hour}", hour=hour)
    day = ctx.t.weekday(local) if days < 7 else ctx.t.day(local)
    return ctx._("{day} {hour}", day=day, hour=hour)


def _when_choices(ctx: Ctx, a: dict) -> list[Choice]:
    now = ctx.clock.now()
    choices = []
    for days, hour in COMMON_TIMES:
        at = _at(ctx, today(ctx) + timedelta(days=days), hour, 0)
        if at > now:
            value = {"date": at.date().isoformat(), "time": f"{hour:02d}:00"}
            choices.append(Choice(when_label(ctx, at), value))
    choices.append(Choice(ctx._("다른 시간"), OTHER))
    return choices


def _day_choices(ctx: Ctx, a: dict) -> list[Choice]:
    first = today(ctx)
    choices = [
        Choice(ctx._("오늘"), {"date": first.isoformat(), "time": None}),
        Choice(ctx._("내일"), {"date": (first + timedelta(days=1)).isoformat(), "time": None}),
    ]
    for n in range(2, 7):
        day = first + timedelta(days=n)
        weekday = ctx.t.weekday(_at(ctx, day, 12, 0))
        label = ctx._("{weekday} ({month}/{day})", weekday=weekday, month=day.month, day=day.day)
        choices.append(Choice(label, {"date": day.isoformat(), "time": None}))
    return choices


# One time screen; 다른 시간 (or a typed day without a time) asks 날짜, 시 and 분 as follow-ups.
TIME_STEPS = [
    Step(
        "day",
        prompt=lambda ctx, a: ctx._(
            "언제 출발하나요? 시간을 누르거나 '내일 오전 8시'처럼 적어 주세요."
        ),
        expect=Expect.TEXT,
        choices=_when_choices,
        parse=_parse_day,
        placeholder=lambda ctx: ctx._("예: 내일 오전 8시"),
    ),
    Step(
        "other_day",
        prompt=lambda ctx, a: ctx._("어느 날 출발하나요? 날짜를 누르거나 '12/3'처럼 적어 주세요."),
        expect=Expect.TEXT,
        choices=_day_choices,
        parse=_parse_day,
        skip=lambda ctx, a: not (a.get("day") or {}).get("other"),
        follow_up=True,
        placeholder=lambda ctx: ctx._("예: 12/3"),
    ),
    *HOUR_STEPS,
]
