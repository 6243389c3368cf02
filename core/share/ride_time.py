"""When a carpool may leave: the departure window (future, at most 60 days ahead), the law on
paid car-sharing, and the next 평일 of a repeating ride. Pure functions on Korean time.

Paid rides (실비 분담) follow the law on car-sharing for commuting (여객자동차 운수사업법
제81조): weekdays 07:00–09:00 and 18:00–20:00 Korean time, never on a public holiday.
Which days are holidays is data the application hands in (`Holidays`: built in bot/app.py
from the `holidays` package and bot.toml's [share] extra_holidays), so core knows no
calendar of its own and tests pass plain sets of dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from core.errors import InvalidInput

KST = ZoneInfo("Asia/Seoul")
PAID_WINDOWS = ((time(7, 0), time(9, 0)), (time(18, 0), time(20, 0)))
MAX_AHEAD = timedelta(days=60)


class Holidays(Protocol):
    """The public holidays (공휴일, 대체공휴일 and 임시공휴일 included): `day in holidays`."""

    def __contains__(self, day: object, /) -> bool: ...


NO_HOLIDAYS: Holidays = frozenset()


def is_workday(day: date, holidays: Holidays = NO_HOLIDAYS) -> bool:
    """평일: Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def paid_ride_refusal(departs_at: datetime, holidays: Holidays = NO_HOLIDAYS) -> str | None:
    """Why a paid ride may not leave then ("share.paid_weekend", "share.paid_holiday",
    "share.paid_hours"), or None when it may: weekdays that are not public holidays,
    07:00–09:00 or 18:00–20:00 (KST), both ends included."""
    local = departs_at.astimezone(KST)
    if local.weekday() >= 5:
        return "share.paid_weekend"
    if local.date() in holidays:
        return "share.paid_holiday"
    at = local.time().replace(second=0, microsecond=0)
    if not any(start <= at <= end for start, end in PAID_WINDOWS):
        return "share.paid_hours"
    return None


def paid_ride_allowed(departs_at: datetime, holidays: Holidays = NO_HOLIDAYS) -> bool:
    return paid_ride_refusal(departs_at, holidays) is None


def check_departure(departs_at: datetime | None, now: datetime) -> datetime:
    if departs_at is None or departs_at.tzinfo is None:
        raise InvalidInput("share.no_time")
    if departs_at <= now:
        raise InvalidInput("share.past")
    if departs_at > now + MAX_AHEAD:
        raise InvalidInput("share.too_far")
    return departs_at


def next_weekday(
    departs_at: datetime, now: datetime, holidays: Holidays = NO_HOLIDAYS
) -> datetime:
    """The same wall-clock time (KST) on the next 평일 (Monday–Friday, not a public holiday)
    after `departs_at` that is still ahead of `now` (a closing job run late skips the days
    already gone)."""
    local = departs_at.astimezone(KST)
    while True:
        local = (local + timedelta(days=1)).replace(tzinfo=KST)
        if is_workday(local.date(), holidays) and local > now:
            return local
