"""`[help] office_hours`: "평일 09:00-18:00" and friends, public holidays closed on 평일, the
next opening, and unreadable values refused when the config is loaded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import ConfigError, load_config
from bot.public_holidays import PublicHolidays
from core.errors import DomainError
from core.helpdesk.hours import OfficeHours

SEOUL = ZoneInfo("Asia/Seoul")


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def test_weekdays_nine_to_six():
    hours = OfficeHours.parse("평일 09:00-18:00", SEOUL)
    assert hours.is_open(kst(2026, 11, 25, 9, 0))  # Wednesday
    assert not hours.is_open(kst(2026, 11, 25, 18, 0))
    assert not hours.is_open(kst(2026, 11, 28, 10, 0))  # Saturday
    assert hours.next_open(kst(2026, 11, 25, 19, 0)) == kst(2026, 11, 26, 9, 0)
    assert hours.next_open(kst(2026, 11, 27, 18, 30)) == kst(2026, 11, 30, 9, 0)


def test_a_public_holiday_on_a_weekday_is_closed():
    hours = OfficeHours.parse("평일 09:00-18:00", SEOUL)
    holidays = PublicHolidays()
    christmas = kst(2026, 12, 25, 10, 0)  # a Friday
    assert date(2026, 12, 25) in holidays
    assert not hours.is_open(christmas, holidays)
    assert hours.next_open(christmas, holidays) == kst(2026, 12, 28, 9, 0)
    assert hours.is_open(christmas.astimezone(UTC))  # without holidays: a Friday


def test_several_rules_and_always():
    hours = OfficeHours.parse("월-금 09:00-18:00, 토 09:00-13:00", SEOUL)
    assert hours.is_open(kst(2026, 11, 28, 12, 59))
    assert not hours.is_open(kst(2026, 11, 29, 10, 0))  # Sunday
    assert OfficeHours.parse("항상", SEOUL).is_open(kst(2026, 11, 29, 3, 0))


@pytest.mark.parametrize("text", ["평일", "평일 9시-6시", "평일 18:00-09:00", "휴일 09:00-18:00"])
def test_unreadable_hours_are_refused(text):
    with pytest.raises(DomainError):
        OfficeHours.parse(text, SEOUL)


def test_the_config_names_the_bad_key(tmp_path):
    with pytest.raises(ConfigError, match="help.office_hours"):
        load_config(env={"BOT_HELP_OFFICE_HOURS": "아무때나"}, path=None)
