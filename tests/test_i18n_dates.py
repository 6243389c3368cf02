"""Every date and time reaches residents through the Translator's named helpers (bot/i18n.py),
which let Babel order and spell it per language: "12월 4일", "Dec 4", "4 tháng 12", "12月4日".
A hard-coded pattern at a call (`t.datetime(x, "M월 d일")`) would show Korean to everyone."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.support import NullTranslations

from bot.i18n import Translator

ROOT = Path(__file__).resolve().parent.parent
FORMATTERS = {"format_datetime", "format_date", "format_time", "format_skeleton", "strftime"}


def patterned_calls(source: str, where: str) -> list[str]:
    """Calls that format a date by a literal pattern, and imports of babel.dates."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "babel.dates":
            found.append(f"{where}:{node.lineno} imports babel.dates")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        literal = any(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            for arg in (*node.args, *(k.value for k in node.keywords))
        )
        if (name == "datetime" and literal and isinstance(func, ast.Attribute)) or (
            name in FORMATTERS and literal
        ):
            found.append(f"{where}:{node.lineno} {ast.unparse(node)[:60]}")
    return found


def test_no_date_is_formatted_by_a_literal_pattern_outside_the_translator():
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if path == ROOT / "bot" / "i18n.py":
            continue
        where = str(path.relative_to(ROOT))
        found += patterned_calls(path.read_text(encoding="utf-8"), where)
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        't.datetime(when, "M월 d일")',
        "ctx.t.datetime(x, pattern='HH:mm')",
        "x.strftime('%m/%d')",
        "from babel.dates import format_skeleton",
    ],
)
def test_the_check_sees_a_patterned_call(source):
    assert patterned_calls(source, "x.py")


def test_the_check_lets_named_helpers_and_constructors_pass():
    assert patterned_calls("t.day(when); t.datetime(when); datetime(2026, 12, 4)", "x.py") == []


WHEN = datetime(2026, 12, 4, 6, 5, tzinfo=UTC)  # Friday 15:05 in Seoul


def t(locale: str) -> Translator:
    return Translator(locale, NullTranslations(), ZoneInfo("Asia/Seoul"))


@pytest.mark.parametrize(
    ("locale", "day", "weekday_day", "when"),
    [
        ("ko", "12월 4일", "12월 4일 (금)", "12월 4일 (금) 오후 3:05"),
        ("en", "Dec 4", "Fri, Dec 4", "Fri, Dec 4, 3:05 PM"),
        ("vi", "4 tháng 12", "Thứ 6, 4 tháng 12", "15:05 Thứ 6, 4 tháng 12"),
        ("zh_Hans", "12月4日", "12月4日周五", "12月4日周五 下午3:05"),
    ],
)
def test_each_language_writes_dates_its_own_way(locale, day, weekday_day, when):
    assert t(locale).day(WHEN) == day
    assert t(locale).weekday_day(WHEN) == weekday_day
    assert t(locale).datetime(WHEN) == when
    assert t(locale).day(date(2026, 12, 4)) == day  # a date without a time too


def test_the_other_helpers_in_korean_and_english():
    ko, en = t("ko"), t("en")
    assert (ko.short_day(WHEN), en.short_day(WHEN), t("vi").short_day(WHEN)) == (
        "12/4",
        "12/4",
        "4/12",
    )
    assert (ko.month(WHEN), en.month(WHEN)) == ("2026년 12월", "December 2026")
    assert (ko.long_day(WHEN), en.long_day(WHEN)) == ("2026년 12월 4일", "December 4, 2026")
    assert t("vi").long_day(WHEN) == "ngày 4 tháng 12 năm 2026"
    assert (ko.time(WHEN), en.time(WHEN), ko.clock(WHEN)) == ("오후 3:05", "3:05 PM", "15:05")
    assert (ko.day_time(WHEN), en.day_time(WHEN)) == ("12월 4일 오후 3:05", "Dec 4, 3:05 PM")
    assert ko.short_day_time(WHEN) == "12/4 오후 3:05"
    assert (ko.weekday(WHEN), en.weekday(WHEN), t("zh_Hans").weekday(WHEN)) == (
        "금요일",
        "Friday",
        "星期五",
    )


def test_amounts_in_won_group_digits_the_locales_way():
    assert t("ko").number(1234567) == "1,234,567"
    assert t("vi").number(1234567) == "1.234.567"
