"""How defect reports read in the coordinator's screens, beyond the shared words of
defect_words: statuses in workflow order, the masked place of a report in lists (the 동,
never the unit), a report's age and the median time to complete."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.handlers.defect_words import CATEGORY_WORDS, category_word, status_word
from core.defects.model import DefectReport, Status, Where

if TYPE_CHECKING:
    from bot.i18n import Translator

__all__ = ["CATEGORY_WORDS", "STATUS_ORDER", "age", "category_word", "duration", "status_word"]

# The order of the coordinator's status buttons and of the summary.
STATUS_ORDER = (
    Status.RECEIVED,
    Status.ACKNOWLEDGED,
    Status.IN_PROGRESS,
    Status.ON_HOLD,
    Status.DONE,
    Status.REJECTED,
)


def place_masked(t: Translator, report: DefectReport, building: str) -> str:
    """For lists: the 동 only, never the unit ("101동 · 세대 안" / "101동 · 공용부: 주차장")."""
    if report.where == Where.COMMON:
        return t._("{building}동 · 공용부: {place}", building=building, place=report.place)
    return t._("{building}동 · 세대 안", building=building)


def age(t: Translator, since: datetime, now: datetime) -> str:
    """How long ago, roughly: 방금 / 40분 전 / 5시간 전 / 3일 전."""
    minutes = int((now - since).total_seconds() // 60)
    if minutes < 1:
        return t._("방금")
    if minutes < 60:
        return t._("{n}분 전", n=minutes)
    if minutes < 48 * 60:
        return t._("{n}시간 전", n=minutes // 60)
    return t._("{n}일 전", n=minutes // (24 * 60))


def duration(t: Translator, hours: float | None) -> str:
    """A median time to complete: hours under two days, days (one decimal) beyond."""
    if hours is None:
        return t._("완료된 신고가 없어요")
    if hours < 48:
        return t._("{n}시간", n=_one_decimal(hours))
    return t._("{n}일", n=_one_decimal(hours / 24))


def _one_decimal(value: float) -> str:
    """3.0 -> "3", 2.54 -> "2.5"."""
    return format(value, ".1f").removesuffix(".0")
