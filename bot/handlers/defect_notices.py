"""How a household's defect reports read to residents: status with its date or reason, the
place, and the household's notifications ("defect.status", "defect.comment") with buttons to
open the report and, after 완료, to rate the fix."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.handlers.defect_words import category_word, status_word
from bot.i18n import Translator
from bot.screens import Button, Screen
from core.defects.model import DefectReport, Status, Where

STARS = (5, 4, 3, 2, 1)


def place_words(t: Translator, where: str, place: str) -> str:
    if where == Where.COMMON:
        return t._("공용부 ({place})", place=place)
    return t._("우리 집")


def status_words(
    t: Translator, status: str, *, reason: str = "", hold_until: datetime | None = None
) -> str:
    """The status in words, with the date of 보류 and the reason of 반려."""
    word = status_word(t, status)
    if status == Status.ON_HOLD and hold_until is not None:
        return t._("{word} ({date}까지)", word=word, date=t.datetime(hold_until, "M월 d일"))
    if status == Status.REJECTED and reason:
        return t._("{word} (이유: {reason})", word=word, reason=clip(reason, 100))
    return word


def report_status(t: Translator, report: DefectReport) -> str:
    return status_words(t, report.status, reason=report.reason, hold_until=report.hold_until)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def star_label(t: Translator, stars: int) -> str:
    if stars == 5:
        return t._("5점 아주 좋아요")
    if stars == 1:
        return t._("1점 아쉬워요")
    return t._("{n}점", n=stars)


def _status_notice(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.defects import OpenReport, RateStars

    hold = datetime.fromisoformat(p["hold_until"]) if p.get("hold_until") else None
    status = status_words(t, p["status"], reason=p.get("reason", ""), hold_until=hold)
    text = t._(
        "[고장 신고 {number}]\n{category} 신고가 '{status}' 상태가 되었어요.",
        number=p["number"],
        category=category_word(t, p.get("category", "")),
        status=status,
    )
    buttons = [Button(t._("신고 보기"), OpenReport(p["report_id"]).dump())]
    if p["status"] == Status.DONE:
        text += "\n" + t._("수리가 어땠는지 점수를 눌러 알려 주세요.")
        buttons += [Button(star_label(t, n), RateStars(p["report_id"], n).dump()) for n in STARS]
    return Screen(text, buttons=tuple(buttons))


def _comment_notice(t: Translator, p: dict[str, Any]) -> Screen:
    from bot.handlers.defects import OpenReport

    text = t._(
        '[고장 신고 {number}]\n관리사무소에서 글을 남겼어요.\n"{text}"',
        number=p["number"],
        text=clip(p.get("text", ""), 300),
    )
    return Screen(text, buttons=(Button(t._("신고 보기"), OpenReport(p["report_id"]).dump()),))


def register_notifications(kinds) -> None:
    """How the household's defect notifications read (called by build_engine)."""
    for kind, renderer in (("defect.status", _status_notice), ("defect.comment", _comment_notice)):
        if kind not in kinds:
            kinds.register(kind, renderer)
