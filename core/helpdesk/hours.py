"""Office hours of the 관리사무소: when coordinators answer help requests.

Written as `[help] office_hours = "평일 09:00-18:00"`: a day set and a time range, several
separated by commas ("평일 09:00-18:00, 토 09:00-13:00"). Day sets: 평일 (Monday to Friday,
public holidays excepted), 매일 (every day, holidays included), or days of the week
(월 화 수 목 금 토 일, e.g. "월-금" or "토"). "항상" (or an empty value) means always open.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from core.errors import DomainError

DAYS = "월화수목금토일"
_RULE = re.compile(r"^\s*(\S+?)\s+(\d{1,2}):(\d{2})\s*[-~]\s*(\d{1,2}):(\d{2})\s*$")
WORKDAYS = "workdays"  # 평일: Monday to Friday and not a public holiday


@dataclass(frozen=True)
class Rule:
    days: frozenset[int] | str  # weekdays 0-6, or WORKDAYS
    start: time
    end: time

    def covers(self, day: date, holidays: Container[date]) -> bool:
        if self.days == WORKDAYS:
            return day.weekday() < 5 and day not in holidays
        return day.weekday() in self.days


def _days(word: str) -> frozenset[int] | str:
    if word in ("평일", "weekdays"):
        return WORKDAYS
    if word in ("매일", "everyday", "daily"):
        return frozenset(range(7))
    if len(word) == 3 and word[1] in "-~" and word[0] in DAYS and word[2] in DAYS:
        first, last = DAYS.index(word[0]), DAYS.index(word[2])
        if first <= last:
            return frozenset(range(first, last + 1))
    if word and all(ch in DAYS for ch in word):
        return frozenset(DAYS.index(ch) for ch in word)
    raise DomainError("help.bad_hours", text=word)


@dataclass(frozen=True)
class OfficeHours:
    rules: tuple[Rule, ...]  # empty: always open
    zone: tzinfo

    @classmethod
    def parse(cls, text: str, zone: tzinfo) -> OfficeHours:
        """ "평일 09:00-18:00" and the like; DomainError("help.bad_hours") when unreadable."""
        if text.strip() in ("", "항상", "always"):
            return cls((), zone)
        rules = []
        for part in text.split(","):
            found = _RULE.match(part)
            if not found:
                raise DomainError("help.bad_hours", text=part.strip())
            h1, m1, h2, m2 = (int(g) for g in found.groups()[1:])
            if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h1, m1) >= (h2, m2):
                raise DomainError("help.bad_hours", text=part.strip())
            end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
            rules.append(Rule(_days(found.group(1)), time(h1, m1), end))
        return cls(tuple(rules), zone)

    def is_open(self, at: datetime, holidays: Container[date] = frozenset()) -> bool:
        if not self.rules:
            return True
        local = at.astimezone(self.zone)
        return any(
            r.covers(local.date(), holidays) and r.start <= local.time() < r.end
            for r in self.rules
        )

    def next_open(self, at: datetime, holidays: Container[date] = frozenset()) -> datetime:
        """When the office opens next (`at` itself when open now); within 3 weeks."""
        if self.is_open(at, holidays):
            return at
        local = at.astimezone(self.zone)
        for offset in range(22):
            day = local.date() + timedelta(days=offset)
            starts = sorted(
                datetime.combine(day, r.start, self.zone)
                for r in self.rules
                if r.covers(day, holidays)
            )
            for start in starts:
                if start > local:
                    return start
        return at  # no rule ever opens: say nothing wrong, answer as soon as someone can
