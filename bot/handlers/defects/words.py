"""How defect reports read, for residents and coordinators alike: categories and statuses in
plain Korean (statuses in workflow order), the place of a report (masked to the 동 in the
coordinator's lists), a status with its date or reason, the star labels of a rating, a
report's age and the median time to complete. A leaf: it imports no handler module."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import N_, Translator
from core.defects.model import Category, DefectReport, Status, Where

OTHER_CATEGORY = N_("기타")
FIRST_STATUS = N_("접수")
CATEGORY_WORDS: dict[str, str] = {
    Category.LEAK: N_("누수"),
    Category.ELECTRIC: N_("전기"),
    Category.HEATING: N_("난방·온수"),
    Category.ELEVATOR: N_("승강기"),
    Category.COMMON: N_("공용시설"),
    Category.OTHER: N_("기타"),
}
STATUS_WORDS: dict[str, str] = {
    Status.RECEIVED: N_("접수"),
    Status.ACKNOWLEDGED: N_("확인"),
    Status.IN_PROGRESS: N_("처리중"),
    Status.ON_HOLD: N_("보류"),
    Status.DONE: N_("완료"),
    Status.REJECTED: N_("반려"),
}
# The order of the coordinator's status buttons and of the summary.
STATUS_ORDER = (
    Status.RECEIVED,
    Status.ACKNOWLEDGED,
    Status.IN_PROGRESS,
    Status.ON_HOLD,
    Status.DONE,
    Status.REJECTED,
)
STARS = (5, 4, 3, 2, 1)


def category_word(t: Translator, category: str) -> str:
    return t._(CATEGORY_WORDS.get(category, OTHER_CATEGORY))


def status_word(t: Translator, status: str) -> str:
    return t._(STATUS_WORDS.get(status, FIRST_STATUS))


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def place_words(t: Translator, where: str, place: str) -> str:
    if where == Where.COMMON:
        return t._("함께 쓰는 곳 ({place})", place=place)
    return t._("우리 집")


def place_masked(t: Translator, report: DefectReport, building: str) -> str:
    """For lists: the 동 only, never the unit ("101동 · 세대 안" / "101동 · 공용부: 주차장")."""
    if report.where == Where.COMMON:
        return t._("{building}동 · 함께 쓰는 곳: {place}", building=building, place=report.place)
    return t._("{building}동 · 세대 안", building=building)


def status_words(
    t: Translator, status: str, *, reason: str = "", hold_until: datetime | None = None
) -> str:
    """The status in words, with the date of 보류 and the reason of 반려."""
    word = status_word(t, status)
    if status == Status.ON_HOLD and hold_until is not None:
        return t._("{word} ({date}까지)", word=word, date=t.day(hold_until))
    if status == Status.REJECTED and reason:
        return t._("{word} (이유: {reason})", word=word, reason=clip(reason, 100))
    return word


def report_status(t: Translator, report: DefectReport) -> str:
    return status_words(t, report.status, reason=report.reason, hold_until=report.hold_until)


def star_label(t: Translator, stars: int) -> str:
    if stars == 5:
        return t._("5점 아주 좋아요")
    if stars == 1:
        return t._("1점 아쉬워요")
    return t._("{n}점", n=stars)


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
