"""Korean public holidays as the bot knows them: the `holidays` package's tables (추석 연휴,
개천절, 대체공휴일 — no network), the days bot.toml adds ([share] extra_holidays, checked
as dates), wired by the composition root into the paid-carpool rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.app import build_services
from bot.config import ConfigError, load_config
from bot.public_holidays import PublicHolidays
from core.share.ride_time import KST, paid_ride_refusal


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (date(2026, 9, 24), True),  # 추석 연휴
        (date(2026, 9, 25), True),  # 추석
        (date(2026, 10, 3), True),  # 개천절, a Saturday
        (date(2026, 10, 5), True),  # its 대체공휴일, the Monday after
        (date(2026, 10, 6), False),
        (date(2026, 12, 25), True),  # 기독탄신일
        (date(2026, 11, 26), False),
    ],
)
def test_the_package_knows_korean_holidays_and_substitutes(day, holiday):
    assert (day in PublicHolidays()) is holiday


def test_a_paid_ride_on_a_substitute_holiday_is_refused():
    monday = datetime(2026, 10, 5, 8, 0, tzinfo=KST)
    assert paid_ride_refusal(monday, PublicHolidays()) == "share.paid_holiday"
    assert paid_ride_refusal(monday.replace(day=6), PublicHolidays()) is None


def test_extra_days_count_as_holidays():
    holidays = PublicHolidays([date(2026, 11, 27)])
    assert date(2026, 11, 27) in holidays and date(2026, 9, 25) in holidays
    assert date(2026, 11, 27) not in PublicHolidays()
    assert "2026-11-27" not in holidays  # dates only


async def test_the_composition_root_builds_them_from_the_config(config, clock):
    services = build_services(
        config.replace(share={"extra_holidays": ("2026-11-27",)}), clock=clock
    )
    try:
        assert date(2026, 11, 27) in services.holidays
        assert date(2026, 10, 5) in services.holidays
        assert date(2026, 11, 26) not in services.holidays
    finally:
        await services.close()


def test_extra_holidays_come_from_the_file_or_the_environment(tmp_path):
    path = tmp_path / "bot.toml"
    path.write_text('[share]\nextra_holidays = ["2026-06-03"]\n', encoding="utf-8")
    assert load_config(path, env={}).share.extra_holidays == ("2026-06-03",)
    env = {"BOT_SHARE_EXTRA_HOLIDAYS": "2026-06-03, 2026-11-27"}
    assert load_config(path, env=env).share.extra_holidays == ("2026-06-03", "2026-11-27")


@pytest.mark.parametrize("bad", ["2026-13-01", "내일", "12/25"])
def test_a_bad_extra_holiday_is_refused_naming_the_key(tmp_path, bad):
    path = tmp_path / "bot.toml"
    path.write_text(f'[share]\nextra_holidays = ["{bad}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"share\.extra_holidays: .* \(YYYY-MM-DD\)"):
        load_config(path, env={})
