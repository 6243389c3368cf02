"""Dates and times typed the Korean way, for the carpool dialog: "내일 오전 8시", "12/3 18:30",
"금요일 저녁 7시 반", "모레", "오후 6시 30분". Pure functions; the dialog decides what is
missing and refuses past times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

WEEKDAYS = "월화수목금토일"
RELATIVE = {"오늘": 0, "금일": 0, "내일": 1, "낼": 1, "모레": 2, "글피": 3}
AM_WORDS = ("오전", "아침", "새벽")
PM_WORDS = ("오후", "저녁", "밤")

_md = re.compile(r"(\d{1,2})\s*(?:/|\.|월)\s*(\d{1,2})\s*일?")
_hm = re.compile(r"(\d{1,2})\s*:\s*(\d{2})")
_hour = re.compile(r"(\d{1,2})\s*시(?:\s*(반|(\d{1,2})\s*분))?")
_weekday = re.compile(r"(다음\s*주\s*)?([월화수목금토일])요일")


@dataclass(frozen=True)
class When:
    day: date | None = None
    at: time | None = None


def _day(text: str, today: date) -> date | None:
    for word, days in RELATIVE.items():
        if word in text:
            return today + timedelta(days=days)
    match = _md.search(text)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            found = date(today.year, month, day)
        except ValueError:
            return None
        if (today - found).days > 180:  # "1/5" typed in December: next year
            found = found.replace(year=today.year + 1)
        return found
    match = _weekday.search(text)
    if match:
        index = WEEKDAYS.index(match.group(2))
        if match.group(1):  # 다음주: that day of next week (Monday to Sunday)
            return today + timedelta(days=7 - today.weekday() + index)
        return today + timedelta(days=(index - today.weekday()) % 7)
    return None


def _time(text: str) -> time | None:
    match = _hm.search(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
    else:
        match = _hour.search(text)
        if not match:
            return None
        hour = int(match.group(1))
        minute = 30 if match.group(2) == "반" else int(match.group(3) or 0)
    if any(w in text for w in PM_WORDS) and 1 <= hour < 12:
        hour += 12
    elif any(w in text for w in AM_WORDS) and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def parse_when(text: str, today: date) -> When:
    """What the text says about the day and the time; either may be None."""
    without_day = _md.sub(" ", text)  # "12/3" must not read as a time
    return When(_day(text, today), _time(without_day))


def combine(day: date, at: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def local_today(now: datetime, tz: tzinfo) -> date:
    return now.astimezone(tz).date()
