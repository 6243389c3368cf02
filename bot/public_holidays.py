"""Korean public holidays for the paid-carpool rule (core.share.ride_time.Holidays).

The `holidays` package ships its tables (설날, 추석, 대체공휴일, 선거일 ... no network); days
announced after its release (임시공휴일, a by-election) are added in bot.toml:
`[share] extra_holidays = ["2026-06-03"]`. Built once in the composition root."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays


class PublicHolidays:
    """`day in PublicHolidays(...)`: a public holiday of the country, or one of `extra`."""

    def __init__(self, extra: Iterable[date] = (), country: str = "KR") -> None:
        self._table = holidays.country_holidays(country)  # years are filled in as asked
        self._extra = frozenset(extra)

    def __contains__(self, day: object, /) -> bool:
        return isinstance(day, date) and (day in self._extra or day in self._table)


def parse_days(texts: Iterable[str]) -> list[date]:
    """YYYY-MM-DD strings as dates (bot.config has checked them)."""
    return [date.fromisoformat(text) for text in texts]
